import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  MAX_PAGE_SIZE,
  pageLinks,
  parsePageRequest,
  resolvePage,
  withQuery,
} from "../../src/ui/pagination.ts";

describe("page requests", () => {
  test("default to page 1 with 25 per page", () => {
    assert.deepEqual(parsePageRequest({}), { page: 1, perPage: 25 });
  });
  test("a non-integer page or page size falls back to the default", () => {
    assert.deepEqual(parsePageRequest({ page: "two", items_per_page: "lots" }), { page: 1, perPage: 25 });
    assert.deepEqual(parsePageRequest({ page: "-3", items_per_page: "0" }), { page: 1, perPage: 25 });
    assert.deepEqual(parsePageRequest({ page: "1.5" }), { page: 1, perPage: 25 });
  });
  test("'all' shows everything up to the cap", () => {
    assert.equal(parsePageRequest({ items_per_page: "all" }).perPage, MAX_PAGE_SIZE);
    assert.equal(parsePageRequest({ items_per_page: "99999" }).perPage, MAX_PAGE_SIZE);
  });
  test("a repeated parameter uses its first value", () => {
    assert.deepEqual(parsePageRequest({ page: ["3", "4"] }), { page: 3, perPage: 25 });
  });
});

describe("resolving a page", () => {
  test("a page past the end shows the last page", () => {
    assert.deepEqual(resolvePage({ page: 9, perPage: 25 }, 60), {
      page: 3,
      perPage: 25,
      totalItems: 60,
      totalPages: 3,
      offset: 50,
    });
  });
  test("an empty list has one, empty, page", () => {
    assert.equal(resolvePage({ page: 4, perPage: 25 }, 0).page, 1);
  });
});

describe("page links", () => {
  test("short lists show every page", () => {
    assert.deepEqual(pageLinks(2, 4), [1, 2, 3, 4]);
  });
  test("long lists show the edges and the pages around the current one, with gaps", () => {
    assert.deepEqual(pageLinks(10, 20), [1, 2, "gap", 8, 9, 10, 11, 12, "gap", 19, 20]);
    assert.deepEqual(pageLinks(1, 20), [1, 2, 3, "gap", 19, 20]);
  });
});

test("withQuery keeps other parameters and replaces the named ones", () => {
  const query = new URLSearchParams("badges=1&badges=2&page=3");
  assert.equal(
    withQuery("/workshops/persons/", query, { page: "4" }),
    "/workshops/persons/?badges=1&badges=2&page=4",
  );
  assert.equal(withQuery("/x/", new URLSearchParams("page=2"), { page: undefined }), "/x/");
});
