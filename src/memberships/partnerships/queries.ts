import { and, asc, count, desc, eq, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import { person } from "../../accounts/schema.ts";
import {
  communityRole,
  communityRoleConfig,
  communityRoleInactivation,
} from "../../community-roles/schema.ts";
import type { Executor } from "../../db/client.ts";
import { organization } from "../../organizations/schema.ts";
import { creditsUsedSql } from "../queries.ts";
import { account, accountBenefit, consortium, partnership, partnershipTier } from "../schema.ts";
import type { PartnershipOrdering } from "./rules.ts";

export type PartnershipRow = typeof partnership.$inferSelect;
export type PartnershipValues = Omit<typeof partnership.$inferInsert, "id" | "createdAt" | "lastUpdatedAt">;
export type TierRow = typeof partnershipTier.$inferSelect;
export type AccountRow = typeof account.$inferSelect;

/** The partner of a partnership: an organisation or a consortium, never both. */
export type Partner = { organizationId: number } | { consortiumId: number };

export interface PartnershipListFilters {
  /** Only partnerships whose agreement covers this date. */
  activeOn?: string | undefined;
  credits?: "under_limit" | "over_limit" | undefined;
  tierId?: string | undefined;
  orderBy?: PartnershipOrdering | undefined;
}

function filterCondition(filters: PartnershipListFilters): SQL | undefined {
  const used = creditsUsedSql();
  return and(
    filters.activeOn === undefined
      ? undefined
      : and(
          lte(partnership.agreementStart, filters.activeOn),
          gte(partnership.agreementEnd, filters.activeOn),
        ),
    filters.credits === "under_limit" ? sql`${used} < ${partnership.credits}` : undefined,
    filters.credits === "over_limit" ? sql`${used} >= ${partnership.credits}` : undefined,
    filters.tierId === undefined ? undefined : eq(partnership.tierId, filters.tierId),
  );
}

export async function countPartnerships(db: Executor, filters: PartnershipListFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(partnership).where(filterCondition(filters));
  return row?.n ?? 0;
}

export interface PartnershipListRow {
  id: number;
  name: string;
  agreementStart: string;
  agreementEnd: string;
  credits: number;
  creditsUsed: number;
  partnerConsortiumId: number | null;
  tier: { name: string; credits: number } | null;
  organisation: { id: number; fullname: string; domain: string } | null;
  consortium: { id: number; name: string } | null;
}

/** One page of the list with the credits each partnership has allocated; newest first by default. */
export async function listPartnerships(
  db: Executor,
  filters: PartnershipListFilters,
  page: { limit: number; offset: number },
): Promise<PartnershipListRow[]> {
  const order =
    filters.orderBy === "name"
      ? [asc(partnership.name), asc(partnership.id)]
      : filters.orderBy === "-name"
        ? [desc(partnership.name), desc(partnership.id)]
        : [desc(partnership.createdAt), desc(partnership.id)];
  const rows = await db
    .select({
      id: partnership.id,
      name: partnership.name,
      agreementStart: partnership.agreementStart,
      agreementEnd: partnership.agreementEnd,
      credits: partnership.credits,
      creditsUsed: creditsUsedSql(),
      partnerConsortiumId: partnership.partnerConsortiumId,
      tierName: partnershipTier.name,
      tierCredits: partnershipTier.credits,
      organisationId: organization.id,
      organisationFullname: organization.fullname,
      organisationDomain: organization.domain,
      consortiumId: consortium.id,
      consortiumName: consortium.name,
    })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .leftJoin(organization, eq(organization.id, partnership.partnerOrganisationId))
    .leftJoin(consortium, eq(consortium.id, partnership.partnerConsortiumId))
    .where(filterCondition(filters))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    agreementStart: row.agreementStart,
    agreementEnd: row.agreementEnd,
    credits: row.credits,
    creditsUsed: row.creditsUsed,
    partnerConsortiumId: row.partnerConsortiumId,
    tier:
      row.tierName !== null && row.tierCredits !== null
        ? { name: row.tierName, credits: row.tierCredits }
        : null,
    organisation:
      row.organisationId !== null && row.organisationFullname !== null && row.organisationDomain !== null
        ? { id: row.organisationId, fullname: row.organisationFullname, domain: row.organisationDomain }
        : null,
    consortium:
      row.consortiumId !== null && row.consortiumName !== null
        ? { id: row.consortiumId, name: row.consortiumName }
        : null,
  }));
}

/** Every tier by credits: the choices of the forms and the list's filter (there are few). */
export function allTiers(db: Executor): Promise<TierRow[]> {
  return db.select().from(partnershipTier).orderBy(asc(partnershipTier.credits), asc(partnershipTier.name));
}

export async function findTier(db: Executor, id: string): Promise<TierRow | undefined> {
  const [row] = await db.select().from(partnershipTier).where(eq(partnershipTier.id, id));
  return row;
}

/** The partnership rolled over into this one, if any. */
export async function findRolledFrom(db: Executor, id: number) {
  const [row] = await db
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
    .where(eq(partnership.rolledToPartnershipId, id));
  return row;
}

export async function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(account).where(eq(account.id, id));
  return row;
}

/**
 * The account of the partner, made (type organisation or consortium) when it has none yet. A
 * concurrent creation of the same account is absorbed by the unique key.
 */
export async function getOrCreateAccount(
  tx: Executor,
  partner: Partner,
): Promise<{ account: AccountRow; created: boolean }> {
  const condition =
    "organizationId" in partner
      ? eq(account.organizationId, partner.organizationId)
      : eq(account.consortiumId, partner.consortiumId);
  const [existing] = await tx.select().from(account).where(condition);
  if (existing) return { account: existing, created: false };
  const [inserted] = await tx
    .insert(account)
    .values({ accountType: "organizationId" in partner ? "organisation" : "consortium", ...partner })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { account: inserted, created: true };
  const [raced] = await tx.select().from(account).where(condition);
  if (!raced) throw new Error("account neither inserted nor found");
  return { account: raced, created: false };
}

export async function insertPartnership(db: Executor, values: PartnershipValues): Promise<PartnershipRow> {
  const [row] = await db.insert(partnership).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePartnershipRow(
  db: Executor,
  id: number,
  values: Partial<PartnershipValues>,
): Promise<PartnershipRow> {
  const [row] = await db
    .update(partnership)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(partnership.id, id))
    .returning();
  if (!row) throw new Error(`partnership ${id} vanished`);
  return row;
}

/**
 * Points the old partnership at its successor, unless another roll-over got there first: then
 * nothing changes and undefined comes back.
 */
export async function markRolledOver(
  db: Executor,
  oldId: number,
  newId: number,
): Promise<PartnershipRow | undefined> {
  const [row] = await db
    .update(partnership)
    .set({ rolledToPartnershipId: newId, lastUpdatedAt: new Date() })
    .where(and(eq(partnership.id, oldId), isNull(partnership.rolledToPartnershipId)))
    .returning();
  return row;
}

export type AccountBenefitRow = typeof accountBenefit.$inferSelect;

/** Freezes the account benefits linked to the partnership. */
export function freezeAccountBenefitsOf(db: Executor, partnershipId: number): Promise<AccountBenefitRow[]> {
  return db
    .update(accountBenefit)
    .set({ frozen: true, lastUpdatedAt: new Date() })
    .where(eq(accountBenefit.partnershipId, partnershipId))
    .returning();
}

/** Moves the account benefits linked to the partnership to another account. */
export function moveAccountBenefits(
  db: Executor,
  partnershipId: number,
  accountId: string,
): Promise<AccountBenefitRow[]> {
  return db
    .update(accountBenefit)
    .set({ accountId, lastUpdatedAt: new Date() })
    .where(eq(accountBenefit.partnershipId, partnershipId))
    .returning();
}

export async function deletePartnershipRow(db: Executor, id: number): Promise<void> {
  await db.delete(partnership).where(eq(partnership.id, id));
}

export interface RelatedCommunityRole {
  id: number;
  person: { id: number; personal: string; middle: string; family: string; email: string | null };
  roleName: string;
  start: string | null;
  end: string | null;
  inactivation: string | null;
  url: string;
}

/** The community roles linked to the partnership, by person. */
export async function relatedCommunityRoles(
  db: Executor,
  partnershipId: number,
): Promise<RelatedCommunityRole[]> {
  return db
    .select({
      id: communityRole.id,
      person: {
        id: person.id,
        personal: person.personal,
        middle: person.middle,
        family: person.family,
        email: person.email,
      },
      roleName: communityRoleConfig.displayName,
      start: communityRole.start,
      end: communityRole.end,
      inactivation: communityRoleInactivation.name,
      url: communityRole.url,
    })
    .from(communityRole)
    .innerJoin(person, eq(person.id, communityRole.personId))
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .leftJoin(communityRoleInactivation, eq(communityRoleInactivation.id, communityRole.inactivationId))
    .where(eq(communityRole.partnershipId, partnershipId))
    .orderBy(asc(person.family), asc(person.personal), asc(communityRole.id));
}
