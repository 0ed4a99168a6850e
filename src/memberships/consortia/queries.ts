import { asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { organization } from "../../organizations/schema.ts";
import {
  account,
  accountBenefit,
  benefit,
  consortium,
  consortiumOrganisation,
  partnership,
  partnershipTier,
} from "../schema.ts";
import type { ConsortiumOrdering } from "./rules.ts";

export type ConsortiumRow = typeof consortium.$inferSelect;
export type ConsortiumValues = { name: string; description: string };
export type ConsortiumOrganisation = typeof organization.$inferSelect;

export interface ConsortiumFilters {
  /** Consortia containing any of these organisations. */
  containsOrganisations: number[];
  orderBy?: ConsortiumOrdering | undefined;
}

function filterCondition(filters: ConsortiumFilters): SQL | undefined {
  if (filters.containsOrganisations.length === 0) return undefined;
  return sql`exists (select 1 from ${consortiumOrganisation}
    where ${consortiumOrganisation.consortiumId} = ${consortium.id}
    and ${inArray(consortiumOrganisation.organizationId, filters.containsOrganisations)})`;
}

const ORDER: Record<ConsortiumOrdering, SQL> = {
  name: asc(consortium.name),
  "-name": desc(consortium.name),
  description: asc(consortium.description),
  "-description": desc(consortium.description),
};

export async function countConsortia(db: Executor, filters: ConsortiumFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(consortium).where(filterCondition(filters));
  return row?.n ?? 0;
}

/** One page of the list, newest first unless told otherwise. */
export function listConsortia(
  db: Executor,
  filters: ConsortiumFilters,
  page: { limit: number; offset: number },
): Promise<ConsortiumRow[]> {
  const order = filters.orderBy
    ? [ORDER[filters.orderBy], asc(consortium.id)]
    : [desc(consortium.createdAt), desc(consortium.id)];
  return db
    .select()
    .from(consortium)
    .where(filterCondition(filters))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
}

/** Every consortium by name: the choices of the partnership form (there are few). */
export function allConsortia(db: Executor): Promise<ConsortiumRow[]> {
  return db.select().from(consortium).orderBy(asc(consortium.name), asc(consortium.id));
}

export async function findConsortium(db: Executor, id: number): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortium).where(eq(consortium.id, id));
  return row;
}

/** The member organisations of each consortium, by full name. */
export async function organisationsOfConsortia(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, ConsortiumOrganisation[]>> {
  const byConsortium = new Map<number, ConsortiumOrganisation[]>();
  if (ids.length === 0) return byConsortium;
  const rows = await db
    .select({ consortiumId: consortiumOrganisation.consortiumId, organization })
    .from(consortiumOrganisation)
    .innerJoin(organization, eq(organization.id, consortiumOrganisation.organizationId))
    .where(inArray(consortiumOrganisation.consortiumId, [...ids]))
    .orderBy(asc(organization.fullname), asc(organization.id));
  for (const row of rows) {
    byConsortium.set(row.consortiumId, [...(byConsortium.get(row.consortiumId) ?? []), row.organization]);
  }
  return byConsortium;
}

export async function organisationIdsOf(db: Executor, id: number): Promise<number[]> {
  const rows = await db
    .select({ id: consortiumOrganisation.organizationId })
    .from(consortiumOrganisation)
    .where(eq(consortiumOrganisation.consortiumId, id))
    .orderBy(consortiumOrganisation.organizationId);
  return rows.map((row) => row.id);
}

export function findOrganisationsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<ConsortiumOrganisation[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(organization)
    .where(inArray(organization.id, [...ids]))
    .orderBy(asc(organization.fullname), asc(organization.id));
}

export async function insertConsortium(db: Executor, values: ConsortiumValues): Promise<ConsortiumRow> {
  const [row] = await db.insert(consortium).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateConsortiumRow(
  db: Executor,
  id: number,
  values: ConsortiumValues,
): Promise<ConsortiumRow> {
  const [row] = await db
    .update(consortium)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(consortium.id, id))
    .returning();
  if (!row) throw new Error(`consortium ${id} vanished`);
  return row;
}

export async function replaceOrganisations(db: Executor, id: number, organisationIds: readonly number[]) {
  await db.delete(consortiumOrganisation).where(eq(consortiumOrganisation.consortiumId, id));
  if (organisationIds.length > 0) {
    await db
      .insert(consortiumOrganisation)
      .values(organisationIds.map((organizationId) => ({ consortiumId: id, organizationId })));
  }
}

export async function deleteConsortiumRow(db: Executor, id: number): Promise<void> {
  await db.delete(consortium).where(eq(consortium.id, id));
}

export interface ConsortiumBlockers {
  partnerships: {
    id: number;
    name: string;
    tierName: string | null;
    agreementStart: string;
    agreementEnd: string;
    partnerConsortiumId: number | null;
  }[];
  /** Benefits bought by the consortium's account, which would go with the consortium. */
  accountBenefits: { id: string; benefitName: string; startDate: string; endDate: string }[];
}

/**
 * What keeps a consortium from being deleted: its partnerships, and the benefits of its account
 * (the account is deleted with the consortium, and a bought benefit protects its account).
 */
export async function consortiumBlockers(db: Executor, id: number): Promise<ConsortiumBlockers> {
  const [partnerships, accountBenefits] = await Promise.all([
    db
      .select({
        id: partnership.id,
        name: partnership.name,
        tierName: partnershipTier.name,
        agreementStart: partnership.agreementStart,
        agreementEnd: partnership.agreementEnd,
        partnerConsortiumId: partnership.partnerConsortiumId,
      })
      .from(partnership)
      .innerJoin(account, eq(account.id, partnership.accountId))
      .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
      .where(or(eq(partnership.partnerConsortiumId, id), eq(account.consortiumId, id)))
      .orderBy(asc(partnership.name), asc(partnership.id)),
    db
      .select({
        id: accountBenefit.id,
        benefitName: benefit.name,
        startDate: accountBenefit.startDate,
        endDate: accountBenefit.endDate,
      })
      .from(accountBenefit)
      .innerJoin(account, eq(account.id, accountBenefit.accountId))
      .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
      .where(eq(account.consortiumId, id))
      .orderBy(asc(accountBenefit.startDate), asc(accountBenefit.id)),
  ]);
  return { partnerships, accountBenefits };
}
