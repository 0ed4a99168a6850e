#!/usr/bin/env node
// The `amy` command: runs the TypeScript sources through tsx (see docs/decisions.md).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
