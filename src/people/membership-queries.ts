// A person's place in the memberships area: their roles in memberships ("membership tasks"), the
// accounts they own or are a contact of, and their individual account.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import {
  account,
  accountBenefit,
  accountOwner,
  benefit,
  consortium,
  membership,
  membershipPersonRole,
  membershipTask,
  partnership,
} from "../memberships/schema.ts";
import { organization } from "../organizations/schema.ts";
import type { BlockingGroup } from "../ui/blocked-delete.tsx";

export const membershipPagePath = (id: number) => `/fiscal/membership/${id}/`;
const accountPagePath = (id: string) => `/offering/accounts/${id}/`;
const accountBenefitPagePath = (id: string) => `/offering/account-benefits/${id}/`;
const partnershipPagePath = (id: number) => `/fiscal/partnerships/${id}/`;

export interface PersonMembershipTask {
  id: number;
  membershipId: number;
  membershipName: string;
  agreementStart: string;
  agreementEnd: string;
  /** The role's verbose name, or its name when that is empty. */
  role: string;
}

/** The person's roles in memberships, newest agreement first. */
export async function membershipTasksOfPerson(
  db: Executor,
  personId: number,
): Promise<PersonMembershipTask[]> {
  const rows = await db
    .select({
      id: membershipTask.id,
      membershipId: membership.id,
      membershipName: membership.name,
      agreementStart: membership.agreementStart,
      agreementEnd: membership.agreementEnd,
      roleName: membershipPersonRole.name,
      roleVerboseName: membershipPersonRole.verboseName,
    })
    .from(membershipTask)
    .innerJoin(membership, eq(membership.id, membershipTask.membershipId))
    .innerJoin(membershipPersonRole, eq(membershipPersonRole.id, membershipTask.roleId))
    .where(eq(membershipTask.personId, personId))
    .orderBy(desc(membership.agreementStart), asc(membership.id), asc(membershipPersonRole.name));
  return rows.map(({ roleName, roleVerboseName, ...row }) => ({ ...row, role: roleVerboseName || roleName }));
}

const accountPerson = alias(person, "account_person");

/** How an account reads in a list: whose it is, e.g. `organisation account of Alpha University`. */
const accountHolder = sql<string>`${account.accountType} || ' account of ' || coalesce(
  ${organization.fullname}, ${consortium.name}, trim(${accountPerson.personal} || ' ' || ${accountPerson.family}), '?')`;

/**
 * The person's account-owner rows (owner, billing or programmatic contact of an account), except
 * those of their own individual account, which go with it.
 */
async function accountOwnerRolesOf(db: Executor, personId: number) {
  return db
    .select({
      id: accountOwner.id,
      accountId: account.id,
      permissionType: accountOwner.permissionType,
      holder: accountHolder,
    })
    .from(accountOwner)
    .innerJoin(account, eq(account.id, accountOwner.accountId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .leftJoin(accountPerson, eq(accountPerson.id, account.personId))
    .where(
      and(
        eq(accountOwner.personId, personId),
        sql`${account.personId} is distinct from ${accountOwner.personId}`,
      ),
    )
    .orderBy(asc(accountOwner.createdAt), asc(accountOwner.id));
}

/** The person's individual account, if they have one. */
export async function individualAccountOf(
  db: Executor,
  personId: number,
): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: account.id }).from(account).where(eq(account.personId, personId));
  return row;
}

/** Deletes the person's individual account and, by cascade, its owner rows. */
export async function deleteIndividualAccount(tx: Executor, personId: number): Promise<void> {
  await tx.delete(account).where(eq(account.personId, personId));
}

/** What uses an account and so keeps it (and whoever it belongs to) from being deleted. */
export async function accountUseGroups(db: Executor, accountId: string): Promise<BlockingGroup[]> {
  const [benefits, partnerships] = await Promise.all([
    db
      .select({
        id: accountBenefit.id,
        name: benefit.name,
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
      .where(eq(partnership.accountId, accountId))
      .orderBy(asc(partnership.id)),
  ]);
  const groups: BlockingGroup[] = [
    {
      label: "Benefits of the individual account",
      items: benefits.map((row) => ({
        text: `${row.name} (${row.startDate} — ${row.endDate})`,
        href: accountBenefitPagePath(row.id),
      })),
    },
    {
      label: "Partnerships using the individual account",
      items: partnerships.map((row) => ({ text: row.name, href: partnershipPagePath(row.id) })),
    },
  ];
  return groups.filter((group) => group.items.length > 0);
}

const PERMISSION_LABELS: Record<string, string> = {
  owner: "Owner",
  programmatic_contact: "Programmatic contact",
  billing_contact: "Billing contact",
};

/**
 * The memberships area's records that keep a person from being deleted: their membership roles,
 * their account-owner rows, and whatever uses their individual account.
 */
export async function membershipBlockersOfPerson(db: Executor, personId: number): Promise<BlockingGroup[]> {
  const [tasks, owners, ownAccount] = await Promise.all([
    membershipTasksOfPerson(db, personId),
    accountOwnerRolesOf(db, personId),
    individualAccountOf(db, personId),
  ]);
  return [
    {
      label: "Membership roles",
      items: tasks.map((row) => ({
        text: `${row.role} of ${row.membershipName} (${row.agreementStart} — ${row.agreementEnd})`,
        href: membershipPagePath(row.membershipId),
      })),
    },
    {
      label: "Account owner roles",
      items: owners.map((row) => ({
        text: `${PERMISSION_LABELS[row.permissionType] ?? row.permissionType} of the ${row.holder}`,
        href: accountPagePath(row.accountId),
      })),
    },
    ...(ownAccount ? await accountUseGroups(db, ownAccount.id) : []),
  ].filter((group) => group.items.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Merging two persons

/**
 * Moves the merging person's membership roles to the surviving person, dropping those the surviving
 * person already holds (same membership and role). Returns how the dropped ones read.
 */
export async function moveMembershipTasks(
  tx: Executor,
  baseId: number,
  mergingId: number,
): Promise<string[]> {
  const [baseTasks, mergingTasks] = await Promise.all([
    membershipTasksOfPersonKeys(tx, baseId),
    membershipTasksOfPersonKeys(tx, mergingId),
  ]);
  const taken = new Set(baseTasks.map((row) => row.key));
  const dropped: string[] = [];
  for (const row of mergingTasks) {
    if (taken.has(row.key)) {
      await tx.delete(membershipTask).where(eq(membershipTask.id, row.id));
      dropped.push(row.label);
    } else {
      taken.add(row.key);
      await tx.update(membershipTask).set({ personId: baseId }).where(eq(membershipTask.id, row.id));
    }
  }
  return dropped;
}

async function membershipTasksOfPersonKeys(db: Executor, personId: number) {
  const rows = await db
    .select({
      id: membershipTask.id,
      key: sql<string>`${membershipTask.membershipId} || ':' || ${membershipTask.roleId}`,
      label: sql<string>`coalesce(nullif(${membershipPersonRole.verboseName}, ''), ${membershipPersonRole.name})
        || ' of ' || ${membership.name}`,
    })
    .from(membershipTask)
    .innerJoin(membership, eq(membership.id, membershipTask.membershipId))
    .innerJoin(membershipPersonRole, eq(membershipPersonRole.id, membershipTask.roleId))
    .where(eq(membershipTask.personId, personId))
    .orderBy(asc(membershipTask.id));
  return rows;
}

/** Account-owner rows follow the person into the merged record. */
export async function moveAccountOwners(tx: Executor, baseId: number, mergingId: number): Promise<void> {
  await tx.update(accountOwner).set({ personId: baseId }).where(eq(accountOwner.personId, mergingId));
}

export type IndividualAccountMerge =
  | { outcome: "none" | "kept" | "moved" }
  /** Both have an account and the merging person's is in use: the merge must not go ahead. */
  | { outcome: "blocked"; accountId: string };

/**
 * The individual accounts of two persons being merged. Only the merging person has one: it moves to
 * the surviving person. Both have one: the surviving person's stays; the other goes with the merging
 * person (its owner rows cascade) unless account benefits or partnerships use it, which blocks the merge.
 */
export async function mergeIndividualAccounts(
  tx: Executor,
  baseId: number,
  mergingId: number,
): Promise<IndividualAccountMerge> {
  const [base, merging] = await Promise.all([
    individualAccountOf(tx, baseId),
    individualAccountOf(tx, mergingId),
  ]);
  if (!merging) return { outcome: base ? "kept" : "none" };
  if (!base) {
    await tx
      .update(account)
      .set({ personId: baseId, lastUpdatedAt: new Date() })
      .where(eq(account.id, merging.id));
    return { outcome: "moved" };
  }
  const [benefitUse] = await tx
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .where(eq(accountBenefit.accountId, merging.id))
    .limit(1);
  const [partnershipUse] = await tx
    .select({ id: partnership.id })
    .from(partnership)
    .where(eq(partnership.accountId, merging.id))
    .limit(1);
  if (benefitUse || partnershipUse) return { outcome: "blocked", accountId: merging.id };
  return { outcome: "kept" };
}
