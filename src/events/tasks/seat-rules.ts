import type { MembershipFigures } from "../../memberships/accounting.ts";
import { activeOnDate } from "../../memberships/rules.ts";

// Seat accounting warnings (spec 30 §4.2): never blocking, shown after a task that takes a membership
// seat is saved. Decided here, flashed by the routes.

/** What the warnings need to know about the seat membership. */
export interface SeatMembershipFacts {
  /** How the membership reads (`membershipDisplay`). */
  label: string;
  agreementStart: string;
  agreementEnd: string;
  figures: Pick<MembershipFigures, "publicSeatsRemaining" | "inhouseSeatsRemaining">;
}

type SeatKind = "public" | "in-house";

const noSeatsLeft = (label: string, kind: SeatKind) =>
  `Membership "${label}" has no ${kind} instructor training seats remaining.`;
const moreThanAllowed = (label: string, kind: SeatKind) =>
  `Membership "${label}" is using more ${kind} instructor training seats than it has been allowed.`;

/**
 * Warnings for a new seat task, from the figures before it is saved (new tasks always take a public
 * seat): the last seat is being taken, or there was none left; the membership is not active today;
 * the event starts before or ends after the agreement.
 */
export function seatWarningsBeforeCreate(
  membership: SeatMembershipFacts,
  event: { start: string | null; end: string | null },
  today: string,
): string[] {
  const warnings: string[] = [];
  const remaining = membership.figures.publicSeatsRemaining;
  if (remaining === 1) warnings.push(noSeatsLeft(membership.label, "public"));
  else if (remaining <= 0) warnings.push(moreThanAllowed(membership.label, "public"));
  if (!activeOnDate(membership, today))
    warnings.push(
      `Membership "${membership.label}" is not active today: its agreement runs from ${membership.agreementStart} to ${membership.agreementEnd}.`,
    );
  if (event.start !== null && event.start < membership.agreementStart)
    warnings.push(
      `The event starts (${event.start}) before the agreement of membership "${membership.label}" begins (${membership.agreementStart}).`,
    );
  if (event.end !== null && event.end > membership.agreementEnd)
    warnings.push(
      `The event ends (${event.end}) after the agreement of membership "${membership.label}" ends (${membership.agreementEnd}).`,
    );
  return warnings;
}

/** Warnings after a seat task was changed, from the figures after the save, for the task's kind of seat. */
export function seatWarningsAfterUpdate(membership: SeatMembershipFacts, seatPublic: boolean): string[] {
  const kind: SeatKind = seatPublic ? "public" : "in-house";
  const remaining = seatPublic
    ? membership.figures.publicSeatsRemaining
    : membership.figures.inhouseSeatsRemaining;
  if (remaining === 0) return [noSeatsLeft(membership.label, kind)];
  if (remaining < 0) return [moreThanAllowed(membership.label, kind)];
  return [];
}
