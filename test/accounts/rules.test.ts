import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  isAdmin,
  isLoginBlocked,
  passwordProblems,
  safeNextPath,
  similarity,
} from "../../src/accounts/rules.ts";

const owner = { username: "jsmith", email: "john.smith@example.org", personal: "John", family: "Smith" };

describe("password rules", () => {
  test("accepts a long, uncommon password unrelated to the person", () => {
    assert.deepEqual(passwordProblems("violet tractor harbour", owner), []);
  });

  test("refuses a password shorter than 8 characters", () => {
    assert.match(passwordProblems("k9#Lq2!", owner).join(), /at least 8/);
  });

  test("refuses a password made of digits only", () => {
    assert.match(passwordProblems("90817263545", owner).join(), /digits/);
  });

  test("refuses a common password, whatever its case", () => {
    assert.match(passwordProblems("Password123", owner).join(), /common/);
  });

  test("refuses a password too close to the username, name or email", () => {
    assert.match(passwordProblems("jsmith01", owner).join(), /username/);
    assert.match(passwordProblems("smith2024", { ...owner, email: "js@example.org" }).join(), /last name/);
    assert.match(passwordProblems("john.smith@example", owner).join(), /email/);
  });

  test("similarity follows difflib's ratio", () => {
    assert.equal(similarity("abcd", "abcd"), 1);
    assert.equal(similarity("abcd", "wxyz"), 0);
    assert.equal(similarity("abcd", "abxy"), 0.5);
  });
});

describe("next after login", () => {
  test("keeps a path on this site, with its query", () => {
    assert.equal(safeNextPath("/workshops/persons/?page=2"), "/workshops/persons/?page=2");
  });
  test("falls back to the dashboard for anything else", () => {
    for (const next of [
      undefined,
      "",
      "https://evil.example",
      "//evil.example",
      "/\\evil",
      "/a\nb",
      "dashboard",
    ]) {
      assert.equal(safeNextPath(next), "/dashboard/", String(next));
    }
  });
});

describe("who is an admin", () => {
  test("superusers and members of the four admin groups", () => {
    assert.equal(isAdmin({ isSuperuser: true, groups: [] }), true);
    for (const group of ["administrators", "steering committee", "invoicing", "trainers"]) {
      assert.equal(isAdmin({ isSuperuser: false, groups: [group] }), true, group);
    }
    assert.equal(isAdmin({ isSuperuser: false, groups: ["some other group"] }), false);
  });
});

describe("failed-login limit", () => {
  test("blocks at 10 failures for the account or from the address", () => {
    assert.equal(isLoginBlocked({ forAccount: 9, fromAddress: 9 }), false);
    assert.equal(isLoginBlocked({ forAccount: 10, fromAddress: 0 }), true);
    assert.equal(isLoginBlocked({ forAccount: 0, fromAddress: 10 }), true);
  });
});
