import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type MembershipCounts,
  type MembershipUsage,
  membershipFigures,
  ZERO_USAGE,
} from "../../src/memberships/accounting.ts";

const NO_COUNTS: MembershipCounts = {
  workshopsWithoutAdminFeePerAgreement: null,
  workshopsWithoutAdminFeeRolledFromPrevious: null,
  workshopsWithoutAdminFeeRolledOver: null,
  publicInstructorTrainingSeats: 0,
  additionalPublicInstructorTrainingSeats: 0,
  publicInstructorTrainingSeatsRolledFromPrevious: null,
  publicInstructorTrainingSeatsRolledOver: null,
  inhouseInstructorTrainingSeats: 0,
  additionalInhouseInstructorTrainingSeats: 0,
  inhouseInstructorTrainingSeatsRolledFromPrevious: null,
  inhouseInstructorTrainingSeatsRolledOver: null,
};

const counts = (values: Partial<MembershipCounts>): MembershipCounts => ({ ...NO_COUNTS, ...values });
const usage = (values: Partial<MembershipUsage>): MembershipUsage => ({ ...ZERO_USAGE, ...values });

// The worked example of spec §1.4.1 (from AMY's tests).
const WORKED = counts({
  workshopsWithoutAdminFeePerAgreement: 10,
  workshopsWithoutAdminFeeRolledFromPrevious: 2,
  workshopsWithoutAdminFeeRolledOver: 5,
  publicInstructorTrainingSeats: 6,
  additionalPublicInstructorTrainingSeats: 4,
  publicInstructorTrainingSeatsRolledFromPrevious: 2,
  publicInstructorTrainingSeatsRolledOver: 5,
  inhouseInstructorTrainingSeats: 2,
  additionalInhouseInstructorTrainingSeats: 5,
  inhouseInstructorTrainingSeatsRolledFromPrevious: 3,
  inhouseInstructorTrainingSeatsRolledOver: 3,
});

describe("workshops without admin fee (worked example)", () => {
  test("allow per-agreement plus rolled-in workshops, and make available what was not rolled over", () => {
    const figures = membershipFigures(WORKED, ZERO_USAGE);
    assert.equal(figures.workshopsWithoutAdminFeeTotalAllowed, 12);
    assert.equal(figures.workshopsWithoutAdminFeeAvailable, 7);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 7);
  });

  test("count ten completed workshops as seven free and three discounted, none remaining", () => {
    const figures = membershipFigures(WORKED, usage({ centralCompleted: 10 }));
    assert.equal(figures.workshopsWithoutAdminFeeCompleted, 7);
    assert.equal(figures.workshopsWithoutAdminFeePlanned, 0);
    assert.equal(figures.workshopsDiscountedCompleted, 3);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 0);
  });

  test("leave three remaining after two completed and two planned", () => {
    const figures = membershipFigures(WORKED, usage({ centralCompleted: 2, centralPlanned: 2 }));
    assert.equal(figures.workshopsWithoutAdminFeeCompleted, 2);
    assert.equal(figures.workshopsWithoutAdminFeePlanned, 2);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 3);
    assert.equal(figures.workshopsDiscountedCompleted, 0);
    assert.equal(figures.workshopsDiscountedPlanned, 0);
  });

  test("report self-organised workshops as they were counted, outside the allowance", () => {
    const figures = membershipFigures(WORKED, usage({ selfOrganizedCompleted: 2, selfOrganizedPlanned: 4 }));
    assert.equal(figures.selfOrganizedWorkshopsCompleted, 2);
    assert.equal(figures.selfOrganizedWorkshopsPlanned, 4);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 7);
  });
});

describe("instructor-training seats (worked example)", () => {
  test("total public seats, subtract the used and the rolled-over ones", () => {
    const figures = membershipFigures(WORKED, usage({ publicSeatsUtilized: 5, inhouseSeatsUtilized: 5 }));
    assert.equal(figures.publicSeatsTotal, 12);
    assert.equal(figures.publicSeatsUtilized, 5);
    assert.equal(figures.publicSeatsRemaining, 2);
    assert.equal(figures.inhouseSeatsTotal, 10);
    assert.equal(figures.inhouseSeatsUtilized, 5);
    assert.equal(figures.inhouseSeatsRemaining, 2);
  });

  test("sum public and in-house figures into the list's totals", () => {
    const figures = membershipFigures(WORKED, usage({ publicSeatsUtilized: 5, inhouseSeatsUtilized: 5 }));
    assert.equal(figures.seatsTotal, 22);
    assert.equal(figures.seatsUtilized, 10);
    assert.equal(figures.seatsRemaining, 4);
  });
});

describe("edge cases", () => {
  test("treat missing counts as zero", () => {
    const figures = membershipFigures(NO_COUNTS, ZERO_USAGE);
    for (const [name, value] of Object.entries(figures)) assert.equal(value, 0, name);
  });

  test("never make fewer than zero workshops available when more were rolled over than allowed", () => {
    const figures = membershipFigures(
      counts({ workshopsWithoutAdminFeePerAgreement: 2, workshopsWithoutAdminFeeRolledOver: 5 }),
      usage({ centralCompleted: 1, centralPlanned: 1 }),
    );
    assert.equal(figures.workshopsWithoutAdminFeeTotalAllowed, 2);
    assert.equal(figures.workshopsWithoutAdminFeeAvailable, 0);
    assert.equal(figures.workshopsWithoutAdminFeeCompleted, 0);
    assert.equal(figures.workshopsWithoutAdminFeePlanned, 0);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 0);
    assert.equal(figures.workshopsDiscountedCompleted, 1);
    assert.equal(figures.workshopsDiscountedPlanned, 1);
  });

  test("let remaining seats go negative when more seats were used than allowed", () => {
    const figures = membershipFigures(
      counts({ publicInstructorTrainingSeats: 1, inhouseInstructorTrainingSeatsRolledOver: 2 }),
      usage({ publicSeatsUtilized: 3, inhouseSeatsUtilized: 1 }),
    );
    assert.equal(figures.publicSeatsRemaining, -2);
    assert.equal(figures.inhouseSeatsRemaining, -3);
    assert.equal(figures.seatsRemaining, -5);
  });

  test("give planned workshops only what completed ones left", () => {
    const figures = membershipFigures(
      counts({ workshopsWithoutAdminFeePerAgreement: 5 }),
      usage({ centralCompleted: 4, centralPlanned: 3 }),
    );
    assert.equal(figures.workshopsWithoutAdminFeeCompleted, 4);
    assert.equal(figures.workshopsWithoutAdminFeePlanned, 1);
    assert.equal(figures.workshopsWithoutAdminFeeRemaining, 0);
  });

  test("discount planned workshops only beyond the whole allowance, ignoring completed ones (AMY parity)", () => {
    const figures = membershipFigures(
      counts({ workshopsWithoutAdminFeePerAgreement: 5 }),
      usage({ centralCompleted: 4, centralPlanned: 3 }),
    );
    // 2 of the 3 planned workshops are not free, yet AMY reports max(3 − 5, 0) = 0 discounted.
    assert.equal(figures.workshopsDiscountedPlanned, 0);
    const over = membershipFigures(
      counts({ workshopsWithoutAdminFeePerAgreement: 5 }),
      usage({ centralCompleted: 4, centralPlanned: 7 }),
    );
    assert.equal(over.workshopsDiscountedPlanned, 2);
    assert.equal(over.workshopsDiscountedCompleted, 0);
  });

  test("count every completed workshop beyond the allowance as discounted", () => {
    const figures = membershipFigures(
      counts({ workshopsWithoutAdminFeePerAgreement: 3, workshopsWithoutAdminFeeRolledFromPrevious: 1 }),
      usage({ centralCompleted: 6 }),
    );
    assert.equal(figures.workshopsWithoutAdminFeeCompleted, 4);
    assert.equal(figures.workshopsDiscountedCompleted, 2);
  });
});
