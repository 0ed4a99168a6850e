import { and, asc, desc, eq, inArray, isNotNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { countTableRows } from "../db/row-counts.ts";
import { type EventTagBadge, tagsOfEventJson } from "../events/index.ts";
import { event } from "../events/schema.ts";
import { member, memberRole, membership } from "../memberships/schema.ts";
import type { OrganizationOrdering } from "./rules.ts";
import { organization, organizationAffiliation } from "./schema.ts";

export type OrganizationRow = typeof organization.$inferSelect;
export type OrganizationValues = Omit<typeof organization.$inferInsert, "id">;

export interface OrganizationFilters {
  country?: string | undefined;
  /** Organisations with a membership (current or past) of any of these variants. */
  membershipVariants?: readonly string[] | undefined;
  orderBy?: OrganizationOrdering | undefined;
}

/** SQL: the organisation is a member of a membership of one of these variants (past or current). */
function hasMembershipVariant(variants: readonly string[]): SQL {
  return sql`exists (select 1 from ${member} inner join ${membership} on ${membership.id} = ${member.membershipId}
    where ${member.organizationId} = ${organization.id} and ${inArray(membership.variant, [...variants])})`;
}

function filterCondition(filters: OrganizationFilters): SQL | undefined {
  const variants = filters.membershipVariants ?? [];
  return and(
    filters.country ? eq(organization.country, filters.country) : undefined,
    variants.length > 0 ? hasMembershipVariant(variants) : undefined,
  );
}

const ORDER: Record<OrganizationOrdering, SQL> = {
  fullname: asc(organization.fullname),
  "-fullname": desc(organization.fullname),
  domain: asc(organization.domain),
  "-domain": desc(organization.domain),
};

export async function countOrganizations(db: Executor, filters: OrganizationFilters): Promise<number> {
  return countTableRows(db, organization, filterCondition(filters));
}

/** One page of the list, ordered by domain unless told otherwise. */
export function listOrganizations(
  db: Executor,
  filters: OrganizationFilters,
  page: { limit: number; offset: number },
): Promise<OrganizationRow[]> {
  return db
    .select()
    .from(organization)
    .where(filterCondition(filters))
    .orderBy(ORDER[filters.orderBy ?? "domain"], asc(organization.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** The countries organisations are in: the choices of the list's country filter. */
export async function organizationCountries(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: organization.country })
    .from(organization)
    .where(isNotNull(organization.country))
    .orderBy(organization.country);
  return rows.flatMap((row) => (row.country ? [row.country] : []));
}

export async function findOrganizationByDomain(
  db: Executor,
  domain: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organization).where(eq(organization.domain, domain));
  return row;
}

export async function findOrganizationById(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organization).where(eq(organization.id, id));
  return row;
}

export function findOrganizationsByIds(db: Executor, ids: readonly number[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(organization)
    .where(inArray(organization.id, [...ids]))
    .orderBy(organization.fullname);
}

/** Which of the unique fields another organisation already uses. */
export async function takenFields(
  db: Executor,
  values: { domain: string; fullname: string },
  exceptId: number | undefined,
): Promise<{ domain: boolean; fullname: boolean }> {
  const rows = await db
    .select({ domain: organization.domain, fullname: organization.fullname })
    .from(organization)
    .where(
      and(
        or(eq(organization.domain, values.domain), eq(organization.fullname, values.fullname)),
        exceptId === undefined ? undefined : ne(organization.id, exceptId),
      ),
    );
  return {
    domain: rows.some((row) => row.domain === values.domain),
    fullname: rows.some((row) => row.fullname === values.fullname),
  };
}

export async function insertOrganization(db: Executor, values: OrganizationValues): Promise<OrganizationRow> {
  const [row] = await db.insert(organization).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateOrganization(
  db: Executor,
  id: number,
  values: OrganizationValues,
): Promise<OrganizationRow> {
  const [row] = await db.update(organization).set(values).where(eq(organization.id, id)).returning();
  if (!row) throw new Error(`organisation ${id} vanished`);
  return row;
}

export async function deleteOrganizationRow(db: Executor, id: number): Promise<void> {
  await db.delete(organization).where(eq(organization.id, id));
}

/** The ids of the organisations this one is affiliated with. */
export async function affiliatedIds(db: Executor, id: number): Promise<number[]> {
  const rows = await db
    .select({ id: organizationAffiliation.toOrganizationId })
    .from(organizationAffiliation)
    .where(eq(organizationAffiliation.fromOrganizationId, id))
    .orderBy(organizationAffiliation.toOrganizationId);
  return rows.map((row) => row.id);
}

/** Replaces an organisation's affiliations, both directions of each. */
export async function replaceAffiliations(
  db: Executor,
  id: number,
  rows: { fromOrganizationId: number; toOrganizationId: number }[],
): Promise<void> {
  await db
    .delete(organizationAffiliation)
    .where(
      or(
        eq(organizationAffiliation.fromOrganizationId, id),
        eq(organizationAffiliation.toOrganizationId, id),
      ),
    );
  if (rows.length > 0) await db.insert(organizationAffiliation).values(rows);
}

export interface OrganizationEvent {
  slug: string;
  start: string | null;
  end: string | null;
  url: string | null;
  hosted: boolean;
  sponsored: boolean;
  /** The event counts for a membership in which this organisation is the main organisation. */
  affiliated: boolean;
  tags: string[];
}

/** Events this organisation hosted, sponsored or administered, newest first. */
export async function eventsOfOrganization(db: Executor, id: number): Promise<OrganizationEvent[]> {
  const rows = await db
    .select({
      id: event.id,
      slug: event.slug,
      start: event.start,
      end: event.end,
      url: event.url,
      hostId: event.hostId,
      sponsorId: event.sponsorId,
      // Nested: in a one-table select Drizzle drops the table names of top-level columns only.
      affiliated: sql<boolean>`${sql`exists (select 1 from ${member}
        inner join ${memberRole} on ${memberRole.id} = ${member.roleId}
        where ${member.membershipId} = ${event.membershipId} and ${member.organizationId} = ${id}
          and ${memberRole.name} = 'main')`}`,
      tags: sql<EventTagBadge[]>`${tagsOfEventJson()}`,
    })
    .from(event)
    .where(or(eq(event.hostId, id), eq(event.sponsorId, id), eq(event.administratorId, id)))
    .orderBy(desc(event.start), desc(event.id));
  return rows.map((row) => ({
    slug: row.slug,
    start: row.start,
    end: row.end,
    url: row.url,
    hosted: row.hostId === id,
    sponsored: row.sponsorId === id,
    affiliated: row.affiliated,
    tags: row.tags.map((badge) => badge.name),
  }));
}
