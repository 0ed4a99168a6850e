import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import {
  account,
  accountBenefit,
  accountOwner,
  benefit,
  consortium,
  consortiumOrganisation,
  eventCategory,
  member,
  memberRole,
  membership,
  membershipPersonRole,
  membershipTask,
  partnership,
  partnershipTier,
} from "../../src/memberships/schema.ts";
import { makeOrganization } from "./factories.ts";

// Rows of the memberships area for tests: each factory fills what the database requires and lets
// the test name what it cares about.

let sequence = 0;

type MembershipValues = typeof membership.$inferInsert;

/** A one-year partner membership, by default with no member organisations. */
export async function makeMembership(db: Db, values: Partial<MembershipValues> = {}) {
  sequence++;
  const [row] = await db
    .insert(membership)
    .values({
      name: `Membership ${sequence}`,
      variant: "partner",
      agreementStart: "2026-01-01",
      agreementEnd: "2026-12-31",
      contributionType: "financial",
      agreementLink: "https://example.org/agreement",
      ...values,
    })
    .returning();
  if (!row) throw new Error("membership not inserted");
  return row;
}

export async function memberRoleId(db: Db, name: string): Promise<number> {
  const [row] = await db.select({ id: memberRole.id }).from(memberRole).where(eq(memberRole.name, name));
  if (!row) throw new Error(`no member role named ${name}`);
  return row.id;
}

export async function membershipPersonRoleId(db: Db, name: string): Promise<number> {
  const [row] = await db
    .select({ id: membershipPersonRole.id })
    .from(membershipPersonRole)
    .where(eq(membershipPersonRole.name, name));
  if (!row) throw new Error(`no membership person role named ${name}`);
  return row.id;
}

export async function makeMember(
  db: Db,
  options: { membershipId: number; organizationId?: number; role?: string },
) {
  const organizationId = options.organizationId ?? (await makeOrganization(db)).id;
  const [row] = await db
    .insert(member)
    .values({
      membershipId: options.membershipId,
      organizationId,
      roleId: await memberRoleId(db, options.role ?? "main"),
    })
    .returning();
  if (!row) throw new Error("member not inserted");
  return row;
}

export async function makeMembershipTask(
  db: Db,
  options: { membershipId: number; personId: number; role?: string },
) {
  const [row] = await db
    .insert(membershipTask)
    .values({
      membershipId: options.membershipId,
      personId: options.personId,
      roleId: await membershipPersonRoleId(db, options.role ?? "billing_contact"),
    })
    .returning();
  if (!row) throw new Error("membership task not inserted");
  return row;
}

export async function makeConsortium(db: Db, options: { name?: string; organizationIds?: number[] } = {}) {
  sequence++;
  const [row] = await db
    .insert(consortium)
    .values({ name: options.name ?? `Consortium ${sequence}`, description: "A group of organisations" })
    .returning();
  if (!row) throw new Error("consortium not inserted");
  for (const organizationId of options.organizationIds ?? []) {
    await db.insert(consortiumOrganisation).values({ consortiumId: row.id, organizationId });
  }
  return row;
}

export async function makeTier(db: Db, options: { name?: string; credits?: number } = {}) {
  const [row] = await db
    .insert(partnershipTier)
    .values({ name: options.name ?? "gold", credits: options.credits ?? 64 })
    .returning();
  if (!row) throw new Error("tier not inserted");
  return row;
}

/** The account of a person, organisation or consortium (exactly one of them). */
export async function makeAccount(
  db: Db,
  entity: { personId: number } | { organizationId: number } | { consortiumId: number },
) {
  const accountType =
    "personId" in entity ? "individual" : "organizationId" in entity ? "organisation" : "consortium";
  const [row] = await db
    .insert(account)
    .values({ accountType, ...entity })
    .returning();
  if (!row) throw new Error("account not inserted");
  return row;
}

export async function makeAccountOwner(
  db: Db,
  options: { accountId: string; personId: number; permissionType?: string },
) {
  const [row] = await db
    .insert(accountOwner)
    .values({ ...options, permissionType: options.permissionType ?? "owner" })
    .returning();
  if (!row) throw new Error("account owner not inserted");
  return row;
}

type PartnershipValues = typeof partnership.$inferInsert;

/** A partnership with an organisation (a new one unless given) and that organisation's account. */
export async function makePartnership(
  db: Db,
  values: Partial<PartnershipValues> & { partnerOrganisationId?: number } = {},
) {
  sequence++;
  const partnerOrganisationId =
    values.partnerConsortiumId != null
      ? null
      : (values.partnerOrganisationId ?? (await makeOrganization(db)).id);
  const accountId =
    values.accountId ??
    (partnerOrganisationId === null
      ? (await makeAccount(db, { consortiumId: values.partnerConsortiumId as number })).id
      : (await makeAccount(db, { organizationId: partnerOrganisationId })).id);
  const [row] = await db
    .insert(partnership)
    .values({
      name: `Partnership ${sequence}`,
      agreementStart: "2026-01-01",
      agreementEnd: "2026-12-31",
      agreementLink: "https://example.org/partnership",
      registrationCode: `partner-${sequence}-${process.pid}`,
      ...values,
      partnerOrganisationId,
      accountId,
    })
    .returning();
  if (!row) throw new Error("partnership not inserted");
  return row;
}

export async function makeBenefit(
  db: Db,
  options: { name?: string; unitType?: "seat" | "event"; credits?: number } = {},
) {
  sequence++;
  const [row] = await db
    .insert(benefit)
    .values({
      name: options.name ?? `Benefit ${sequence}`,
      description: "A benefit for tests",
      unitType: options.unitType ?? "seat",
      credits: options.credits ?? 1,
    })
    .returning();
  if (!row) throw new Error("benefit not inserted");
  return row;
}

type AccountBenefitValues = typeof accountBenefit.$inferInsert;

export async function makeAccountBenefit(
  db: Db,
  values: Partial<AccountBenefitValues> & { accountId: string; benefitId: string },
) {
  const [row] = await db
    .insert(accountBenefit)
    .values({ startDate: "2026-01-01", endDate: "2026-12-31", allocation: 10, ...values })
    .returning();
  if (!row) throw new Error("account benefit not inserted");
  return row;
}

export async function makeEventCategory(db: Db, options: { name?: string; active?: boolean } = {}) {
  sequence++;
  const [row] = await db
    .insert(eventCategory)
    .values({
      name: options.name ?? `Category ${sequence}`,
      description: "A category for tests",
      active: options.active ?? true,
    })
    .returning();
  if (!row) throw new Error("event category not inserted");
  return row;
}
