import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { PRODUCTION_ENV } from "../helpers/config.ts";

const base = () => ({ AMY_DATA_DIR: mkdtempSync(join(tmpdir(), "amy-mail-config-")) });

describe("mail settings", () => {
  test("without AMY_SMTP_URL mail is kept, from webmaster@localhost", () => {
    assert.deepEqual(loadConfig(base()).mail, { smtpUrl: undefined, defaultFrom: "webmaster@localhost" });
  });

  test("production runs without an SMTP server (the outbox keeps the mail)", () => {
    assert.equal(loadConfig({ ...base(), ...PRODUCTION_ENV }).mail.smtpUrl, undefined);
  });

  test("reads the SMTP URL and a sender with a name", () => {
    const config = loadConfig({
      ...base(),
      AMY_SMTP_URL: "smtps://user:secret@mail.example.org:465",
      AMY_DEFAULT_FROM_EMAIL: "AMY <amy@example.org>",
    });
    assert.deepEqual(config.mail, {
      smtpUrl: "smtps://user:secret@mail.example.org:465",
      defaultFrom: "AMY <amy@example.org>",
    });
  });

  for (const [name, value] of [
    ["AMY_SMTP_URL", "http://mail.example.org"],
    ["AMY_SMTP_URL", "not a url"],
    ["AMY_DEFAULT_FROM_EMAIL", "nobody"],
    ["AMY_DEFAULT_FROM_EMAIL", "AMY <amy@example.org"],
  ] as const) {
    test(`refuses ${name}=${value}`, () => {
      assert.throws(
        () => loadConfig({ ...base(), [name]: value }),
        (error: Error) => error instanceof ConfigError && error.message.includes(name),
      );
    });
  }
});
