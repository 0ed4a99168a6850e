#!/usr/bin/env -S node --max-semi-space-size=8
// The `amy` command: runs the TypeScript sources through tsx. The young generation is capped for a
// web server's short-lived garbage (see docs/decisions.md, "Memory").
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
