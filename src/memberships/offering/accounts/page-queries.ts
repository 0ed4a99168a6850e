// What an account's page shows besides the account, and what keeps an account from being deleted.
import { asc, count, desc, eq } from "drizzle-orm";
import { person } from "../../../accounts/schema.ts";
import {
  communityRole,
  communityRoleConfig,
  communityRoleInactivation,
} from "../../../community-roles/schema.ts";
import type { Executor } from "../../../db/client.ts";
import { personDisplay } from "../../../people/index.ts";
import { creditsUsed } from "../../queries.ts";
import { partnershipDisplay } from "../../rules.ts";
import { accountBenefit, partnership, partnershipTier } from "../../schema.ts";

export interface AccountPartnership {
  id: number;
  display: string;
  agreementStart: string;
  agreementEnd: string;
  tierName: string | null;
  credits: number;
  creditsUsed: number;
}

/** The partnerships paying through this account, newest agreement first, with their credits. */
export async function partnershipsOfAccount(db: Executor, accountId: string): Promise<AccountPartnership[]> {
  const rows = await db
    .select({ partnership, tierName: partnershipTier.name })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(eq(partnership.accountId, accountId))
    .orderBy(desc(partnership.agreementStart), desc(partnership.id));
  const used = await creditsUsed(
    db,
    rows.map((row) => row.partnership.id),
  );
  return rows.map(({ partnership: row, tierName }) => ({
    id: row.id,
    display: partnershipDisplay({ ...row, tierName }),
    agreementStart: row.agreementStart,
    agreementEnd: row.agreementEnd,
    tierName,
    credits: row.credits,
    creditsUsed: used.get(row.id) ?? 0,
  }));
}

/** Whether any partnership pays through this account. */
export async function hasPartnerships(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(partnership).where(eq(partnership.accountId, accountId));
  return (row?.n ?? 0) > 0;
}

/** The ids of the account's account benefits (they keep it from being deleted). */
export async function accountBenefitIdsOf(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .where(eq(accountBenefit.accountId, accountId))
    .orderBy(asc(accountBenefit.startDate), asc(accountBenefit.id));
  return rows.map((row) => row.id);
}

export interface PartnershipCommunityRole {
  id: number;
  person: { id: number; display: string };
  roleName: string;
  start: string | null;
  end: string | null;
  inactivation: string | null;
  url: string;
  partnership: { id: number; display: string };
}

/** Community roles linked to the partnerships of this account. */
export async function communityRolesOfAccount(
  db: Executor,
  accountId: string,
): Promise<PartnershipCommunityRole[]> {
  const rows = await db
    .select({
      id: communityRole.id,
      personId: person.id,
      person: {
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
      partnership,
      tierName: partnershipTier.name,
    })
    .from(communityRole)
    .innerJoin(partnership, eq(partnership.id, communityRole.partnershipId))
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .innerJoin(person, eq(person.id, communityRole.personId))
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .leftJoin(communityRoleInactivation, eq(communityRoleInactivation.id, communityRole.inactivationId))
    .where(eq(partnership.accountId, accountId))
    .orderBy(asc(person.family), asc(person.personal), asc(communityRole.id));
  return rows.map((row) => ({
    id: row.id,
    person: { id: row.personId, display: personDisplay(row.person) },
    roleName: row.roleName,
    start: row.start,
    end: row.end,
    inactivation: row.inactivation,
    url: row.url,
    partnership: {
      id: row.partnership.id,
      display: partnershipDisplay({ ...row.partnership, tierName: row.tierName }),
    },
  }));
}
