#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=100
// The `amy` command: bundles the sources (bin/bundle.js, under a second) and runs the bundle. The
// young generation is capped for a web server's short-lived garbage, and the old generation may only
// double its live size between full collections (see docs/decisions.md, "Platform").
import { bundle } from "./bundle.js";

await import(await bundle("src/main.ts", "amy"));
