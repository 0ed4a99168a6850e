// Plain JavaScript: the test runner loads this file before tsx can compile TypeScript for it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const { createTemplate, dropTemplate } = await import("./helpers/database.ts");

let workDir;

/** Migrates one template database for the whole run; each test file then copies it. */
export async function globalSetup() {
  process.env.NODE_ENV = "test";
  workDir = await mkdtemp(join(tmpdir(), "amy-test-"));
  process.env.AMY_TEST_WORK_DIR = workDir;
  await createTemplate(join(workDir, "template.tar"));
}

export async function globalTeardown() {
  await dropTemplate();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
