// Shared queries of the memberships area: what memberships, partnerships and account benefits have
// used, as maps for pages and as SQL expressions for list filters and ordering.
import { and, count, eq, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, QueryBuilder } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { event, eventTag, task } from "../events/schema.ts";
import { organizationDisplay } from "../organizations/rules.ts";
import { organization } from "../organizations/schema.ts";
import { ADMINISTRATOR_DOMAINS } from "../organizations/seeds.ts";
import { personDisplay } from "../people/index.ts";
import { role, tag } from "../reference/schema.ts";
import { type MembershipUsage, ZERO_USAGE } from "./accounting.ts";
import { accountBenefitDisplay, partnershipDisplay } from "./rules.ts";
import {
  account,
  accountBenefit,
  benefit,
  consortium,
  membership,
  partnership,
  partnershipTier,
} from "./schema.ts";

export type MembershipRow = typeof membership.$inferSelect;
export type PartnershipRow = typeof partnership.$inferSelect;

/** The administrator domain of self-organised workshops; the other administrator domains are central. */
export const SELF_ORGANIZED_DOMAIN = "self-organized";
/** Computed when needed, not at load time: the organisations module may still be loading then. */
const centralDomains = () => ADMINISTRATOR_DOMAINS.filter((domain) => domain !== SELF_ORGANIZED_DOMAIN);
/** Workshops with either tag never count for a membership. */
const NOT_COUNTED_TAGS = ["cancelled", "stalled"];
const LEARNER = "learner";

/** A whole-number SQL expression, nested so Drizzle keeps table names even in a one-table select. */
const integerSql = (expression: SQL): SQL<number> => sql<number>`(${expression})`.mapWith(Number);

// ---------------------------------------------------------------------------------------------
// Membership usage (spec §1.4.1)

/**
 * Seats and workshops used by each membership: two grouped queries (learner tasks, workshops),
 * whatever the number of memberships. Every id asked for is in the map, unused ones with zeros.
 */
export async function membershipUsage(
  db: Executor,
  ids: readonly number[],
  today: string,
): Promise<Map<number, MembershipUsage>> {
  const usage = new Map<number, MembershipUsage>(ids.map((id) => [id, { ...ZERO_USAGE }]));
  if (ids.length === 0) return usage;
  const seats = await db
    .select({
      id: task.seatMembershipId,
      publicSeats: sql<number>`count(*) filter (where ${task.seatPublic})`.mapWith(Number),
      inhouseSeats: sql<number>`count(*) filter (where not ${task.seatPublic})`.mapWith(Number),
    })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .where(and(inArray(task.seatMembershipId, [...ids]), eq(role.name, LEARNER)))
    .groupBy(task.seatMembershipId);
  for (const row of seats) {
    const entry = row.id === null ? undefined : usage.get(row.id);
    if (!entry) continue;
    entry.publicSeatsUtilized = row.publicSeats;
    entry.inhouseSeatsUtilized = row.inhouseSeats;
  }

  const central = inArray(organization.domain, centralDomains());
  const selfOrganized = or(isNull(event.administratorId), eq(organization.domain, SELF_ORGANIZED_DOMAIN));
  const done = lt(event.start, today);
  const planned = gte(event.start, today);
  const countWhere = (condition: SQL | undefined) =>
    sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
  const workshops = await db
    .select({
      id: event.membershipId,
      centralCompleted: countWhere(and(central, done)),
      centralPlanned: countWhere(and(central, planned)),
      selfOrganizedCompleted: countWhere(and(selfOrganized, done)),
      selfOrganizedPlanned: countWhere(and(selfOrganized, planned)),
    })
    .from(event)
    .leftJoin(organization, eq(organization.id, event.administratorId))
    .where(and(inArray(event.membershipId, [...ids]), countedWorkshop()))
    .groupBy(event.membershipId);
  for (const row of workshops) {
    const entry = row.id === null ? undefined : usage.get(row.id);
    if (!entry) continue;
    entry.centralCompleted = row.centralCompleted;
    entry.centralPlanned = row.centralPlanned;
    entry.selfOrganizedCompleted = row.selfOrganizedCompleted;
    entry.selfOrganizedPlanned = row.selfOrganizedPlanned;
  }
  return usage;
}

/** The usage of one membership. */
export async function oneMembershipUsage(db: Executor, id: number, today: string): Promise<MembershipUsage> {
  return (await membershipUsage(db, [id], today)).get(id) ?? { ...ZERO_USAGE };
}

/** A workshop that counts for its membership: neither cancelled nor stalled. */
function countedWorkshop(): SQL {
  return sql`not exists (select 1 from ${eventTag} inner join ${tag} on ${tag.id} = ${eventTag.tagId}
    where ${eventTag.eventId} = ${event.id} and ${tag.name} in (${sql.join(
      NOT_COUNTED_TAGS.map((name) => sql`${name}`),
      sql`, `,
    )}))`;
}

// ---------------------------------------------------------------------------------------------
// Seat figures as SQL, for the memberships list (select, filters, ordering), two ways to count the
// learner seats a membership used, both served by the partial index on task (seat_membership_id,
// role_id), and neither multiplied by whatever else the query joins:
// - joined: one grouped derived table, at most one row per membership, left-joined on its id; one
//   pass over the seat-holding tasks for all memberships, for filtering or ordering by seats;
// - per row: a correlated count, which PostgreSQL computes for the rows shown alone when the seats
//   neither filter nor order them (after the sort and limit), where the join would count them all.

const v = (column: AnyPgColumn): SQL => sql`coalesce(${column}, 0)`;
const SEAT_USE = "seat_use";
const SEAT_USE_UTILIZED = "utilized";

/** The learner role's id (role names are unique): a sub-query computed once, never a join. */
const learnerRoleIdSql = (): SQL => sql`(select ${role.id} from ${role} where ${role.name} = ${LEARNER})`;

/** AMY's `instructor_training_seats_total`: public and in-house seats, with what was rolled in. */
export function seatsTotalSql(): SQL<number> {
  return integerSql(sql`${membership.publicInstructorTrainingSeats}
    + ${membership.additionalPublicInstructorTrainingSeats}
    + ${v(membership.publicInstructorTrainingSeatsRolledFromPrevious)}
    + ${membership.inhouseInstructorTrainingSeats}
    + ${membership.additionalInhouseInstructorTrainingSeats}
    + ${v(membership.inhouseInstructorTrainingSeatsRolledFromPrevious)}`);
}

/** AMY's `instructor_training_seats_remaining`: total − utilised − rolled over (may be negative). */
function seatsRemainingSql(utilized: SQL<number>): SQL<number> {
  return integerSql(sql`${seatsTotalSql()} - ${utilized}
    - ${v(membership.publicInstructorTrainingSeatsRolledOver)}
    - ${v(membership.inhouseInstructorTrainingSeatsRolledOver)}`);
}

/**
 * A membership's seats used and remaining. `utilized` is AMY's `instructor_training_seats_utilized`:
 * learner tasks holding a seat of the membership.
 */
export interface MembershipSeatFigures {
  utilized: SQL<number>;
  remaining: SQL<number>;
}

/**
 * Seat figures for a query that left-joins `seatUse` `on` the membership id, to filter or order all
 * memberships by their seats: `query.from(membership).leftJoin(seats.seatUse, seats.on)`.
 */
export function joinedSeatFigures() {
  /** `seat_use(seat_membership_id, utilized)`: learner tasks holding a seat, per membership with any. */
  const seatUse = new QueryBuilder()
    .select({ membershipId: task.seatMembershipId, utilized: count().as(SEAT_USE_UTILIZED) })
    .from(task)
    // The role as an id, not a join: the index yields the tasks by membership, counted as they come.
    .where(and(isNotNull(task.seatMembershipId), eq(task.roleId, learnerRoleIdSql())))
    .groupBy(task.seatMembershipId)
    .as(SEAT_USE);
  // Drizzle names a subquery's SQL field bare ("utilized"); qualified, no other joined table can
  // shadow it. NULL when the membership has no row there: no seat used.
  const seatsUsed = sql`${sql.identifier(SEAT_USE)}.${sql.identifier(SEAT_USE_UTILIZED)}`;
  const utilized = integerSql(sql`coalesce(${seatsUsed}, 0)`);
  return {
    seatUse,
    on: eq(seatUse.membershipId, membership.id),
    utilized,
    remaining: seatsRemainingSql(utilized),
  };
}

/** Seat figures counted for each membership row, with no join: for a page whose seats are only shown. */
export function perRowSeatFigures(): MembershipSeatFigures {
  const utilized = integerSql(sql`select count(*) from ${task}
    where ${task.seatMembershipId} = ${membership.id} and ${task.roleId} = ${learnerRoleIdSql()}`);
  return { utilized, remaining: seatsRemainingSql(utilized) };
}

// ---------------------------------------------------------------------------------------------
// Partnership credits (spec §1.10)

/** Credits allocated through the partnership: Σ benefit credits × allocation over its account benefits. */
export function creditsUsedSql(): SQL<number> {
  return integerSql(sql`select coalesce(sum(${benefit.credits} * ${accountBenefit.allocation}), 0)
    from ${accountBenefit} inner join ${benefit} on ${benefit.id} = ${accountBenefit.benefitId}
    where ${accountBenefit.partnershipId} = ${partnership.id}`);
}

/** Credits used per partnership; every id asked for is in the map (0 when none). */
export async function creditsUsed(
  db: Executor,
  partnershipIds: readonly number[],
): Promise<Map<number, number>> {
  const used = new Map<number, number>(partnershipIds.map((id) => [id, 0]));
  if (partnershipIds.length === 0) return used;
  const rows = await db
    .select({
      id: accountBenefit.partnershipId,
      credits: sql<number>`coalesce(sum(${benefit.credits} * ${accountBenefit.allocation}), 0)`.mapWith(
        Number,
      ),
    })
    .from(accountBenefit)
    .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
    .where(inArray(accountBenefit.partnershipId, [...partnershipIds]))
    .groupBy(accountBenefit.partnershipId);
  for (const row of rows) if (row.id !== null) used.set(row.id, row.credits);
  return used;
}

// ---------------------------------------------------------------------------------------------
// Account benefit allocation (spec §1.15)

/** Units used of an account benefit: tasks for a seat benefit, events for an event benefit. */
export function allocationUsedSql(): SQL<number> {
  return integerSql(sql`case (select ${benefit.unitType} from ${benefit} where ${benefit.id} = ${accountBenefit.benefitId})
    when 'seat' then (select count(*) from ${task} where ${task.allocatedBenefitId} = ${accountBenefit.id})
    when 'event' then (select count(*) from ${event} where ${event.allocatedBenefitId} = ${accountBenefit.id})
    else 0 end`);
}

/** Units used per account benefit; every id asked for is in the map. */
export async function allocationUsed(
  db: Executor,
  accountBenefitIds: readonly string[],
): Promise<Map<string, number>> {
  const used = new Map<string, number>(accountBenefitIds.map((id) => [id, 0]));
  if (accountBenefitIds.length === 0) return used;
  const rows = await db
    .select({ id: accountBenefit.id, used: allocationUsedSql() })
    .from(accountBenefit)
    .where(inArray(accountBenefit.id, [...accountBenefitIds]));
  for (const row of rows) used.set(row.id, row.used);
  return used;
}

// ---------------------------------------------------------------------------------------------
// Lookups by id, with what the display strings need

export function findMembership(db: Executor, id: number): Promise<MembershipRow | undefined> {
  return db
    .select()
    .from(membership)
    .where(eq(membership.id, id))
    .then((rows) => rows[0]);
}

export type PartnershipWithTier = PartnershipRow & { tierName: string | null; tierCredits: number | null };

/** A partnership with its tier's name and credits (null without a tier). */
export async function findPartnership(db: Executor, id: number): Promise<PartnershipWithTier | undefined> {
  const rows = await db
    .select({ partnership, tierName: partnershipTier.name, tierCredits: partnershipTier.credits })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(eq(partnership.id, id));
  const row = rows[0];
  return row ? { ...row.partnership, tierName: row.tierName, tierCredits: row.tierCredits } : undefined;
}

/**
 * How each account's person, organisation or consortium reads (`None` in AMY when it is gone; here
 * the foreign keys keep it, so a missing entry only means an unknown account id).
 */
export async function accountEntityDisplays(
  db: Executor,
  accountIds: readonly string[],
): Promise<Map<string, string>> {
  const displays = new Map<string, string>();
  if (accountIds.length === 0) return displays;
  const rows = await db
    .select({
      id: account.id,
      person: {
        personal: person.personal,
        middle: person.middle,
        family: person.family,
        email: person.email,
      },
      personId: person.id,
      organization: { fullname: organization.fullname, domain: organization.domain },
      organizationId: organization.id,
      consortiumName: consortium.name,
    })
    .from(account)
    .leftJoin(person, eq(person.id, account.personId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .where(inArray(account.id, [...accountIds]));
  for (const row of rows) {
    if (row.personId !== null && row.person) displays.set(row.id, personDisplay(row.person));
    else if (row.organizationId !== null && row.organization)
      displays.set(row.id, organizationDisplay(row.organization));
    else if (row.consortiumName !== null) displays.set(row.id, row.consortiumName);
  }
  return displays;
}

/** The display strings of account benefits (§1.15), naming the partnership or else the account's entity. */
export async function accountBenefitDisplays(
  db: Executor,
  ids: readonly string[],
  today: string,
): Promise<Map<string, string>> {
  const displays = new Map<string, string>();
  if (ids.length === 0) return displays;
  const rows = await db
    .select({
      id: accountBenefit.id,
      accountId: accountBenefit.accountId,
      frozen: accountBenefit.frozen,
      startDate: accountBenefit.startDate,
      endDate: accountBenefit.endDate,
      allocation: accountBenefit.allocation,
      benefit: { name: benefit.name, unitType: benefit.unitType, credits: benefit.credits },
      partnershipId: partnership.id,
      partnershipName: partnership.name,
      partnershipStart: partnership.agreementStart,
      partnershipEnd: partnership.agreementEnd,
      partnerConsortiumId: partnership.partnerConsortiumId,
      tierName: partnershipTier.name,
    })
    .from(accountBenefit)
    .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
    .leftJoin(partnership, eq(partnership.id, accountBenefit.partnershipId))
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(inArray(accountBenefit.id, [...ids]));
  const entities = await accountEntityDisplays(db, [...new Set(rows.map((row) => row.accountId))]);
  for (const row of rows) {
    const forWhom =
      row.partnershipId !== null && row.partnershipName !== null
        ? partnershipDisplay({
            name: row.partnershipName,
            tierName: row.tierName,
            agreementStart: row.partnershipStart,
            agreementEnd: row.partnershipEnd,
            partnerConsortiumId: row.partnerConsortiumId,
          })
        : (entities.get(row.accountId) ?? null);
    displays.set(row.id, accountBenefitDisplay({ ...row, forWhom }, today));
  }
  return displays;
}
