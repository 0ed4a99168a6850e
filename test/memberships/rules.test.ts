import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { COMMENT_MAX_LENGTH } from "../../src/comments/rules.ts";
import {
  creditsExtensionComment,
  creditsExtensionForm,
  EXTENSION_COMMENT_MAX_LENGTH,
  endAfterExtensionsEdit,
  extendCredits,
  extendDates,
  extensionComment,
  extensionDays,
  extensionForm,
  extensionsChanged,
  extensionsChangedComment,
} from "../../src/memberships/extension.ts";
import {
  ACCOUNT_OWNER_PERMISSION_TYPES,
  accountBenefitDisplay,
  accountBenefitPath,
  accountBenefitState,
  accountDisplay,
  accountPath,
  activeOnDate,
  addDays,
  addOneYearMinusOneDay,
  BENEFIT_UNIT_TYPES,
  benefitDisplay,
  benefitPath,
  choiceLabel,
  consortiumPath,
  daysBetween,
  eventCategoryPath,
  isFullYear,
  isIsoDate,
  isUuid,
  MEMBERSHIP_VARIANTS,
  membershipDisplay,
  membershipPath,
  partnershipDisplay,
  partnershipPath,
  seatsDanger,
  tierDisplay,
  titleCase,
} from "../../src/memberships/rules.ts";
import { fieldErrors } from "../../src/server/forms.ts";

describe("choice labels", () => {
  test("give each stored value its label, and an unknown value as it is", () => {
    assert.equal(choiceLabel(MEMBERSHIP_VARIANTS, "alacarte"), "A la carte");
    assert.equal(choiceLabel(ACCOUNT_OWNER_PERMISSION_TYPES, "programmatic_contact"), "Programmatic Contact");
    assert.equal(choiceLabel(BENEFIT_UNIT_TYPES, "seat"), "Seat");
    assert.equal(choiceLabel(MEMBERSHIP_VARIANTS, "diamond"), "diamond");
    assert.equal(choiceLabel(MEMBERSHIP_VARIANTS, null), "");
  });
});

describe("display strings", () => {
  test("name a membership with its title-cased variant and date range", () => {
    const row = {
      name: "Test Membership",
      variant: "partner",
      agreementStart: "2021-02-14",
      agreementEnd: "2022-02-14",
      consortium: false,
    };
    assert.equal(membershipDisplay(row), "Test Membership Partner membership Feb 14, 2021 - Feb 14, 2022");
    assert.equal(
      membershipDisplay({ ...row, variant: "alacarte", consortium: true }),
      "Test Membership Alacarte membership Feb 14, 2021 - Feb 14, 2022 (consortium)",
    );
  });

  test("name a partnership by its tier, or (No Tier), and flag a consortium partner", () => {
    const row = {
      name: "Test",
      tierName: null,
      agreementStart: "2025-10-01",
      agreementEnd: "2025-10-30",
      partnerConsortiumId: 4,
    };
    assert.equal(partnershipDisplay(row), "Test (No Tier) partnership Oct 01 - 30, 2025 (consortium)");
    assert.equal(
      partnershipDisplay({
        ...row,
        tierName: "gold",
        agreementStart: "2024-01-01",
        agreementEnd: "2024-12-31",
        partnerConsortiumId: null,
      }),
      "Test Gold partnership Jan 01 - Dec 31, 2024",
    );
  });

  test("title-case like Python, word by word", () => {
    assert.equal(titleCase("gold tier"), "Gold Tier");
    assert.equal(titleCase("PLATINUM"), "Platinum");
    assert.equal(titleCase("person-days"), "Person-Days");
  });

  test("name tiers, benefits and accounts", () => {
    assert.equal(tierDisplay({ name: "bronze", credits: 16 }), "bronze (16 credits)");
    assert.equal(
      benefitDisplay({ name: "Instructor Training", unitType: "seat", credits: 1 }),
      'Benefit "Instructor Training" (seat, 1 credits)',
    );
    assert.equal(
      accountDisplay("organisation", "Alpha <alpha.edu>"),
      'Account organisation for "Alpha <alpha.edu>"',
    );
    assert.equal(accountDisplay("individual", null), 'Account individual for "None"');
  });

  const benefitRow = {
    frozen: true,
    startDate: "2024-01-01",
    endDate: "2024-12-31",
    allocation: 10,
    benefit: { name: "Benefit1", unitType: "seat", credits: 10 },
    forWhom: "Test Partnership Gold partnership Jan 01 - Dec 31, 2024",
  };

  test("name an account benefit with its state, benefit, owner, allocation and dates", () => {
    assert.equal(
      accountBenefitDisplay(benefitRow, "2024-06-01"),
      '(FROZEN) Account Benefit "Benefit1" (seat, 10 credits) for "Test Partnership Gold partnership Jan 01 - Dec 31, 2024" (allocation: 10, valid: Jan 01 - Dec 31, 2024)',
    );
    const open = { ...benefitRow, frozen: false };
    assert.match(accountBenefitDisplay(open, "2023-12-31"), /^\(FUTURE\) Account Benefit/);
    assert.match(accountBenefitDisplay(open, "2025-01-01"), /^\(EXPIRED\) Account Benefit/);
    assert.match(accountBenefitDisplay(open, "2024-12-31"), /^Account Benefit/);
  });

  test("tell the state of an account benefit: frozen first, then future, expired, active", () => {
    const open = { frozen: false, startDate: "2024-01-01", endDate: "2024-12-31" };
    assert.equal(accountBenefitState({ ...open, frozen: true }, "2023-01-01"), "frozen");
    assert.equal(accountBenefitState(open, "2023-12-31"), "future");
    assert.equal(accountBenefitState(open, "2024-01-01"), "active");
    assert.equal(accountBenefitState(open, "2024-12-31"), "active");
    assert.equal(accountBenefitState(open, "2025-01-01"), "expired");
  });
});

describe("paths", () => {
  test("follow AMY's URLs", () => {
    const uuid = "641e0a4c-0626-43f8-ae4f-ccf507b87791";
    assert.equal(membershipPath(3), "/fiscal/membership/3/");
    assert.equal(partnershipPath(3), "/fiscal/partnerships/3/");
    assert.equal(consortiumPath(3), "/fiscal/consortiums/3/");
    assert.equal(accountPath(uuid), `/offering/accounts/${uuid}/`);
    assert.equal(benefitPath(uuid), `/offering/benefits/${uuid}/`);
    assert.equal(accountBenefitPath(uuid), `/offering/account-benefits/${uuid}/`);
    assert.equal(eventCategoryPath(uuid), `/offering/event-categories/${uuid}/`);
  });

  test("accept only well-formed UUIDs", () => {
    assert.equal(isUuid("641e0a4c-0626-43f8-ae4f-ccf507b87791"), true);
    assert.equal(isUuid("641E0A4C-0626-43F8-AE4F-CCF507B87791"), true);
    assert.equal(isUuid("641e0a4c0626-43f8-ae4f-ccf507b87791"), false);
    assert.equal(isUuid("not-a-uuid"), false);
    assert.equal(isUuid(42), false);
  });
});

describe("dates", () => {
  test("add days across months and years, and count days between dates", () => {
    assert.equal(addDays("2024-12-31", 1), "2025-01-01");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
    assert.equal(addDays("2025-03-30", 1), "2025-03-31");
    assert.equal(daysBetween("2024-01-01", "2025-01-01"), 366);
    assert.equal(daysBetween("2025-01-10", "2025-01-01"), -9);
  });

  test("end a one-year agreement the day before its anniversary", () => {
    assert.equal(addOneYearMinusOneDay("2025-01-01"), "2025-12-31");
    assert.equal(addOneYearMinusOneDay("2024-03-01"), "2025-02-28");
    assert.equal(addOneYearMinusOneDay("2023-03-01"), "2024-02-29");
  });

  test("end a year starting on 29 February on 28 February, without crashing", () => {
    assert.equal(addOneYearMinusOneDay("2024-02-29"), "2025-02-28");
    assert.equal(isFullYear("2024-02-29", "2025-02-28"), true);
  });

  test("call an agreement a full year only when it ends the day before its anniversary", () => {
    assert.equal(isFullYear("2025-01-01", "2025-12-31"), true);
    assert.equal(isFullYear("2025-01-01", "2026-01-01"), false);
  });

  test("recognise real calendar dates only", () => {
    assert.equal(isIsoDate("2024-02-29"), true);
    assert.equal(isIsoDate("2025-02-29"), false);
    assert.equal(isIsoDate("2025-2-1"), false);
    assert.equal(isIsoDate(""), false);
    assert.throws(() => addDays("yesterday", 1), RangeError);
  });

  test("count a membership active on both agreement dates, widened by grace days", () => {
    const agreement = { agreementStart: "2025-01-01", agreementEnd: "2025-12-31" };
    assert.equal(activeOnDate(agreement, "2025-01-01"), true);
    assert.equal(activeOnDate(agreement, "2025-12-31"), true);
    assert.equal(activeOnDate(agreement, "2024-12-31"), false);
    assert.equal(activeOnDate(agreement, "2026-01-01"), false);
    assert.equal(activeOnDate(agreement, "2024-11-02", 60), true);
    assert.equal(activeOnDate(agreement, "2024-11-01", 60), false);
    assert.equal(activeOnDate(agreement, "2026-03-31", 0, 90), true);
    assert.equal(activeOnDate(agreement, "2026-04-01", 0, 90), false);
  });
});

describe("seats danger", () => {
  test("flag no seats left of an allowance, or seats used without one", () => {
    assert.equal(seatsDanger(0, 5), true);
    assert.equal(seatsDanger(-1, 5), true);
    assert.equal(seatsDanger(1, 5), false);
    assert.equal(seatsDanger(0, 0), false);
    assert.equal(seatsDanger(-1, 0), true);
  });
});

describe("date extension", () => {
  test("record the days added and move the end date", () => {
    assert.deepEqual(extendDates({ agreementEnd: "2025-12-31", extensions: [10] }, "2026-01-30"), {
      days: 30,
      agreementEnd: "2026-01-30",
      extensions: [10, 30],
    });
    assert.equal(extensionDays("2025-12-31", "2026-01-30"), 30);
    assert.equal(extensionDays("2025-12-31", "2025-12-01"), 0);
    assert.equal(extensionDays("2025-12-31", "garbage"), 0);
  });

  test("accept a later end date and a comment, ignoring read-only fields", () => {
    const result = extensionForm("2025-12-31").safeParse({
      new_agreement_end: "2026-03-31",
      comment: "  As agreed  ",
      agreement_end: "1999-01-01",
      extension: "999",
    });
    assert.ok(result.success);
    assert.deepEqual(result.data, { new_agreement_end: "2026-03-31", comment: "As agreed" });
  });

  test("reject an end date that is not later than the current one", () => {
    for (const value of ["2025-12-31", "2025-06-01"]) {
      const result = extensionForm("2025-12-31").safeParse({ new_agreement_end: value });
      assert.ok(!result.success);
      assert.match(fieldErrors(result.error).new_agreement_end?.[0] ?? "", /later than the current end date/);
    }
  });

  test("give one clear error for a missing or invalid date", () => {
    for (const value of [undefined, "", "2025-02-30", "tomorrow"]) {
      const result = extensionForm("2025-12-31").safeParse({ new_agreement_end: value });
      assert.ok(!result.success);
      assert.equal(fieldErrors(result.error).new_agreement_end?.length, 1, String(value));
    }
  });

  test("write the extension comment: first line, blank, ----, blank, the user's text", () => {
    const text = extensionComment("membership", 30, "2025-11-02", "2026-01-30", "As agreed");
    const lines = text.split("\n");
    assert.match(lines[0] ?? "", /^Membership extended by 30 days on 2025-11-02.*2026-01-30/);
    assert.deepEqual(lines.slice(1), ["", "----", "", "As agreed"]);
    assert.match(
      extensionComment("partnership", 1, "2025-11-02", "2026-01-01", ""),
      /^Partnership extended by 1 day on/,
    );
    assert.ok(extensionComment("partnership", 1, "2025-11-02", "2026-01-01", "").endsWith("----\n\n"));
  });

  test("move the end date by the change in the sum of extensions", () => {
    assert.equal(endAfterExtensionsEdit("2026-01-30", [30], [10]), "2026-01-10");
    assert.equal(endAfterExtensionsEdit("2026-01-30", [30], [30, 5]), "2026-02-04");
    assert.equal(extensionsChanged([30], [30]), false);
    assert.equal(extensionsChanged([30], [10]), true);
    assert.equal(extensionsChanged([30], [30, 0]), true);
    assert.match(extensionsChangedComment([10, 5], "2026-01-15"), /10, 5 days.*2026-01-15/);
  });
});

describe("credits extension", () => {
  test("record the credits added", () => {
    assert.deepEqual(extendCredits({ credits: 64, creditsExtensions: [] }, 80), {
      diff: 16,
      credits: 80,
      creditsExtensions: [16],
    });
  });

  test("accept only a whole number larger than the current credits", () => {
    const form = creditsExtensionForm(64);
    const ok = form.safeParse({ new_credits: "80", comment: "" });
    assert.ok(ok.success);
    assert.equal(ok.data.new_credits, 80);
    for (const value of [undefined, "", "abc", "70.5", "64", "10", "99999999999"]) {
      const result = form.safeParse({ new_credits: value });
      assert.ok(!result.success, String(value));
      assert.equal(fieldErrors(result.error).new_credits?.length, 1, String(value));
    }
  });

  test("write the credits comment with the difference, date and new credits", () => {
    const text = creditsExtensionComment(16, "2025-11-02", 80, "Top-up");
    assert.match(
      text,
      /^Partnership credits extended by 16 credits on 2025-11-02.*80 credits\.\n\n----\n\nTop-up$/,
    );
  });
});

describe("comment length", () => {
  test("leaves room for the longest first line within a comment's limit", () => {
    const user = "x".repeat(EXTENSION_COMMENT_MAX_LENGTH);
    const longest = [
      extensionComment("partnership", -2_147_483_647, "2025-11-02", "2025-12-31", user),
      creditsExtensionComment(-2_147_483_647, "2025-11-02", 2_147_483_647, user),
    ];
    for (const text of longest) assert.ok(text.length <= COMMENT_MAX_LENGTH, String(text.length));
  });
});
