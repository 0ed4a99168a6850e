import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hashPassword, isUsablePassword, verifyPassword } from "../../src/accounts/passwords.ts";

const DJANGO_PASSWORD = "django password 1";
// Hashes in the formats an AMY (Django) database holds, made with Python's hashlib / bcrypt / argon2.
const DJANGO_HASHES = {
  pbkdf2_sha256: "pbkdf2_sha256$260000$Rnd0mSalt$rwHsBpq1dqg5X0BWq/JuR1CS6XIXWYyik8IzQBRS6eI=",
  pbkdf2_sha1: "pbkdf2_sha1$10000$OtherSalt$SMe3UW1ZsHOFvs0uW+HkNi/7AqI=",
  bcrypt_sha256: "bcrypt_sha256$$2b$04$PkkSnfVtobSslmfrzqbC0O1mVEHU.fQg8nui3x9leJC2EklXU5IVe",
  bcrypt: "bcrypt$$2b$04$2/oPRWXJb7lViseyjwRbeesAi6l7LVkQLK.xleVrsaKjtQ3/o8FW6",
  argon2:
    "argon2$argon2i$v=19$m=1024,t=2,p=1$xmbZmMtT2xURgWlqs2soig$Fj8vZf4b5lK5pJnVG1Qv+3vefSMElcF8xj5KwvCTgLY",
};

describe("password hashes", () => {
  test("a new hash is argon2id and verifies without needing a rehash", async () => {
    const encoded = await hashPassword("a fine passphrase");
    assert.match(encoded, /^\$argon2id\$/);
    assert.deepEqual(await verifyPassword("a fine passphrase", encoded), { valid: true, needsRehash: false });
    assert.equal((await verifyPassword("another passphrase", encoded)).valid, false);
  });

  for (const [format, encoded] of Object.entries(DJANGO_HASHES)) {
    test(`a Django ${format} hash verifies and asks to be rehashed`, async () => {
      assert.deepEqual(await verifyPassword(DJANGO_PASSWORD, encoded), { valid: true, needsRehash: true });
      assert.equal((await verifyPassword("wrong", encoded)).valid, false);
    });
  }

  test("unusable and malformed hashes never verify", async () => {
    for (const encoded of [
      "!",
      "!abcdef",
      "",
      "md5$x$y",
      "pbkdf2_sha256$notanumber$salt$hash",
      "pbkdf2_sha256$1",
    ]) {
      assert.equal((await verifyPassword("anything", encoded)).valid, false, encoded);
    }
    assert.equal(isUsablePassword("!"), false);
  });
});
