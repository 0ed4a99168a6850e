import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  affiliationRows,
  isOrganizationOrdering,
  mapUrl,
  normalizeDomain,
  organizationDisplay,
  organizationPath,
} from "../../src/organizations/rules.ts";

describe("domain normalisation", () => {
  test("follows the five examples of the specification", () => {
    assert.equal(normalizeDomain("http://example.com/"), "example.com/");
    assert.equal(normalizeDomain("ftp://example.com/"), "example.com/");
    assert.equal(normalizeDomain("//example.com/?query"), "example.com/?query");
    assert.equal(normalizeDomain("example.com/path;params?query#fragment"), "example.com/path?query");
    assert.equal(
      normalizeDomain("//user:password@example.com:80/path?query"),
      "user:password@example.com:80/path?query",
    );
  });

  test("keeps a plain domain, or a domain with a path, as it is", () => {
    assert.equal(normalizeDomain("alpha.edu"), "alpha.edu");
    assert.equal(
      normalizeDomain(" carpentries.org/community-lessons/ "),
      "carpentries.org/community-lessons/",
    );
    assert.equal(normalizeDomain("HTTPS://Example.com"), "Example.com");
  });

  test("refuses what is not a URL even with https:// assumed", () => {
    for (const input of ["", "not a domain", "example", "javascript://x.org", "http://"]) {
      assert.equal(normalizeDomain(input), undefined, input);
    }
  });
});

describe("how an organisation is shown and linked", () => {
  test("reads as full name and domain", () => {
    assert.equal(
      organizationDisplay({ fullname: "Alpha Organization", domain: "alpha.edu" }),
      "Alpha Organization <alpha.edu>",
    );
  });

  test("its page encodes the whole domain, slashes included", () => {
    assert.equal(organizationPath("alpha.edu"), "/fiscal/organization/alpha.edu/");
    assert.equal(
      organizationPath("carpentries.org/community-lessons/"),
      "/fiscal/organization/carpentries.org%2Fcommunity-lessons%2F/",
    );
  });

  test("a map link needs both coordinates", () => {
    assert.equal(mapUrl(null, 3), undefined);
    assert.match(mapUrl(51.5, -0.1) ?? "", /mlat=51.5&mlon=-0.1/);
  });

  test("only the four list orderings are accepted", () => {
    assert.ok(isOrganizationOrdering("-fullname"));
    assert.ok(!isOrganizationOrdering("country"));
  });
});

describe("affiliations", () => {
  test("are stored in both directions, without duplicates or the organisation itself", () => {
    assert.deepEqual(affiliationRows(1, [2, 2, 1]), [
      { fromOrganizationId: 1, toOrganizationId: 2 },
      { fromOrganizationId: 2, toOrganizationId: 1 },
    ]);
  });
});
