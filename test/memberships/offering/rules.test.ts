import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkAccountBenefit } from "../../../src/memberships/offering/account-benefits/rules.ts";
import { parseOrdering, parseTriState } from "../../../src/memberships/offering/list-filters.ts";

describe("list filters", () => {
  test("tri-state filters read true/false, True/False and 2/3; anything else is no filter", () => {
    assert.deepEqual(
      ["true", "True", "2", "false", "False", "3", "1", "", "yes", undefined].map(parseTriState),
      [true, true, true, false, false, false, undefined, undefined, undefined, undefined],
    );
  });

  test("order_by takes comma-separated fields with aliases, and refuses an unknown one", () => {
    const fields = {
      name: "name",
      last_modified_at: "last_updated_at",
      last_updated_at: "last_updated_at",
    } as const;
    assert.deepEqual(parseOrdering("-last_modified_at, name", fields), {
      terms: [
        { key: "last_updated_at", descending: true },
        { key: "name", descending: false },
      ],
      valid: true,
    });
    assert.deepEqual(parseOrdering("name,constructor", fields), { terms: [], valid: false });
    assert.deepEqual(parseOrdering(undefined, fields), { terms: [], valid: true });
  });
});

describe("the account-benefit form rules", () => {
  const facts = {
    accountExists: true,
    benefitExists: true,
    discountExists: false,
    curriculumExists: false,
    partnership: undefined,
    partnershipMissing: false,
    codeConflict: undefined,
  };
  const draft = {
    accountId: "a",
    partnershipId: null,
    benefitId: "b",
    discountId: null,
    curriculumId: null,
    registrationCode: null,
    startDate: "2025-01-01",
    endDate: "2025-12-31",
    allocation: 3,
  };

  test("a partnership's dates replace the typed ones", () => {
    const outcome = checkAccountBenefit(
      { ...draft, partnershipId: 7, startDate: null, endDate: null },
      {},
      {
        ...facts,
        partnership: { accountId: "a", agreementStart: "2026-01-01", agreementEnd: "2026-06-30" },
      },
    );
    assert.ok(outcome.ok);
    assert.deepEqual([outcome.values.startDate, outcome.values.endDate], ["2026-01-01", "2026-06-30"]);
  });

  test("collects every rule's error with the field errors", () => {
    const outcome = checkAccountBenefit(
      { ...draft, allocation: undefined, startDate: "2025-02-01", endDate: "2025-01-01", partnershipId: 7 },
      { allocation: ["This field is required."] },
      {
        ...facts,
        codeConflict: "used by a membership",
        partnership: { accountId: "other", agreementStart: "2025-02-01", agreementEnd: "2025-01-01" },
      },
    );
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.deepEqual(Object.keys(outcome.errors).sort(), [
      "allocation",
      "end_date",
      "partnership",
      "registration_code",
    ]);
  });
});
