import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DataDirLockedError, lockDataDir } from "../../src/db/lock.ts";

test("a second holder of the data directory is refused with the holder's pid", () => {
  const dir = mkdtempSync(join(tmpdir(), "amy-lock-"));
  const unlock = lockDataDir(dir);
  const holder = spawnSync(process.execPath, [
    "--import",
    "tsx",
    "-e",
    `import("${new URL("../../src/db/lock.ts", import.meta.url).pathname}").then((m) => m.lockDataDir(${JSON.stringify(dir)}))`,
  ]);
  assert.notEqual(holder.status, 0);
  assert.match(String(holder.stderr), new RegExp(`in use by another AMY process \\(pid ${process.pid}`));
  unlock();
  assert.equal(existsSync(join(dir, "amy.lock")), false);
});

test("a lock left by a process that has ended is taken over", () => {
  const dir = mkdtempSync(join(tmpdir(), "amy-lock-"));
  const ended = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
  writeFileSync(join(dir, "amy.lock"), JSON.stringify({ pid: ended, command: "old", since: "earlier" }));
  const unlock = lockDataDir(dir);
  unlock();
});

test("DataDirLockedError is what a live holder causes", () => {
  const dir = mkdtempSync(join(tmpdir(), "amy-lock-"));
  writeFileSync(
    join(dir, "amy.lock"),
    JSON.stringify({ pid: process.ppid, command: "npm test", since: "now" }),
  );
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
});
