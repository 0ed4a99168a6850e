import type { Executor } from "../db/client.ts";
import { memberRole, membershipPersonRole } from "../memberships/schema.ts";
import { todayIso } from "../ui/time.ts";
import {
  benefitNameOfCode,
  lookupAccountBenefits,
  lookupBenefits,
  lookupConsortiums,
  lookupMemberships,
  lookupPartnerships,
  lookupRoleTable,
} from "./offering-queries.ts";
import { type LookupRequest, optionalText, optionalUuid } from "./rules.ts";

type Answer = (db: Executor, request: LookupRequest, query: Record<string, unknown>) => Promise<unknown>;

/** The admin lookups of memberships, partnerships and the service offering, by path under /select_lookups/. */
export const membershipLookups: Record<string, Answer> = {
  memberships: lookupMemberships,
  // AMY narrows this, for a learner at a TTT event (`person`, `role`, `event`), to the memberships
  // whose registration code the person gave in a training request. Training requests do not exist
  // yet, so those parameters are accepted and ignored: all matching memberships are offered.
  memberships_for_tasks: lookupMemberships,
  "member-roles": (db, request) => lookupRoleTable(db, request, memberRole),
  "membership-person-roles": (db, request) => lookupRoleTable(db, request, membershipPersonRole),
  partnerships: (db, request, query) => lookupPartnerships(db, request, optionalUuid(query, "account")),
  "account-benefits-seats": (db, request, query) =>
    lookupAccountBenefits(db, request, {
      unitType: "seat",
      benefitName: benefitNameOfCode(optionalText(query, "benefit")),
      today: todayIso(),
    }),
  "account-benefits-events": (db, request, query) =>
    lookupAccountBenefits(db, request, {
      unitType: "event",
      benefitName: benefitNameOfCode(optionalText(query, "benefit")),
      today: todayIso(),
    }),
  "benefits-seats": (db, request) => lookupBenefits(db, request, "seat"),
  "benefits-events": (db, request) => lookupBenefits(db, request, "event"),
  consortiums: lookupConsortiums,
};
