import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { PRODUCTION_ENV } from "../helpers/config.ts";

const base = () => ({ AMY_DATA_DIR: mkdtempSync(join(tmpdir(), "amy-github-config-")) });

describe("GitHub login settings", () => {
  test("without a client id GitHub login is off, in production too", () => {
    assert.equal(loadConfig(base()).github, undefined);
    const production = loadConfig({ ...base(), ...PRODUCTION_ENV });
    assert.equal(production.github, undefined);
  });

  test("with a client id and secret it uses GitHub's endpoints unless told otherwise", () => {
    const config = loadConfig({ ...base(), AMY_GITHUB_CLIENT_ID: "id", AMY_GITHUB_CLIENT_SECRET: "secret" });
    assert.deepEqual(config.github, {
      clientId: "id",
      clientSecret: "secret",
      authorizeUrl: "https://github.com/login/oauth/authorize",
      tokenUrl: "https://github.com/login/oauth/access_token",
      apiUrl: "https://api.github.com",
    });
  });

  test("a client id without its secret is a configuration error", () => {
    assert.throws(
      () => loadConfig({ ...base(), AMY_GITHUB_CLIENT_ID: "id" }),
      (error: Error) => error instanceof ConfigError && /AMY_GITHUB_CLIENT_SECRET/.test(error.message),
    );
  });

  test("endpoints must be http(s) URLs", () => {
    assert.throws(
      () => loadConfig({ ...base(), AMY_GITHUB_TOKEN_URL: "ftp://example.org/token" }),
      (error: Error) => error instanceof ConfigError && /AMY_GITHUB_TOKEN_URL/.test(error.message),
    );
  });
});
