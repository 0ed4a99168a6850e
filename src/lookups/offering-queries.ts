import { and, asc, desc, eq, exists, gte, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { SEAT_BENEFIT_NAMES } from "../events/index.ts";
import { accountBenefitDisplays } from "../memberships/queries.ts";
import { benefitDisplay, isIsoDate, membershipDisplay, partnershipDisplay } from "../memberships/rules.ts";
import {
  accountBenefit,
  benefit,
  consortium,
  member,
  type memberRole,
  membership,
  type membershipPersonRole,
  partnership,
  partnershipTier,
} from "../memberships/schema.ts";
import { organization } from "../organizations/schema.ts";
import { anyContains } from "./matching.ts";
import { type LookupPage, type LookupRequest, type LookupResult, toPage } from "./rules.ts";

// The lookups of the memberships area and the service offering (spec 30 §2.18). Like the others,
// each fetches one row more than a page so that `toPage` can tell whether another page follows.

export type BenefitUnit = "seat" | "event";

/**
 * Memberships whose name or variant, or a member organisation's domain or full name, contains the
 * term; a `YYYY-MM-DD` term also finds the memberships whose agreement covers that day.
 */
function membershipMatches(db: Executor, term: string): SQL | undefined {
  if (!term) return undefined;
  const byMember = exists(
    db
      .select({ one: sql`1` })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .where(
        and(
          eq(member.membershipId, membership.id),
          anyContains(term, [organization.domain, organization.fullname]),
        ),
      ),
  );
  const activeThen = isIsoDate(term)
    ? and(lte(membership.agreementStart, term), gte(membership.agreementEnd, term))
    : undefined;
  return or(anyContains(term, [membership.name, membership.variant]), byMember, activeThen);
}

/** Memberships by name, the latest agreement first among equal names. */
export async function lookupMemberships(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({
      id: membership.id,
      name: membership.name,
      variant: membership.variant,
      agreementStart: membership.agreementStart,
      agreementEnd: membership.agreementEnd,
      consortium: membership.consortium,
    })
    .from(membership)
    .where(membershipMatches(db, request.term))
    .orderBy(asc(membership.name), desc(membership.agreementStart), asc(membership.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows.map((row) => ({ id: row.id, text: membershipDisplay(row) })));
}

/** Member roles or membership person roles: name or verbose name; shown by verbose name (else name). */
export async function lookupRoleTable(
  db: Executor,
  request: LookupRequest,
  table: typeof memberRole | typeof membershipPersonRole,
): Promise<LookupPage> {
  const rows = await db
    .select({ id: table.id, name: table.name, verboseName: table.verboseName })
    .from(table)
    .where(anyContains(request.term, [table.name, table.verboseName]))
    .orderBy(asc(table.name), asc(table.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows.map((row) => ({ id: row.id, text: row.verboseName || row.name })));
}

export interface PartnershipResult extends LookupResult {
  agreement_start: string;
  agreement_end: string;
}

/** Partnerships by name, then agreement start; `accountId` keeps those of one account. */
export async function lookupPartnerships(
  db: Executor,
  request: LookupRequest,
  accountId: string | undefined,
): Promise<LookupPage<PartnershipResult>> {
  const rows = await db
    .select({
      id: partnership.id,
      name: partnership.name,
      tierName: partnershipTier.name,
      agreementStart: partnership.agreementStart,
      agreementEnd: partnership.agreementEnd,
      partnerConsortiumId: partnership.partnerConsortiumId,
    })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(
      and(
        accountId === undefined ? undefined : eq(partnership.accountId, accountId),
        anyContains(request.term, [partnership.name]),
      ),
    )
    .orderBy(asc(partnership.name), asc(partnership.agreementStart), asc(partnership.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(
    rows.map((row) => ({
      id: row.id,
      text: partnershipDisplay(row),
      agreement_start: row.agreementStart,
      agreement_end: row.agreementEnd,
    })),
  );
}

/**
 * Account benefits of one unit type (seats for tasks, events for events), newest first; `benefitName`
 * keeps those of one benefit. The term matches the partnership's name or the benefit's name or
 * description.
 */
export async function lookupAccountBenefits(
  db: Executor,
  request: LookupRequest,
  filters: { unitType: BenefitUnit; benefitName: string | undefined; today: string },
): Promise<LookupPage> {
  const rows = await db
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
    .leftJoin(partnership, eq(partnership.id, accountBenefit.partnershipId))
    .where(
      and(
        eq(benefit.unitType, filters.unitType),
        filters.benefitName === undefined ? undefined : eq(benefit.name, filters.benefitName),
        anyContains(request.term, [partnership.name, benefit.name, benefit.description]),
      ),
    )
    .orderBy(desc(accountBenefit.startDate), asc(accountBenefit.id))
    .limit(request.limit)
    .offset(request.offset);
  const texts = await accountBenefitDisplays(
    db,
    rows.map((row) => row.id),
    filters.today,
  );
  return toPage(rows.map((row) => ({ id: row.id, text: texts.get(row.id) ?? "" })));
}

/** The benefit name a `benefit` code (TTT, ITT, CLDT, SKILL) stands for; other values filter nothing. */
export function benefitNameOfCode(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(SEAT_BENEFIT_NAMES, code)
    ? SEAT_BENEFIT_NAMES[code as keyof typeof SEAT_BENEFIT_NAMES]
    : undefined;
}

/** Benefits of one unit type by name; the term matches name or description. */
export async function lookupBenefits(
  db: Executor,
  request: LookupRequest,
  unitType: BenefitUnit,
): Promise<LookupPage> {
  const rows = await db
    .select({ id: benefit.id, name: benefit.name, unitType: benefit.unitType, credits: benefit.credits })
    .from(benefit)
    .where(
      and(eq(benefit.unitType, unitType), anyContains(request.term, [benefit.name, benefit.description])),
    )
    .orderBy(asc(benefit.name), asc(benefit.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows.map((row) => ({ id: row.id, text: benefitDisplay(row) })));
}

/** Consortia by name; the term matches name or description. */
export async function lookupConsortiums(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({ id: consortium.id, text: consortium.name })
    .from(consortium)
    .where(anyContains(request.term, [consortium.name, consortium.description]))
    .orderBy(asc(consortium.name), asc(consortium.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}
