import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  chooseComparison,
  diffFields,
  diffWords,
  fieldLabel,
  parseVersionFields,
  serializeVersion,
  snapshotOf,
} from "../../src/history/rules.ts";

describe("what a version stores", () => {
  test("never the password or the primary key", () => {
    assert.deepEqual(snapshotOf({ id: 3, password: "argon2id$…", personal: "Ada" }), { personal: "Ada" });
  });

  test("dates as ISO text, missing values as null, lists and objects as JSON", () => {
    assert.deepEqual(
      snapshotOf({
        last_login: new Date("2025-03-05T15:04:00Z"),
        middle: undefined,
        tags: [1, 2],
        extra: { at: new Date(0) },
      }),
      {
        last_login: "2025-03-05T15:04:00.000Z",
        middle: null,
        tags: [1, 2],
        extra: { at: "1970-01-01T00:00:00.000Z" },
      },
    );
  });

  test("in Django's JSON serialization, which reads back", () => {
    const text = serializeVersion("workshops.person", "7", { personal: "Ada", password: "x" });
    assert.deepEqual(JSON.parse(text), [{ model: "workshops.person", pk: "7", fields: { personal: "Ada" } }]);
    assert.deepEqual(parseVersionFields(text), { personal: "Ada" });
  });

  for (const broken of ["", "not json", "{}", "[]", '[{"fields": 3}]', '[{"fields": [1]}]']) {
    test(`an unreadable version (${JSON.stringify(broken)}) has no fields`, () => {
      assert.deepEqual(parseVersionFields(broken), {});
    });
  }
});

describe("choosing the versions to compare", () => {
  const ids = [3, 8, 12];

  test("by default, the requested version and the one before it", () => {
    assert.deepEqual(chooseComparison(ids, 12, {}), { older: 8, newer: 12, isNew: false, badIds: false });
    assert.deepEqual(chooseComparison(ids, 8, {}), { older: 3, newer: 8, isNew: false, badIds: false });
  });

  test("the first version is new: it is compared with itself", () => {
    assert.deepEqual(chooseComparison(ids, 3, {}), { older: 3, newer: 3, isNew: true, badIds: false });
  });

  test("two chosen versions, in either order, the smaller id being the older", () => {
    const expected = { older: 3, newer: 12, isNew: false, badIds: false };
    assert.deepEqual(chooseComparison(ids, 8, { version_id1: "3", version_id2: "12" }), expected);
    assert.deepEqual(chooseComparison(ids, 8, { version_id1: "12", version_id2: "3" }), expected);
  });

  for (const query of [
    { version_id1: "abc", version_id2: "3" },
    { version_id1: "3" },
    { version_id2: "" },
    { version_id1: "-3", version_id2: "8" },
    { version_id1: "1e3", version_id2: "8" },
  ]) {
    test(`ids that are not numbers (${JSON.stringify(query)}) fall back to the default, flagged`, () => {
      assert.deepEqual(chooseComparison(ids, 12, query), { older: 8, newer: 12, isNew: false, badIds: true });
    });
  }

  test("an id that is not a version of this object is not found", () => {
    assert.equal(chooseComparison(ids, 12, { version_id1: "3", version_id2: "99" }), "not-found");
  });

  test("a repeated query parameter uses its first value", () => {
    assert.deepEqual(chooseComparison(ids, 12, { version_id1: ["3", "8"], version_id2: "12" }), {
      older: 3,
      newer: 12,
      isNew: false,
      badIds: false,
    });
  });
});

describe("word-level differences", () => {
  test("marks the removed words in the old text and the added ones in the new", () => {
    assert.deepEqual(diffWords("the quick brown fox", "the slow brown fox"), {
      before: [{ text: "the " }, { text: "quick", mark: "removed" }, { text: " brown fox" }],
      after: [{ text: "the " }, { text: "slow", mark: "added" }, { text: " brown fox" }],
    });
  });

  test("an empty old value: everything is added", () => {
    assert.deepEqual(diffWords("", "Ada"), { before: [], after: [{ text: "Ada", mark: "added" }] });
  });

  test("equal texts have no marks", () => {
    assert.deepEqual(diffWords("same text", "same text"), {
      before: [{ text: "same text" }],
      after: [{ text: "same text" }],
    });
  });

  test("a very long text that changed is shown as replaced whole", () => {
    const long = Array.from({ length: 600 }, (_v, i) => `w${i}`).join(" ");
    const result = diffWords(long, `${long} more`);
    assert.deepEqual(result.before, [{ text: long, mark: "removed" }]);
    assert.deepEqual(result.after, [{ text: `${long} more`, mark: "added" }]);
  });
});

describe("field-by-field differences", () => {
  test("one row per field of either version, changed ones flagged, never id or password", () => {
    const rows = diffFields(
      { personal: "Ada", family: "Byron", id: 1, password: "x", gone: "old" },
      { personal: "Ada", family: "Lovelace", is_active: true },
    );
    assert.deepEqual(
      rows.map((row) => [row.field, row.label, row.changed]),
      [
        ["personal", "Personal", false],
        ["family", "Family", true],
        ["is_active", "Is active", true],
        ["gone", "Gone", true],
      ],
    );
  });

  test("booleans read as Yes and No", () => {
    const [row] = diffFields({ is_active: false }, { is_active: true });
    assert.ok(row?.kind === "text");
    assert.deepEqual(row.before, [{ text: "No", mark: "removed" }]);
    assert.deepEqual(row.after, [{ text: "Yes", mark: "added" }]);
  });

  test("lists (many-to-many fields) show kept, added and removed items", () => {
    const [row] = diffFields({ groups: [1, 2] }, { groups: [2, 3] });
    assert.ok(row?.kind === "list");
    assert.deepEqual(row.items, [
      { text: "2", change: "same" },
      { text: "3", change: "added" },
      { text: "1", change: "removed" },
    ]);
    assert.equal(row.changed, true);
  });

  test("field labels read as words", () => {
    assert.equal(fieldLabel("last_login"), "Last login");
    assert.equal(fieldLabel("person"), "Person");
  });
});
