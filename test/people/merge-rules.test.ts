import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { initialMergeValues, personsMergeForm } from "../../src/people/merge/forms.ts";
import {
  collectionPlan,
  type MergeChoices,
  mergedValues,
  mergeRoles,
  splitDuplicates,
} from "../../src/people/merge/rules.ts";
import type { PersonRow } from "../../src/people/queries.ts";

function personRow(overrides: Partial<PersonRow>): PersonRow {
  return {
    id: 1,
    username: "a",
    password: "!",
    lastLogin: null,
    isActive: false,
    isSuperuser: false,
    personal: "Ada",
    middle: "",
    family: "Lovelace",
    email: "ada@example.org",
    secondaryEmail: "",
    gender: "F",
    genderOther: "",
    airportIata: "LHR",
    airportCountry: "GB",
    airportLat: 0,
    airportLon: 0,
    airportTimezone: "",
    country: "",
    timezone: "",
    github: "ada",
    twitter: null,
    bluesky: null,
    mastodon: "ada@mastodon.social",
    url: "",
    userNotes: "notes of A",
    affiliation: "",
    occupation: "",
    orcid: "",
    duplicationReviewedOn: null,
    createdAt: new Date(0),
    lastUpdatedAt: new Date(0),
    archivedAt: null,
    ...overrides,
  };
}

const a = personRow({});
const b = personRow({
  id: 2,
  username: "b",
  personal: "Augusta",
  email: "augusta@example.org",
  github: null,
  mastodon: null,
  isActive: true,
  userNotes: "notes of B",
});

const choices = (overrides: Partial<MergeChoices> = {}) =>
  ({ ...(personsMergeForm.parse(initialMergeValues()) as MergeChoices), ...overrides }) as MergeChoices;

describe("which record survives", () => {
  test("the id choice names the base; the other record is merged into it", () => {
    assert.deepEqual(mergeRoles("obj_a", "A", "B"), { base: "A", merging: "B" });
    assert.deepEqual(mergeRoles("obj_b", "A", "B"), { base: "B", merging: "A" });
  });
});

describe("merged values", () => {
  test("each field comes from the side chosen for it, whichever record survives", () => {
    const merged = mergedValues(
      choices({ id: "obj_b", personal: "obj_a", email: "obj_b", is_active: "obj_b", mastodon: "obj_a" }),
      a,
      b,
    );
    assert.equal(merged.fields.personal, "Ada");
    assert.equal(merged.fields.email, "augusta@example.org");
    assert.equal(merged.isActive, true);
    assert.equal(merged.username, "a");
    assert.equal(
      merged.fields.mastodon,
      "ada@mastodon.social",
      "the mastodon choice is applied (AMY ignores it)",
    );
  });

  test("what the form does not offer (the person's own notes) stays the base's", () => {
    assert.equal(mergedValues(choices({ id: "obj_b" }), a, b).fields.userNotes, "notes of B");
    assert.equal(mergedValues(choices({ id: "obj_a" }), a, b).fields.userNotes, "notes of A");
  });
});

describe("collection plans", () => {
  test("choosing the base's side keeps its items, the other side takes the merging person's", () => {
    assert.equal(collectionPlan("obj_a", "obj_a"), "keep-base");
    assert.equal(collectionPlan("obj_b", "obj_b"), "keep-base");
    assert.equal(collectionPlan("obj_b", "obj_a"), "take-merging");
    assert.equal(collectionPlan("obj_a", "obj_b"), "take-merging");
    assert.equal(collectionPlan("combine", "obj_b"), "combine");
  });

  test("combining drops the merging person's items the base already has, and repeats among them", () => {
    const key = (item: { key: string }) => item.key;
    const { move, drop } = splitDuplicates(
      [
        { id: 1, key: "x" },
        { id: 2, key: "y" },
        { id: 3, key: "y" },
      ],
      [{ id: 9, key: "x" }],
      key,
    );
    assert.deepEqual(
      move.map((item) => item.id),
      [2],
    );
    assert.deepEqual(
      drop.map((item) => item.id),
      [1, 3],
    );
  });
});

describe("the merge form", () => {
  test("accepts the initial values: A everywhere, consents by most recent", () => {
    assert.equal(personsMergeForm.safeParse(initialMergeValues()).success, true);
  });

  const errorsFor = (changes: Record<string, string>) => {
    const result = personsMergeForm.safeParse({ ...initialMergeValues(), ...changes });
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  test("refuses combine for a field that has two options", () => {
    assert.deepEqual(errorsFor({ username: "combine" }), [
      ["username", "Select a valid choice. combine is not one of the available choices."],
    ]);
  });

  test("refuses an unknown option for a collection", () => {
    assert.deepEqual(errorsFor({ award_set: "both" }), [
      ["award_set", "Select a valid choice. both is not one of the available choices."],
    ]);
  });

  test("refuses anything but most_recent for consents", () => {
    assert.deepEqual(errorsFor({ consent_set: "obj_a" }), [
      ["consent_set", "Select a valid choice. obj_a is not one of the available choices."],
    ]);
  });

  test("requires every choice, including which record survives", () => {
    const { id: _id, ...withoutId } = initialMergeValues();
    const result = personsMergeForm.safeParse(withoutId);
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
      [["id", "This field is required."]],
    );
  });
});
