// What a membership is entitled to and what it has used (spec §1.4.1): pure arithmetic over the
// membership's stored counts and the usage counted by `membershipUsage()` in queries.ts.
import type { membership } from "./schema.ts";

/** The stored number fields of a membership row. */
export type MembershipCounts = Pick<
  typeof membership.$inferSelect,
  | "workshopsWithoutAdminFeePerAgreement"
  | "workshopsWithoutAdminFeeRolledFromPrevious"
  | "workshopsWithoutAdminFeeRolledOver"
  | "publicInstructorTrainingSeats"
  | "additionalPublicInstructorTrainingSeats"
  | "publicInstructorTrainingSeatsRolledFromPrevious"
  | "publicInstructorTrainingSeatsRolledOver"
  | "inhouseInstructorTrainingSeats"
  | "additionalInhouseInstructorTrainingSeats"
  | "inhouseInstructorTrainingSeatsRolledFromPrevious"
  | "inhouseInstructorTrainingSeatsRolledOver"
>;

/** What a membership has used: learner seats, and workshops counted against it. */
export interface MembershipUsage {
  /** Learner tasks with this seat membership and a public seat. */
  publicSeatsUtilized: number;
  /** Learner tasks with this seat membership and an in-house seat. */
  inhouseSeatsUtilized: number;
  /** Centrally-organised workshops (not cancelled or stalled) that started before today. */
  centralCompleted: number;
  /** Centrally-organised workshops starting today or later. */
  centralPlanned: number;
  /** Self-organised workshops (no administrator, or `self-organized`) that started before today. */
  selfOrganizedCompleted: number;
  /** Self-organised workshops starting today or later. */
  selfOrganizedPlanned: number;
}

export const ZERO_USAGE: MembershipUsage = Object.freeze({
  publicSeatsUtilized: 0,
  inhouseSeatsUtilized: 0,
  centralCompleted: 0,
  centralPlanned: 0,
  selfOrganizedCompleted: 0,
  selfOrganizedPlanned: 0,
});

export interface MembershipFigures {
  publicSeatsTotal: number;
  publicSeatsUtilized: number;
  publicSeatsRemaining: number;
  inhouseSeatsTotal: number;
  inhouseSeatsUtilized: number;
  inhouseSeatsRemaining: number;
  seatsTotal: number;
  seatsUtilized: number;
  seatsRemaining: number;
  workshopsWithoutAdminFeeTotalAllowed: number;
  workshopsWithoutAdminFeeAvailable: number;
  workshopsWithoutAdminFeeCompleted: number;
  workshopsWithoutAdminFeePlanned: number;
  workshopsWithoutAdminFeeRemaining: number;
  workshopsDiscountedCompleted: number;
  workshopsDiscountedPlanned: number;
  selfOrganizedWorkshopsCompleted: number;
  selfOrganizedWorkshopsPlanned: number;
}

/** A missing count is zero. */
const v = (value: number | null | undefined): number => value ?? 0;

/** Every computed figure of a membership, exactly as AMY computes them. */
export function membershipFigures(counts: MembershipCounts, usage: MembershipUsage): MembershipFigures {
  const publicSeatsTotal =
    counts.publicInstructorTrainingSeats +
    counts.additionalPublicInstructorTrainingSeats +
    v(counts.publicInstructorTrainingSeatsRolledFromPrevious);
  const publicSeatsRemaining =
    publicSeatsTotal - usage.publicSeatsUtilized - v(counts.publicInstructorTrainingSeatsRolledOver);
  const inhouseSeatsTotal =
    counts.inhouseInstructorTrainingSeats +
    counts.additionalInhouseInstructorTrainingSeats +
    v(counts.inhouseInstructorTrainingSeatsRolledFromPrevious);
  const inhouseSeatsRemaining =
    inhouseSeatsTotal - usage.inhouseSeatsUtilized - v(counts.inhouseInstructorTrainingSeatsRolledOver);

  const totalAllowed =
    v(counts.workshopsWithoutAdminFeePerAgreement) + v(counts.workshopsWithoutAdminFeeRolledFromPrevious);
  const available = Math.max(totalAllowed - v(counts.workshopsWithoutAdminFeeRolledOver), 0);
  const completed = Math.min(usage.centralCompleted, available);
  const planned = Math.min(usage.centralPlanned, available - completed);

  return {
    publicSeatsTotal,
    publicSeatsUtilized: usage.publicSeatsUtilized,
    publicSeatsRemaining,
    inhouseSeatsTotal,
    inhouseSeatsUtilized: usage.inhouseSeatsUtilized,
    inhouseSeatsRemaining,
    seatsTotal: publicSeatsTotal + inhouseSeatsTotal,
    seatsUtilized: usage.publicSeatsUtilized + usage.inhouseSeatsUtilized,
    seatsRemaining: publicSeatsRemaining + inhouseSeatsRemaining,
    workshopsWithoutAdminFeeTotalAllowed: totalAllowed,
    workshopsWithoutAdminFeeAvailable: available,
    workshopsWithoutAdminFeeCompleted: completed,
    workshopsWithoutAdminFeePlanned: planned,
    workshopsWithoutAdminFeeRemaining: Math.max(available - completed - planned, 0),
    workshopsDiscountedCompleted: Math.max(usage.centralCompleted - available, 0),
    // Kept for parity with AMY: planned workshops beyond the *whole* allowance are discounted,
    // without first taking away what completed workshops used. With 5 available, 4 completed and
    // 3 planned, only 1 planned workshop is free, yet none is reported as discounted.
    workshopsDiscountedPlanned: Math.max(usage.centralPlanned - available, 0),
    selfOrganizedWorkshopsCompleted: usage.selfOrganizedCompleted,
    selfOrganizedWorkshopsPlanned: usage.selfOrganizedPlanned,
  };
}
