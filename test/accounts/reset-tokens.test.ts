import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  decodeUid,
  encodeUid,
  isValidResetToken,
  makeResetToken,
  resetTokenKey,
} from "../../src/accounts/password-reset/tokens.ts";

const key = resetTokenKey("a secret key that is long enough for the tests");
const person = {
  id: 42,
  password: "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
  lastLogin: new Date("2025-03-01T10:00:00.123Z"),
  email: "ada@example.org",
};
const made = new Date("2025-03-05T12:00:00Z");
const later = (seconds: number) => new Date(made.getTime() + seconds * 1000);
const DAYS_3 = 3 * 24 * 60 * 60;

describe("reset tokens", () => {
  test("a new token is valid for the person it was made for", () => {
    assert.ok(isValidResetToken(key, person, makeResetToken(key, person, made), made));
  });

  test("stays valid for 3 days and not a second longer", () => {
    const token = makeResetToken(key, person, made);
    assert.ok(isValidResetToken(key, person, token, later(DAYS_3)));
    assert.ok(!isValidResetToken(key, person, token, later(DAYS_3 + 1)));
  });

  test("stops working once the password changes, i.e. once it was used", () => {
    const token = makeResetToken(key, person, made);
    assert.ok(!isValidResetToken(key, { ...person, password: `${person.password}x` }, token, made));
  });

  test("stops working once the person logs in again", () => {
    const token = makeResetToken(key, person, made);
    assert.ok(!isValidResetToken(key, { ...person, lastLogin: later(60) }, token, later(61)));
  });

  test("works for a person who never logged in", () => {
    const neverLoggedIn = { ...person, lastLogin: null };
    assert.ok(isValidResetToken(key, neverLoggedIn, makeResetToken(key, neverLoggedIn, made), made));
  });

  test("stops working once the email address changes", () => {
    const token = makeResetToken(key, person, made);
    assert.ok(!isValidResetToken(key, { ...person, email: "other@example.org" }, token, made));
  });

  test("is bound to the person and to the secret key", () => {
    const token = makeResetToken(key, person, made);
    assert.ok(!isValidResetToken(key, { ...person, id: 43 }, token, made));
    assert.ok(!isValidResetToken(resetTokenKey("another secret key, also long enough"), person, token, made));
  });

  test("a token whose date was changed is refused", () => {
    const token = makeResetToken(key, person, made);
    const [, signature] = token.split("-");
    const moved = `${(Number.parseInt(token.split("-")[0] ?? "", 36) + 1).toString(36)}-${signature}`;
    assert.ok(!isValidResetToken(key, person, moved, made));
  });

  for (const token of [
    "",
    "abc",
    "-",
    "zzz-123",
    `x-${"g".repeat(32)}`,
    `${"1".repeat(20)}-${"a".repeat(32)}`,
  ]) {
    test(`a malformed token (${JSON.stringify(token)}) is refused without an error`, () => {
      assert.ok(!isValidResetToken(key, person, token, made));
    });
  }
});

describe("person ids in links", () => {
  test("round-trip through the link form", () => {
    assert.equal(encodeUid(42), "NDI");
    assert.equal(decodeUid(encodeUid(42)), 42);
    assert.equal(decodeUid(encodeUid(123456789)), 123456789);
  });

  for (const uid of ["", "!!", "NDI=", "MDQy", "LTE", "YWJj", "A".repeat(40), "NDI/"]) {
    test(`"${uid}" is not a person id`, () => {
      assert.equal(decodeUid(uid), undefined);
    });
  }
});
