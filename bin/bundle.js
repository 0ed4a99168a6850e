// Bundles a TypeScript entry point with the project's sources and drizzle-orm into one ES module
// under dist/, which plain Node runs. Every other package stays an import from node_modules.
//
// Why: Node 24 keeps a large share of memory for each module it loads from a package with a big
// package.json, and drizzle-orm's (180 kB, 450 export paths) is read for each of its ~150 modules:
// about 130 MB of the server's resident memory. Bundled, that cost is gone (see docs/decisions.md,
// "Memory"), and startup needs no TypeScript loader.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("..", import.meta.url);

/** Packages are imported at run time, except drizzle-orm, whose modules the bundle takes in. */
const importPackagesButDrizzle = {
  name: "import-packages-but-drizzle",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === "drizzle-orm" || args.path.startsWith("drizzle-orm/")
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Writes dist/<name>.mjs from the entry (a path from the project's root) and returns its path.
 * The file is written aside and renamed, so a process starting at the same moment never reads half.
 */
export async function bundle(entry, name) {
  const result = await build({
    entryPoints: [new URL(entry, root).pathname],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node24",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    logLevel: "error",
    plugins: [importPackagesButDrizzle],
  });
  const dist = new URL("dist/", root).pathname;
  mkdirSync(dist, { recursive: true });
  const file = `${dist}${name}.mjs`;
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, result.outputFiles[0].contents);
  renameSync(aside, file);
  return file;
}
