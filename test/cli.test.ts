import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";

const AMY = new URL("../bin/amy.js", import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function amy(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AMY, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; got:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
}

const dataDirs: string[] = [];
after(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "amy-cli-"));
  dataDirs.push(dir);
  return { AMY_DATA_DIR: dir, DATABASE_URL: "" };
}

describe("amy command", () => {
  test("createsuperuser creates an account once and refuses a duplicate clearly", async () => {
    const env = freshDataDir();
    const args = ["createsuperuser", "--username", "grace", "--email", "grace@example.org"];
    const created = await amy(args, { ...env, AMY_PASSWORD: "compiler pioneer 1906" });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Superuser "grace" created/);
    const again = await amy(args, { ...env, AMY_PASSWORD: "compiler pioneer 1906" });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /username "grace" already exists/);

    const changed = await amy(["changepassword", "grace", "--password", "another fine phrase"], env);
    assert.equal(changed.code, 0, changed.stderr);
    const unknown = await amy(["changepassword", "nobody", "--password", "another fine phrase"], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no person with the username "nobody"/);
  });

  test("a weak password is refused with the reason", async () => {
    const run = await amy(
      ["createsuperuser", "--username", "weak", "--email", "weak@example.org", "--password", "12345678"],
      freshDataDir(),
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /not acceptable/);
  });

  test("a bad configuration value stops the command with a message and exit code 1", async () => {
    const run = await amy(["migrate"], { ...freshDataDir(), PORT: "eighty" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /PORT/);
  });

  test("an unknown command prints the usage with exit code 2", async () => {
    const run = await amy(["frobnicate"], freshDataDir());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: npx amy/);
  });

  test("start sets up an empty database, prints the admin credentials once, and locks the data directory", async () => {
    const env = { ...freshDataDir(), PORT: "0" };
    const server = spawn(process.execPath, [AMY, "start"], { env: { ...process.env, ...env } });
    try {
      const output = await waitForOutput(server, /Server listening|listening/i);
      assert.match(output, /username: admin/);
      assert.match(output, /password: \S{12,}/);
      const second = await amy(["migrate"], env);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`in use by another AMY process \\(pid ${server.pid}`));
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.on("close", resolve));
    }
    const restarted = spawn(process.execPath, [AMY, "start"], { env: { ...process.env, ...env } });
    try {
      const output = await waitForOutput(restarted, /listening/i);
      assert.doesNotMatch(output, /username: admin/);
    } finally {
      restarted.kill("SIGTERM");
      await new Promise((resolve) => restarted.on("close", resolve));
    }
  });
});
