import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { searchForm } from "../../src/search/forms.ts";
import { onlyHit } from "../../src/search/rules.ts";

const hit = { href: "/workshops/person/1/", text: "Ada" };

describe("going straight to the only result", () => {
  test("happens when exactly one record matched over all sections", () => {
    assert.deepEqual(
      onlyHit([
        { count: 0, items: [] },
        { count: 1, items: [hit] },
      ]),
      hit,
    );
  });

  test("does not happen when several records matched, even in different sections", () => {
    assert.equal(
      onlyHit([
        { count: 1, items: [hit] },
        { count: 1, items: [hit] },
      ]),
      undefined,
    );
  });

  test("does not happen when nothing matched", () => {
    assert.equal(onlyHit([{ count: 0, items: [] }]), undefined);
  });
});

describe("the search form", () => {
  test("trims the term and reads a ticked no_redirect box as true", () => {
    assert.deepEqual(searchForm.parse({ term: "  ada ", no_redirect: "on" }), {
      term: "ada",
      no_redirect: true,
    });
  });

  test("reads a missing or empty no_redirect as false, as Django's BooleanField does", () => {
    assert.equal(searchForm.parse({ term: "a" }).no_redirect, false);
    assert.equal(searchForm.parse({ term: "a", no_redirect: "" }).no_redirect, false);
  });

  test("refuses a term that is only spaces, since it is empty once trimmed", () => {
    assert.equal(searchForm.safeParse({ term: "   " }).success, false);
  });

  test("refuses a term longer than 100 characters, counted after trimming", () => {
    assert.equal(searchForm.safeParse({ term: "a".repeat(101) }).success, false);
    assert.equal(searchForm.safeParse({ term: ` ${"a".repeat(100)} ` }).success, true);
  });
});
