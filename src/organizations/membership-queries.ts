// What the organisation pages show of the memberships area: the memberships an organisation is a
// member of, its partnerships and its account, and what of these keeps it from being deleted.
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import type { MembershipCounts, MembershipFigures } from "../memberships/accounting.ts";
import { membershipFigures } from "../memberships/accounting.ts";
import { creditsUsedSql, membershipUsage } from "../memberships/queries.ts";
import {
  account,
  accountBenefit,
  benefit,
  member,
  memberRole,
  membership,
  partnership,
  partnershipTier,
} from "../memberships/schema.ts";

/** What a membership link needs: the fields of its display string. */
export interface MembershipLink {
  id: number;
  name: string;
  variant: string;
  agreementStart: string;
  agreementEnd: string;
  consortium: boolean;
}

const linkColumns = {
  id: membership.id,
  name: membership.name,
  variant: membership.variant,
  agreementStart: membership.agreementStart,
  agreementEnd: membership.agreementEnd,
  consortium: membership.consortium,
};

/**
 * The memberships each of the organisations holds on `today` (agreement start ≤ today ≤ end), in
 * one query for a whole page of organisations. An organisation with two roles in one membership
 * gets it once.
 */
export async function currentMembershipsOf(
  db: Executor,
  organizationIds: readonly number[],
  today: string,
): Promise<Map<number, MembershipLink[]>> {
  const byOrganization = new Map<number, MembershipLink[]>();
  if (organizationIds.length === 0) return byOrganization;
  const rows = await db
    .selectDistinct({ organizationId: member.organizationId, ...linkColumns })
    .from(member)
    .innerJoin(membership, eq(membership.id, member.membershipId))
    .where(
      and(
        inArray(member.organizationId, [...organizationIds]),
        lte(membership.agreementStart, today),
        gte(membership.agreementEnd, today),
      ),
    )
    .orderBy(member.organizationId, asc(membership.agreementStart), asc(membership.id));
  for (const { organizationId, ...link } of rows) {
    byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), link]);
  }
  return byOrganization;
}

export interface OrganizationMembership extends MembershipLink {
  contributionType: string;
  /** The organisation's roles in it, by their display names. */
  roles: string[];
  counts: MembershipCounts;
  figures: MembershipFigures;
}

/** Every membership the organisation is a member of, in any role, newest agreement first, with its figures. */
export async function membershipsOfOrganization(
  db: Executor,
  organizationId: number,
  today: string,
): Promise<OrganizationMembership[]> {
  const rows = await db
    .select({ membership, roleName: memberRole.name, roleVerboseName: memberRole.verboseName })
    .from(member)
    .innerJoin(membership, eq(membership.id, member.membershipId))
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.organizationId, organizationId))
    .orderBy(desc(membership.agreementStart), desc(membership.id), asc(memberRole.name));
  const byId = new Map<number, { row: typeof membership.$inferSelect; roles: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.membership.id) ?? { row: row.membership, roles: [] };
    entry.roles.push(row.roleVerboseName || row.roleName);
    byId.set(row.membership.id, entry);
  }
  const usage = await membershipUsage(db, [...byId.keys()], today);
  return [...byId.values()].map(({ row, roles }) => {
    const counts: MembershipCounts = row;
    const used = usage.get(row.id);
    if (!used) throw new Error(`no usage counted for membership ${row.id}`);
    return {
      id: row.id,
      name: row.name,
      variant: row.variant,
      agreementStart: row.agreementStart,
      agreementEnd: row.agreementEnd,
      consortium: row.consortium,
      contributionType: row.contributionType,
      roles,
      counts,
      figures: membershipFigures(counts, used),
    };
  });
}

/** The organisation's account (every organisation created in AMY has one), if any. */
export async function accountOfOrganization(
  db: Executor,
  organizationId: number,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(eq(account.organizationId, organizationId));
  return row;
}

export interface OrganizationPartnership {
  id: number;
  name: string;
  agreementStart: string;
  agreementEnd: string;
  tierName: string | null;
  tierCredits: number | null;
  credits: number;
  creditsUsed: number;
}

/** Partnerships whose partner is the organisation, newest first, with the credits they allocated. */
export async function partnershipsOfOrganization(
  db: Executor,
  organizationId: number,
): Promise<OrganizationPartnership[]> {
  return db
    .select({
      id: partnership.id,
      name: partnership.name,
      agreementStart: partnership.agreementStart,
      agreementEnd: partnership.agreementEnd,
      tierName: partnershipTier.name,
      tierCredits: partnershipTier.credits,
      credits: partnership.credits,
      creditsUsed: creditsUsedSql(),
    })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(eq(partnership.partnerOrganisationId, organizationId))
    .orderBy(desc(partnership.agreementStart), desc(partnership.id));
}

export interface MembershipBlocker extends MembershipLink {
  role: string;
}

export interface AccountBenefitBlocker {
  id: string;
  benefitName: string;
  startDate: string;
  endDate: string;
}

/** What of the memberships area keeps an organisation from being deleted. */
export interface OrganizationMembershipBlockers {
  memberships: MembershipBlocker[];
  partnerships: OrganizationPartnership[];
  /** Account benefits of the organisation's account (its account would go with it). */
  accountBenefits: AccountBenefitBlocker[];
  /** Partnerships of other partners that use the organisation's account. */
  accountPartnerships: { id: number; name: string }[];
}

export async function membershipBlockersOf(
  db: Executor,
  organizationId: number,
): Promise<OrganizationMembershipBlockers> {
  const [memberships, partnerships, ownAccount] = await Promise.all([
    db
      .select({ ...linkColumns, roleName: memberRole.name, roleVerboseName: memberRole.verboseName })
      .from(member)
      .innerJoin(membership, eq(membership.id, member.membershipId))
      .innerJoin(memberRole, eq(memberRole.id, member.roleId))
      .where(eq(member.organizationId, organizationId))
      .orderBy(asc(membership.agreementStart), asc(membership.id)),
    partnershipsOfOrganization(db, organizationId),
    accountOfOrganization(db, organizationId),
  ]);
  const accountId = ownAccount?.id;
  const [accountBenefits, accountPartnerships] = accountId
    ? await Promise.all([
        db
          .select({
            id: accountBenefit.id,
            benefitName: benefit.name,
            startDate: accountBenefit.startDate,
            endDate: accountBenefit.endDate,
          })
          .from(accountBenefit)
          .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
          .where(eq(accountBenefit.accountId, accountId))
          .orderBy(asc(accountBenefit.startDate), asc(accountBenefit.id)),
        db
          .select({ id: partnership.id, name: partnership.name })
          .from(partnership)
          .where(
            and(
              eq(partnership.accountId, accountId),
              sql`${partnership.partnerOrganisationId} is distinct from ${organizationId}`,
            ),
          )
          .orderBy(asc(partnership.id)),
      ])
    : [[], []];
  return {
    memberships: memberships.map(({ roleName, roleVerboseName, ...link }) => ({
      ...link,
      role: roleVerboseName || roleName,
    })),
    partnerships,
    accountBenefits,
    accountPartnerships,
  };
}

/** The account every organisation created here gets (AMY's get-or-create on organisation create). */
export async function insertOrganizationAccount(tx: Executor, organizationId: number): Promise<void> {
  await tx
    .insert(account)
    .values({ accountType: "organisation", organizationId })
    .onConflictDoNothing({ target: account.organizationId });
}
