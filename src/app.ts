import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import { routePlugins } from "./modules.ts";
import { registerPlatform } from "./server/platform.tsx";

export interface AppOptions {
  config: Config;
  db: Db;
  logger?: boolean;
  /** Routes of a harness around the app (the benchmark's floor routes), added before it is ready. */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** Builds the whole application without starting it: tests call this and use `app.inject()`. */
export async function buildApp({
  config,
  db,
  logger = true,
  extraRoutes,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config) : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  await registerPlatform(app, config, db);
  for (const plugin of routePlugins) await app.register(plugin);
  extraRoutes?.(app);
  await app.ready();
  return app;
}

function loggerOptions(config: Config) {
  if (config.env === "development") {
    return { level: "info", transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } };
  }
  return { level: "info" };
}
