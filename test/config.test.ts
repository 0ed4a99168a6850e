import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../src/config.ts";

const dataDir = () => mkdtempSync(join(tmpdir(), "amy-config-"));

describe("configuration", () => {
  test("has development defaults", () => {
    const config = loadConfig({ AMY_DATA_DIR: dataDir() });
    assert.equal(config.host, "127.0.0.1");
    assert.equal(config.port, 8000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.siteBanner, "local");
    assert.equal(config.siteUrl.href, "http://localhost:8000/");
  });

  test("generates a secret key once and keeps it in the data directory", () => {
    const dir = dataDir();
    const first = loadConfig({ AMY_DATA_DIR: dir }).secretKey;
    assert.ok(first.length >= 32);
    assert.equal(loadConfig({ AMY_DATA_DIR: dir }).secretKey, first);
    assert.equal(readFileSync(join(dir, "secret-key"), "utf8").trim(), first);
  });

  test("treats an empty variable as unset", () => {
    assert.equal(loadConfig({ AMY_DATA_DIR: dataDir(), PORT: "" }).port, 8000);
  });

  test("names every bad value in one error", () => {
    assert.throws(
      () => loadConfig({ PORT: "eighty", AMY_SITE_BANNER: "staging", DATABASE_URL: "mysql://x" }),
      (error: Error) =>
        error instanceof ConfigError &&
        /PORT/.test(error.message) &&
        /AMY_SITE_BANNER/.test(error.message) &&
        /DATABASE_URL/.test(error.message),
    );
  });

  test("production refuses to start without a database, secret key, site URL and reports-link salts", () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: "production" }),
      /DATABASE_URL, AMY_SECRET_KEY, AMY_SITE_URL, AMY_REPORTS_SALT_FRONT, AMY_REPORTS_SALT_BACK/,
    );
  });

  test("production accepts a complete configuration", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://amy@db/amy",
      AMY_SECRET_KEY: "k".repeat(40),
      AMY_SITE_URL: "https://amy.example.org",
      AMY_TRUST_PROXY: "10.0.0.0/8",
      AMY_REPORTS_SALT_FRONT: "front",
      AMY_REPORTS_SALT_BACK: "back",
    });
    assert.equal(config.siteUrl.protocol, "https:");
    assert.equal(config.trustProxy, "10.0.0.0/8");
  });

  test("a short secret key is refused", () => {
    assert.throws(() => loadConfig({ AMY_SECRET_KEY: "short" }), /AMY_SECRET_KEY/);
  });
});

test("production with an https site URL needs AMY_TRUST_PROXY, since TLS ends at a proxy", () => {
  assert.throws(
    () =>
      loadConfig({
        NODE_ENV: "production",
        DATABASE_URL: "postgres://amy@db/amy",
        AMY_SECRET_KEY: "k".repeat(40),
        AMY_SITE_URL: "https://amy.example.org",
        AMY_REPORTS_SALT_FRONT: "front",
        AMY_REPORTS_SALT_BACK: "back",
      }),
    /AMY_TRUST_PROXY/,
  );
});
