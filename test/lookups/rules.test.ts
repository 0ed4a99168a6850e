import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  containsPattern,
  hasParam,
  LOOKUP_PAGE_SIZE,
  optionalId,
  parseLookupRequest,
  toPage,
  twoTokens,
} from "../../src/lookups/rules.ts";
import { BadRequestError } from "../../src/server/errors.ts";

describe("lookup requests", () => {
  test("trim the term and start at the first page when no page is given", () => {
    assert.deepEqual(parseLookupRequest({ term: "  ada " }), {
      term: "ada",
      page: 1,
      offset: 0,
      limit: LOOKUP_PAGE_SIZE + 1,
    });
  });

  test("skip the earlier pages' rows for a later page", () => {
    assert.equal(parseLookupRequest({ page: "3" }).offset, 2 * LOOKUP_PAGE_SIZE);
  });

  test("treat a malformed or zero page as the first page, since select widgets only send numbers", () => {
    for (const page of ["0", "-1", "x", "1.5", ""]) assert.equal(parseLookupRequest({ page }).page, 1, page);
  });

  test("take an id parameter as a number and refuse one that is not an id", () => {
    assert.equal(optionalId({ person: "12" }, "person"), 12);
    assert.equal(optionalId({}, "person"), undefined);
    assert.equal(optionalId({ person: "" }, "person"), undefined);
    assert.throws(() => optionalId({ person: "12a" }, "person"), BadRequestError);
  });

  test("notice a parameter that is present even when it is empty", () => {
    assert.equal(hasParam({ subtag: "" }, "subtag"), true);
    assert.equal(hasParam({}, "subtag"), false);
  });
});

describe("lookup pages", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, id) => ({ id, text: String(id) }));

  test("say there is more when a row beyond the page was fetched, and drop that row", () => {
    const page = toPage(rows(LOOKUP_PAGE_SIZE + 1));
    assert.equal(page.results.length, LOOKUP_PAGE_SIZE);
    assert.equal(page.more, true);
  });

  test("say there is no more when the page is not full", () => {
    assert.equal(toPage(rows(LOOKUP_PAGE_SIZE)).more, false);
  });
});

describe("matching", () => {
  test("take LIKE wildcards in the term literally", () => {
    assert.equal(containsPattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
  });

  test("split a two-word term into personal and family candidates only", () => {
    assert.deepEqual(twoTokens(" Ada   Lovelace "), ["Ada", "Lovelace"]);
    assert.equal(twoTokens("Ada"), undefined);
    assert.equal(twoTokens("Ada King Lovelace"), undefined);
  });
});
