#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=8 --heap-growing-percent=100
// The `amy` command: bundles the sources (bin/bundle.js, under a second) and runs the bundle. The
// young generation is capped for a web server's short-lived garbage, the old generation may only
// double its live size between full collections, and malloc keeps two arenas instead of one per
// thread that ever allocated (see docs/decisions.md, "Platform").
import { bundle } from "./bundle.js";

await import(await bundle("src/main.ts", "amy"));
