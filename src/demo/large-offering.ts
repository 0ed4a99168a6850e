import { DEMO_BENEFITS, TIERS } from "../memberships/demo.ts";
import { addDays, addOneYearMinusOneDay } from "../memberships/rules.ts";
import {
  account,
  accountBenefit,
  accountOwner,
  benefit,
  consortium,
  consortiumOrganisation,
  partnership,
  partnershipTier,
} from "../memberships/schema.ts";
import { FULL_DISCOUNT, INSTRUCTOR_TRAINING_BENEFIT } from "../memberships/seeds.ts";
import { dayAfterEpoch, insertInBatches, type Loader, padded, updateInBatches } from "./batches.ts";
import type { OrganizationRef } from "./large-people.ts";

// The service offering of the large data set: tiers and benefits, every organisation's account,
// consortia, partnerships (some rolled over, their benefits then frozen) with owners, and account
// benefits of partnerships and of trainees' individual accounts.

export interface OfferingScale {
  partnerships: number;
  accountBenefits: number;
}

export interface OfferingInputs {
  organizations: readonly OrganizationRef[];
  personIds: readonly number[];
}

const OWNER_TYPES = ["owner", "programmatic_contact", "billing_contact"];
/** Agreements start between 2012 and mid-2026, so some are current and most are past. */
export const LAST_START_DAY = 5300;

export interface OfferingIds {
  /** Account benefits of the Instructor Training benefit, that training seats may use. */
  seatBenefits: string[];
  /** Account benefits of an event benefit, that workshops may use. */
  eventBenefits: string[];
}

export async function insertOffering(
  loader: Loader,
  scale: OfferingScale,
  inputs: OfferingInputs,
): Promise<OfferingIds> {
  const tiers = await ensureTiers(loader);
  const benefits = await ensureBenefits(loader);
  const organizationAccounts = await insertOrganizationAccounts(loader, inputs.organizations);
  const consortia = await insertConsortia(loader, Math.max(1, Math.round(scale.partnerships / 10)), inputs);
  const partnerships = await insertPartnerships(
    loader,
    scale.partnerships,
    tiers,
    organizationAccounts,
    consortia,
  );
  await insertOwners(loader, partnerships, inputs.personIds);
  return insertAccountBenefits(loader, scale.accountBenefits, partnerships, benefits, inputs.personIds);
}

/** The four tiers, unless a tier of that name is there already (the demo's). */
async function ensureTiers(loader: Loader) {
  const existing = await loader.db.select().from(partnershipTier);
  const missing = TIERS.filter((tier) => !existing.some((row) => row.name === tier.name));
  const added =
    missing.length > 0
      ? await loader.db
          .insert(partnershipTier)
          .values(missing.map((tier) => ({ id: loader.random.uuid(), ...tier })))
          .returning()
      : [];
  return [...existing, ...added].filter((row) => TIERS.some((tier) => tier.name === row.name));
}

interface BenefitRef {
  id: string;
  name: string;
  unitType: string;
  credits: number;
}

async function ensureBenefits(loader: Loader): Promise<BenefitRef[]> {
  const wanted: (typeof benefit.$inferInsert)[] = [INSTRUCTOR_TRAINING_BENEFIT, ...DEMO_BENEFITS];
  const existing = await loader.db.select().from(benefit);
  const missing = wanted.filter((item) => !existing.some((row) => row.name === item.name));
  const added =
    missing.length > 0
      ? await loader.db
          .insert(benefit)
          .values(missing.map((item) => ({ ...item, id: item.id ?? loader.random.uuid() })))
          .returning()
      : [];
  return [...existing, ...added].filter((row) => wanted.some((item) => item.name === row.name));
}

/** Every generated organisation gets its account, as every organisation made in AMY has one. */
async function insertOrganizationAccounts(loader: Loader, organizations: readonly OrganizationRef[]) {
  const rows = organizations.map((row) => ({
    id: loader.random.uuid(),
    accountType: "organisation",
    organizationId: row.id,
  }));
  await insertInBatches(loader, "organisation accounts", rows, 2000, (tx, batch) =>
    tx
      .insert(account)
      .values(batch)
      .then(() => []),
  );
  return rows.map((row) => ({ accountId: row.id, organizationId: row.organizationId }));
}

async function insertConsortia(loader: Loader, count: number, inputs: OfferingInputs) {
  const { random } = loader;
  const rows = Array.from({ length: count }, (_, index) => ({
    name: `Bench consortium ${padded(index + 1, 3)}`,
    description: `A group of ${random.int(2, 5)} organisations`,
  }));
  const ids = (
    await insertInBatches(loader, "consortiums", rows, 1000, (tx, batch) =>
      tx.insert(consortium).values(batch).returning({ id: consortium.id }),
    )
  ).map((row) => row.id);
  const links = ids.flatMap((consortiumId) =>
    random
      .sample(inputs.organizations, random.int(2, 5))
      .map((organization) => ({ consortiumId, organizationId: organization.id })),
  );
  await insertInBatches(loader, "consortium organisations", links, 5000, (tx, batch) =>
    tx
      .insert(consortiumOrganisation)
      .values(batch)
      .then(() => []),
  );
  const accounts = ids.map((consortiumId) => ({
    id: random.uuid(),
    accountType: "consortium",
    consortiumId,
  }));
  await insertInBatches(loader, "consortium accounts", accounts, 2000, (tx, batch) =>
    tx
      .insert(account)
      .values(batch)
      .then(() => []),
  );
  return accounts.map((row) => ({ accountId: row.id, consortiumId: row.consortiumId }));
}

interface PartnershipRef {
  id: number;
  accountId: string;
  start: string;
  end: string;
  credits: number;
  /** It was rolled over to a successor: its account benefits are frozen. */
  rolled: boolean;
}

type PartnershipDraft = typeof partnership.$inferInsert & { accountId: string; previous: number | null };

/** Partnerships with organisations (nine in ten) and consortia; one in five rolled over to a second year. */
function partnershipDrafts(
  loader: Loader,
  count: number,
  tiers: readonly { id: string; credits: number }[],
  organizations: readonly { accountId: string; organizationId: number }[],
  consortia: readonly { accountId: string; consortiumId: number }[],
): PartnershipDraft[] {
  const { random } = loader;
  const drafts: PartnershipDraft[] = [];
  while (drafts.length < count) {
    const partner = random.chance(0.9)
      ? { ...random.pick(organizations), consortiumId: null }
      : { ...random.pick(consortia), organizationId: null };
    const length = Math.min(count - drafts.length, random.chance(0.8) ? 1 : 2);
    let start = dayAfterEpoch(random.int(4000, LAST_START_DAY - 365 * (length - 1)));
    for (let index = 0; index < length; index++) {
      const tier = random.pick(tiers);
      const extra = random.chance(0.1) ? random.int(2, 10) : 0;
      const number = padded(drafts.length + 1, 4);
      drafts.push({
        name: `Bench partnership ${number}`,
        tierId: tier.id,
        credits: tier.credits + extra,
        creditsExtensions: extra > 0 ? [extra] : [],
        accountId: partner.accountId,
        agreementStart: start,
        agreementEnd: addOneYearMinusOneDay(start),
        agreementLink: `https://agreements.example.org/partnerships/${number}`,
        registrationCode: `bench-p-${number}`,
        publicStatus: random.chance(0.7) ? "public" : "private",
        partnerOrganisationId: partner.organizationId,
        partnerConsortiumId: partner.consortiumId,
        previous: index > 0 ? drafts.length - 1 : null,
      });
      start = addDays(addOneYearMinusOneDay(start), 1);
    }
  }
  return drafts;
}

async function insertPartnerships(
  loader: Loader,
  count: number,
  tiers: readonly { id: string; credits: number }[],
  organizations: readonly { accountId: string; organizationId: number }[],
  consortia: readonly { accountId: string; consortiumId: number }[],
): Promise<PartnershipRef[]> {
  const drafts = partnershipDrafts(loader, count, tiers, organizations, consortia);
  const ids = (
    await insertInBatches(loader, "partnerships", drafts, 1000, (tx, batch) =>
      tx
        .insert(partnership)
        .values(batch.map(({ previous: _, ...row }) => row))
        .returning({ id: partnership.id }),
    )
  ).map((row) => row.id);
  const rolled = drafts.flatMap((draft, index) =>
    draft.previous === null ? [] : [[ids[draft.previous] ?? null, ids[index] ?? null]],
  );
  await updateInBatches(
    loader,
    "partnerships rolled over",
    partnership,
    [
      { name: "id", type: "int" },
      { name: "rolled_to_partnership_id", type: "int" },
    ],
    rolled,
    2000,
  );
  const rolledIndexes = new Set(drafts.flatMap((draft) => (draft.previous === null ? [] : [draft.previous])));
  return drafts.map((draft, index) => ({
    id: ids[index] ?? 0,
    accountId: draft.accountId,
    start: draft.agreementStart,
    end: draft.agreementEnd,
    credits: draft.credits ?? 0,
    rolled: rolledIndexes.has(index),
  }));
}

/** One or two owners or contacts per partnership account. */
async function insertOwners(
  loader: Loader,
  partnerships: readonly PartnershipRef[],
  personIds: readonly number[],
) {
  const { random } = loader;
  const accounts = [...new Set(partnerships.map((row) => row.accountId))];
  const rows = accounts.flatMap((accountId) =>
    random.sample(personIds, random.int(1, 2)).map((personId, index) => ({
      id: random.uuid(),
      accountId,
      personId,
      permissionType: index === 0 ? "owner" : random.pick(OWNER_TYPES),
    })),
  );
  await insertInBatches(loader, "account owners", rows, 5000, (tx, batch) =>
    tx
      .insert(accountOwner)
      .values(batch)
      .then(() => []),
  );
}

type AccountBenefitDraft = typeof accountBenefit.$inferInsert & { id: string; benefitId: string };

/**
 * Nine in ten account benefits belong to partnerships (always Instructor Training, plus others), the
 * rest to individual accounts of trainees (one fully discounted seat each).
 */
async function insertAccountBenefits(
  loader: Loader,
  count: number,
  partnerships: readonly PartnershipRef[],
  benefits: readonly BenefitRef[],
  personIds: readonly number[],
): Promise<OfferingIds> {
  const { random } = loader;
  const training = benefits.find((row) => row.id === INSTRUCTOR_TRAINING_BENEFIT.id) ?? benefits[0];
  if (!training) throw new Error("no benefits to allocate");
  const drafts: AccountBenefitDraft[] = [];
  const code = () => (random.chance(0.1) ? `bench-ab-${padded(drafts.length + 1, 5)}` : null);
  const forPartnerships = Math.round(count * 0.9);
  for (let index = 0; drafts.length < forPartnerships && partnerships.length > 0; index++) {
    const owner = partnerships[index % partnerships.length] as PartnershipRef;
    const chosen = index < partnerships.length ? training : random.pick(benefits);
    drafts.push({
      id: random.uuid(),
      accountId: owner.accountId,
      partnershipId: owner.id,
      benefitId: chosen.id,
      registrationCode: code(),
      startDate: owner.start,
      endDate: owner.end,
      allocation: random.int(1, 20),
      frozen: owner.rolled,
    });
  }
  const trainees = random.sample(personIds, count - drafts.length);
  const individualAccounts = trainees.map((personId) => ({
    id: random.uuid(),
    accountType: "individual",
    personId,
  }));
  await insertInBatches(loader, "individual accounts", individualAccounts, 2000, (tx, batch) =>
    tx
      .insert(account)
      .values(batch)
      .then(() => []),
  );
  for (const individual of individualAccounts) {
    const start = dayAfterEpoch(random.int(4500, LAST_START_DAY));
    drafts.push({
      id: random.uuid(),
      accountId: individual.id,
      benefitId: training.id,
      discountId: FULL_DISCOUNT.id,
      registrationCode: code(),
      startDate: start,
      endDate: addDays(start, 364),
      allocation: 1,
    });
  }
  await insertInBatches(loader, "account benefits", drafts, 2000, (tx, batch) =>
    tx
      .insert(accountBenefit)
      .values(batch)
      .then(() => []),
  );
  const unitOf = new Map(benefits.map((row) => [row.id, row.unitType]));
  const usable = drafts.filter((row) => !row.frozen);
  return {
    seatBenefits: usable.filter((row) => row.benefitId === training.id).map((row) => row.id),
    eventBenefits: usable.filter((row) => unitOf.get(row.benefitId) === "event").map((row) => row.id),
  };
}
