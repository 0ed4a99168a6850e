// The memberships list (spec §2.3): its filters from the query string, and one page of rows with
// the remaining seats computed in SQL. Member organisations are matched with `exists`, never joined,
// so a membership with several matching organisations is listed once and its counts stay right.
// The seats used are joined, counted for all memberships at once, only when they filter or order the
// list; otherwise they are counted for the rows of the page alone.
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import { organization } from "../organizations/schema.ts";
import {
  joinedSeatFigures,
  type MembershipSeatFigures,
  perRowSeatFigures,
  seatsTotalSql,
} from "./queries.ts";
import { CONTRIBUTION_TYPES, isChoice, MEMBERSHIP_VARIANTS, PUBLIC_STATUSES } from "./rules.ts";
import { member, membership } from "./schema.ts";

export const MEMBERSHIP_ORDER_FIELDS = [
  "agreement_start",
  "agreement_end",
  "instructor_training_seats_remaining",
] as const;
type OrderField = (typeof MEMBERSHIP_ORDER_FIELDS)[number];

export interface MembershipOrder {
  field: OrderField;
  descending: boolean;
}

export interface MembershipListFilters {
  organizationName: string | undefined;
  consortium: boolean | undefined;
  publicStatus: string | undefined;
  variant: string | undefined;
  contributionType: string | undefined;
  activeOnly: boolean;
  trainingSeatsOnly: boolean;
  negativeRemainingSeatsOnly: boolean;
  orderBy: MembershipOrder[];
}

const INVALID_CHOICE = "This is not one of the choices; the list is shown without it.";

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** A checkbox filter: on when present with a truthy value. */
function checked(value: unknown): boolean {
  return ["on", "true", "True", "1", "yes"].includes(firstString(value) ?? "");
}

/** A tri-state filter: true, false, or no filtering for anything else (Django's NullBooleanSelect). */
function triState(value: unknown): boolean | undefined {
  const text = firstString(value);
  if (text === "true" || text === "True" || text === "2") return true;
  if (text === "false" || text === "False" || text === "3") return false;
  return undefined;
}

/** `order_by`: comma-separated fields, each optionally prefixed `-`; undefined when any is unknown. */
function parseOrder(text: string): MembershipOrder[] | undefined {
  const parts = text.split(",").filter((part) => part !== "");
  const order: MembershipOrder[] = [];
  for (const part of parts) {
    const descending = part.startsWith("-");
    const field = descending ? part.slice(1) : part;
    if (!(MEMBERSHIP_ORDER_FIELDS as readonly string[]).includes(field)) return undefined;
    order.push({ field: field as OrderField, descending });
  }
  return order;
}

/** The list's filters; a value that is not a choice is ignored and reported beside its field. */
export function parseMembershipListFilters(query: Record<string, unknown>): {
  filters: MembershipListFilters;
  errors: Record<string, string[]>;
} {
  const errors: Record<string, string[]> = {};
  const exact = (name: string, list: Parameters<typeof isChoice>[0]) => {
    const value = firstString(query[name])?.trim();
    if (!value) return undefined;
    if (isChoice(list, value)) return value;
    errors[name] = [INVALID_CHOICE];
    return undefined;
  };
  const orderText = firstString(query.order_by)?.trim() ?? "";
  const orderBy = parseOrder(orderText);
  if (orderBy === undefined) errors.order_by = [INVALID_CHOICE];
  const organizationName = firstString(query.organization_name)?.trim();
  return {
    filters: {
      organizationName: organizationName || undefined,
      consortium: triState(query.consortium),
      publicStatus: exact("public_status", PUBLIC_STATUSES),
      variant: exact("variant", MEMBERSHIP_VARIANTS),
      contributionType: exact("contribution_type", CONTRIBUTION_TYPES),
      activeOnly: checked(query.active_only),
      trainingSeatsOnly: checked(query.training_seats_only),
      negativeRemainingSeatsOnly: checked(query.negative_remaining_seats_only),
      orderBy: orderBy ?? [],
    },
    errors,
  };
}

/** `%`, `_` and `\` match themselves in a substring search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The list's `where`; with the remaining-seats filter on, `seats` are best joined (`seatsFor`). */
function conditions(
  filters: MembershipListFilters,
  today: string,
  seats: MembershipSeatFigures,
): SQL | undefined {
  const name = filters.organizationName;
  return and(
    name
      ? sql`exists (select 1 from ${member} inner join ${organization} on ${organization.id} = ${member.organizationId}
          where ${member.membershipId} = ${membership.id} and ${ilike(organization.fullname, likePattern(name))})`
      : undefined,
    filters.consortium === undefined ? undefined : eq(membership.consortium, filters.consortium),
    filters.publicStatus ? eq(membership.publicStatus, filters.publicStatus) : undefined,
    filters.variant ? eq(membership.variant, filters.variant) : undefined,
    filters.contributionType ? eq(membership.contributionType, filters.contributionType) : undefined,
    filters.activeOnly
      ? and(lte(membership.agreementStart, today), gte(membership.agreementEnd, today))
      : undefined,
    filters.trainingSeatsOnly ? sql`${seatsTotalSql()} > 0` : undefined,
    filters.negativeRemainingSeatsOnly ? sql`${seats.remaining} < 0` : undefined,
  );
}

function orderColumn(field: OrderField, seats: MembershipSeatFigures): SQL | AnyPgColumn {
  if (field === "agreement_start") return membership.agreementStart;
  if (field === "agreement_end") return membership.agreementEnd;
  return seats.remaining;
}

/**
 * The seat figures of a list query: joined when the remaining seats filter or order the list (every
 * membership's count is needed, one grouped pass is cheapest), otherwise counted per row, which
 * PostgreSQL does for the page's rows alone (joined, it would count for all memberships).
 */
function seatsFor(filters: MembershipListFilters): {
  seats: MembershipSeatFigures;
  joined: ReturnType<typeof joinedSeatFigures> | undefined;
} {
  const bySeats =
    filters.negativeRemainingSeatsOnly ||
    filters.orderBy.some(({ field }) => field === "instructor_training_seats_remaining");
  if (!bySeats) return { seats: perRowSeatFigures(), joined: undefined };
  const joined = joinedSeatFigures();
  return { seats: joined, joined };
}

export async function countMemberships(
  db: Executor,
  filters: MembershipListFilters,
  today: string,
): Promise<number> {
  const { seats, joined } = seatsFor(filters);
  const query = db.select({ n: count() }).from(membership).$dynamic();
  const [row] = await (joined ? query.leftJoin(joined.seatUse, joined.on) : query).where(
    conditions(filters, today, seats),
  );
  return row?.n ?? 0;
}

export interface MemberOrganization {
  domain: string;
  fullname: string;
}

export interface MembershipListRow {
  id: number;
  name: string;
  consortium: boolean;
  variant: string;
  agreementStart: string;
  agreementEnd: string;
  contributionType: string;
  seatsTotal: number;
  seatsRemaining: number;
  organizations: MemberOrganization[];
}

/** One page of memberships, by id unless told otherwise, with their member organisations. */
export async function listMemberships(
  db: Executor,
  filters: MembershipListFilters,
  today: string,
  page: { limit: number; offset: number },
): Promise<MembershipListRow[]> {
  const { seats, joined } = seatsFor(filters);
  const order = filters.orderBy.map(({ field, descending }) =>
    descending ? desc(orderColumn(field, seats)) : asc(orderColumn(field, seats)),
  );
  const query = db
    .select({
      id: membership.id,
      name: membership.name,
      consortium: membership.consortium,
      variant: membership.variant,
      agreementStart: membership.agreementStart,
      agreementEnd: membership.agreementEnd,
      contributionType: membership.contributionType,
      seatsTotal: seatsTotalSql(),
      seatsRemaining: seats.remaining,
    })
    .from(membership)
    .$dynamic();
  const rows = await (joined ? query.leftJoin(joined.seatUse, joined.on) : query)
    .where(conditions(filters, today, seats))
    .orderBy(...order, asc(membership.id))
    .limit(page.limit)
    .offset(page.offset);
  const organizations = await organizationsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, organizations: organizations.get(row.id) ?? [] }));
}

/** The member organisations of each membership, by full name, each once whatever its roles. */
async function organizationsOf(db: Executor, ids: number[]): Promise<Map<number, MemberOrganization[]>> {
  const byMembership = new Map<number, MemberOrganization[]>();
  if (ids.length === 0) return byMembership;
  const rows = await db
    .selectDistinct({
      membershipId: member.membershipId,
      domain: organization.domain,
      fullname: organization.fullname,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(inArray(member.membershipId, ids))
    .orderBy(member.membershipId, organization.fullname, organization.domain);
  for (const row of rows) {
    byMembership.set(row.membershipId, [
      ...(byMembership.get(row.membershipId) ?? []),
      { domain: row.domain, fullname: row.fullname },
    ]);
  }
  return byMembership;
}
