import type { Executor } from "../../db/client.ts";
import { membershipFigures } from "../../memberships/accounting.ts";
import { findMembership, oneMembershipUsage } from "../../memberships/queries.ts";
import { membershipDisplay } from "../../memberships/rules.ts";
import type { SeatMembershipFacts } from "./seat-rules.ts";

/** The seat membership's display, agreement and seat figures as of now (one grouped usage query). */
export async function findSeatMembershipFacts(
  db: Executor,
  id: number,
  today: string,
): Promise<SeatMembershipFacts | undefined> {
  const row = await findMembership(db, id);
  if (!row) return undefined;
  const figures = membershipFigures(row, await oneMembershipUsage(db, id, today));
  return {
    label: membershipDisplay(row),
    agreementStart: row.agreementStart,
    agreementEnd: row.agreementEnd,
    figures,
  };
}
