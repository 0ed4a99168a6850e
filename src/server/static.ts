import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { projectPath } from "../paths.ts";
import { access } from "./access.ts";
import { NotFoundError } from "./errors.ts";

const require = createRequire(import.meta.url);

interface Asset {
  type: string;
  body: Buffer;
}

// A fixed list: nothing outside it can be asked for, so no path can escape to the file system.
function loadAssets(): Map<string, Asset> {
  const css = "text/css; charset=utf-8";
  const js = "text/javascript; charset=utf-8";
  const files: [string, string, string][] = [
    ["bootstrap.min.css", require.resolve("bootstrap/dist/css/bootstrap.min.css"), css],
    ["bootstrap.bundle.min.js", require.resolve("bootstrap/dist/js/bootstrap.bundle.min.js"), js],
    ["tom-select.min.css", require.resolve("tom-select/dist/css/tom-select.bootstrap5.min.css"), css],
    ["tom-select.complete.min.js", require.resolve("tom-select/dist/js/tom-select.complete.min.js"), js],
    ["amy.css", projectPath("static/amy.css"), css],
    ["amy.js", projectPath("static/amy.js"), js],
    ["event-import.js", projectPath("static/event-import.js"), js],
  ];
  return new Map(files.map(([name, path, type]) => [name, { type, body: readFileSync(path) }]));
}

export function registerStaticAssets(app: FastifyInstance): void {
  const assets = loadAssets();
  app.get<{ Params: { file: string } }>(
    "/static/:file",
    { config: { access: access.public } },
    async (request, reply) => {
      const asset = assets.get(request.params.file);
      if (!asset) throw new NotFoundError();
      return reply.type(asset.type).header("cache-control", "public, max-age=3600").send(asset.body);
    },
  );
}
