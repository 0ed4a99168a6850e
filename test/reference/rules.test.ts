import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  exclusiveFlagsToClear,
  isWebAddress,
  parseCountryCodes,
  parseRowId,
  violatedUniqueConstraint,
} from "../../src/reference/rules.ts";
import { CONTINENTS } from "../../src/reference/seeds.ts";

describe("parseCountryCodes", () => {
  test("accepts codes separated by commas and spaces, upper-cases them and drops repeats", () => {
    assert.deepEqual(parseCountryCodes("fr, DE  gb,,fr"), { codes: ["FR", "DE", "GB"], invalid: [] });
  });

  test("accepts AMY's extra codes EU and W3", () => {
    assert.deepEqual(parseCountryCodes("EU W3").invalid, []);
  });

  test("reports codes that are not ISO 3166 two-letter codes", () => {
    assert.deepEqual(parseCountryCodes("FR XX FRA 33").invalid, ["XX", "FRA", "33"]);
  });

  test("accepts every seeded continent's countries", () => {
    for (const continent of CONTINENTS) {
      assert.deepEqual(parseCountryCodes(continent.countries).invalid, [], continent.name);
    }
  });
});

describe("isWebAddress", () => {
  test("accepts http and https addresses", () => {
    assert.ok(isWebAddress("https://datacarpentry.org/lessons/#ecology"));
    assert.ok(isWebAddress("http://example.org"));
  });

  test("refuses other schemes and text without a host name", () => {
    assert.ok(!isWebAddress("javascript:alert(1)"));
    assert.ok(!isWebAddress("datacarpentry.org"));
    assert.ok(!isWebAddress("https://localhost"));
  });
});

describe("exclusiveFlagsToClear", () => {
  test("names the single-row flags a save sets", () => {
    assert.deepEqual(exclusiveFlagsToClear(["unknown", "mixMatch"], { unknown: true, mixMatch: false }), [
      "unknown",
    ]);
  });

  test("names none when the save sets none", () => {
    assert.deepEqual(exclusiveFlagsToClear(["unknown", "mixMatch"], { unknown: false }), []);
  });
});

describe("violatedUniqueConstraint", () => {
  test("finds the constraint of a unique violation wrapped by the driver", () => {
    const error = new Error("query failed", {
      cause: { code: "23505", constraint: "workshops_tag_name_unique" },
    });
    assert.equal(violatedUniqueConstraint(error), "workshops_tag_name_unique");
  });

  test("ignores other database errors", () => {
    assert.equal(violatedUniqueConstraint(new Error("x", { cause: { code: "23503" } })), undefined);
  });
});

describe("parseRowId", () => {
  test("reads positive integer ids and refuses anything else", () => {
    assert.equal(parseRowId("42", "integer"), 42);
    assert.equal(parseRowId("0", "integer"), undefined);
    assert.equal(parseRowId("4x", "integer"), undefined);
    assert.equal(parseRowId("99999999999", "integer"), undefined);
  });

  test("reads UUIDs for tables keyed by UUID", () => {
    assert.equal(
      parseRowId("0C23939F-DE98-44C9-969E-29405841676C", "uuid"),
      "0c23939f-de98-44c9-969e-29405841676c",
    );
    assert.equal(parseRowId("12", "uuid"), undefined);
  });
});
