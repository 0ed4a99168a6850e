import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local web server standing in for workshop websites, friendly and hostile.

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalSite {
  origin: string;
  /** host:port, for AMY_IMPORT_ALLOWED_HOSTS. */
  host: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

export async function startLocalSite(routes: Record<string, Handler>): Promise<LocalSite> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? "");
    const handler = routes[request.url ?? ""];
    if (handler) return handler(request, response);
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const html =
  (body: string, status = 200): Handler =>
  (_request, response) =>
    response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);

export const text =
  (body: string, type: string): Handler =>
  (_request, response) =>
    response.writeHead(200, { "content-type": type }).end(body);

export const redirect =
  (location: string, status = 302): Handler =>
  (_request, response) =>
    response.writeHead(status, { location }).end();

/** Sends `megabytes` of HTML in 64 KiB pieces without announcing the length. */
export const huge =
  (megabytes: number): Handler =>
  (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const piece = "x".repeat(64 * 1024);
    let sent = 0;
    const write = () => {
      while (sent < megabytes * 16) {
        sent++;
        if (!response.write(piece)) return response.once("drain", write);
      }
      response.end();
    };
    response.on("error", () => {});
    write();
  };

/** Answers the headers, then never finishes the body. */
export const stalled: Handler = (_request, response) => {
  response.writeHead(200, { "content-type": "text/html" });
  response.write("<html>");
};

export function workshopPage(metadata: Record<string, string>): string {
  const tags = Object.entries(metadata)
    .map(([name, content]) => `<meta name="${name}" content="${content}">`)
    .join("\n");
  return `<!doctype html><html><head><title>Workshop</title>${tags}</head><body>Welcome</body></html>`;
}
