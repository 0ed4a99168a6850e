import type { FastifyInstance } from "fastify";

/** Listens, and closes cleanly (finishing requests in flight) on SIGINT or SIGTERM. */
export async function serve(app: FastifyInstance, host: string, port: number, onClose: () => Promise<void>) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await onClose();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ host, port });
}
