#!/usr/bin/env -S node --max-semi-space-size=8
// The `amy` command: bundles the sources (bin/bundle.js, under a second) and runs the bundle. The
// young generation is capped for a web server's short-lived garbage (see docs/decisions.md, "Memory").
import { bundle } from "./bundle.js";

await import(await bundle("src/main.ts", "amy"));
