import { and, asc, between, eq, inArray } from "drizzle-orm";
import { event, eventTag, task } from "../events/schema.ts";
import { DEMO_BENEFITS, EVENT_CATEGORIES, TIERS } from "../memberships/demo.ts";
import { addDays, addOneYearMinusOneDay } from "../memberships/rules.ts";
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
} from "../memberships/schema.ts";
import { FULL_DISCOUNT, INSTRUCTOR_TRAINING_BENEFIT } from "../memberships/seeds.ts";
import { role, tag } from "../reference/schema.ts";
import {
  type CellValue,
  dayAfterEpoch,
  insertInBatches,
  type Loader,
  padded,
  updateInBatches,
} from "./batches.ts";
import type { OrganizationRef } from "./large-people.ts";

// The memberships area of the large data set: memberships in yearly series (some rolled over to
// the next, some extended) with members and contacts; partnerships with their accounts, owners and
// account benefits (a rolled-over partnership's benefits frozen); individual accounts of trainees;
// and the events and training seats that use them. Rows only, in multi-row statements.

export interface MembershipsScale {
  memberships: number;
  partnerships: number;
  accountBenefits: number;
}

export interface MembershipsInputs {
  organizations: readonly OrganizationRef[];
  personIds: readonly number[];
  eventIds: readonly number[];
}

const VARIANTS = [
  "partner",
  "affiliate",
  "sponsor",
  "bronze",
  "silver",
  "gold",
  "platinum",
  "titanium",
  "alacarte",
];
const CONTRIBUTIONS = ["financial", "financial", "person-days", "other"];
const OWNER_TYPES = ["owner", "programmatic_contact", "billing_contact"];
/** Agreements start between 2012 and mid-2026, so some are current and most are past. */
const LAST_START_DAY = 5300;

export async function insertMembershipsArea(
  loader: Loader,
  scale: MembershipsScale,
  inputs: MembershipsInputs,
) {
  const membershipIds = await insertMemberships(loader, scale.memberships, inputs);
  const offering = await insertOffering(loader, scale, inputs);
  await linkEventsAndSeats(loader, inputs.eventIds, membershipIds, offering);
  await insertEventCategories(loader);
}

// ---------------------------------------------------------------------------------------------
// Memberships

type MembershipDraft = typeof membership.$inferInsert & { organizationId: number; previous: number | null };

/** Yearly series of one to three memberships of one organisation, each rolled over to the next. */
function membershipDrafts(loader: Loader, count: number, organizations: readonly OrganizationRef[]) {
  const { random } = loader;
  const drafts: MembershipDraft[] = [];
  while (drafts.length < count) {
    const organization = random.pick(organizations);
    const length = Math.min(count - drafts.length, random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3);
    let start = dayAfterEpoch(random.int(0, LAST_START_DAY - 365 * (length - 1)));
    for (let index = 0; index < length; index++) {
      const draft = membershipDraft(loader, drafts.length, organization.id, start);
      const previous = index > 0 ? drafts[drafts.length - 1] : undefined;
      if (previous) rollOver(loader, previous, draft, drafts.length - 1);
      drafts.push(draft);
      start = addDays(draft.agreementEnd, 1);
    }
  }
  return drafts;
}

function membershipDraft(
  loader: Loader,
  index: number,
  organizationId: number,
  start: string,
): MembershipDraft {
  const { random } = loader;
  const extension = random.chance(0.1) ? random.int(15, 90) : 0;
  return {
    name: `Bench membership ${padded(index + 1, 5)}`,
    variant: random.pick(VARIANTS),
    agreementStart: start,
    agreementEnd: addDays(addOneYearMinusOneDay(start), extension),
    extensions: extension > 0 ? [extension] : [],
    contributionType: random.pick(CONTRIBUTIONS),
    workshopsWithoutAdminFeePerAgreement: random.chance(0.8) ? random.int(0, 10) : null,
    publicInstructorTrainingSeats: random.int(0, 20),
    additionalPublicInstructorTrainingSeats: random.chance(0.2) ? random.int(1, 4) : 0,
    inhouseInstructorTrainingSeats: random.chance(0.5) ? random.int(0, 12) : 0,
    registrationCode: random.chance(0.6) ? `bench-m-${padded(index + 1, 5)}` : null,
    agreementLink: `https://agreements.example.org/memberships/${index + 1}`,
    publicStatus: random.chance(0.7) ? "public" : "private",
    emergencyContact: random.chance(0.3) ? "Research computing office" : "",
    consortium: random.chance(0.1),
    organizationId,
    previous: null,
  };
}

/** What was left of the old membership goes to the next one, recorded on both sides. */
function rollOver(loader: Loader, old: MembershipDraft, next: MembershipDraft, oldIndex: number) {
  const { random } = loader;
  const workshops = random.int(0, Math.min(2, old.workshopsWithoutAdminFeePerAgreement ?? 0));
  const seats = random.int(0, Math.min(3, old.publicInstructorTrainingSeats ?? 0));
  old.workshopsWithoutAdminFeeRolledOver = workshops;
  old.publicInstructorTrainingSeatsRolledOver = seats;
  next.workshopsWithoutAdminFeeRolledFromPrevious = workshops;
  next.publicInstructorTrainingSeatsRolledFromPrevious = seats;
  next.name = old.name;
  next.consortium = old.consortium;
  next.previous = oldIndex;
}

async function insertMemberships(
  loader: Loader,
  count: number,
  inputs: MembershipsInputs,
): Promise<number[]> {
  const drafts = membershipDrafts(loader, count, inputs.organizations);
  const inserted = await insertInBatches(loader, "memberships", drafts, 1000, (tx, batch) =>
    tx
      .insert(membership)
      .values(batch.map(({ organizationId: _, previous: __, ...row }) => row))
      .returning({ id: membership.id }),
  );
  const ids = inserted.map((row) => row.id);
  const rolled = drafts.flatMap((draft, index) =>
    draft.previous === null ? [] : [[ids[draft.previous] ?? null, ids[index] ?? null]],
  );
  await updateInBatches(
    loader,
    "memberships rolled over",
    membership,
    [
      { name: "id", type: "int" },
      { name: "rolled_to_membership_id", type: "int" },
    ],
    rolled,
    2000,
  );
  await insertMembers(loader, drafts, ids, inputs.organizations);
  await insertContacts(loader, ids, inputs.personIds);
  return ids;
}

async function idsByName(loader: Loader, table: typeof memberRole | typeof membershipPersonRole) {
  const rows = await loader.db.select({ id: table.id, name: table.name }).from(table);
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  return (name: string) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`the role "${name}" is missing: run "npx amy migrate" first`);
    return id;
  };
}

/** The organisation of each membership is its main member; a consortium adds a few more. */
async function insertMembers(
  loader: Loader,
  drafts: readonly MembershipDraft[],
  ids: readonly number[],
  organizations: readonly OrganizationRef[],
) {
  const roles = await idsByName(loader, memberRole);
  const rows = drafts.flatMap((draft, index) => {
    const membershipId = ids[index] ?? 0;
    if (!draft.consortium)
      return [{ membershipId, organizationId: draft.organizationId, roleId: roles("main") }];
    const others = loader.random
      .sample(organizations, loader.random.int(2, 4))
      .filter((other) => other.id !== draft.organizationId);
    return [
      { membershipId, organizationId: draft.organizationId, roleId: roles("contract_signatory") },
      ...others.map((other) => ({ membershipId, organizationId: other.id, roleId: roles("main") })),
    ];
  });
  await insertInBatches(loader, "members", rows, 5000, (tx, batch) =>
    tx
      .insert(member)
      .values(batch)
      .then(() => []),
  );
}

/** One or two contacts per membership: billing, programmatic or default. */
async function insertContacts(loader: Loader, ids: readonly number[], personIds: readonly number[]) {
  const roles = await idsByName(loader, membershipPersonRole);
  const { random } = loader;
  const rows = ids.flatMap((membershipId) => {
    const people = random.sample(personIds, random.int(1, 2));
    return people.map((personId, index) => ({
      membershipId,
      personId,
      roleId: roles(index === 0 ? "billing_contact" : random.pick(["programmatic_contact", "default"])),
    }));
  });
  await insertInBatches(loader, "membership contacts", rows, 5000, (tx, batch) =>
    tx
      .insert(membershipTask)
      .values(batch)
      .then(() => []),
  );
}

// ---------------------------------------------------------------------------------------------
// Service offering

interface OfferingIds {
  /** Account benefits of the Instructor Training benefit, that training seats may use. */
  seatBenefits: string[];
  /** Account benefits of an event benefit, that workshops may use. */
  eventBenefits: string[];
}

async function insertOffering(
  loader: Loader,
  scale: MembershipsScale,
  inputs: MembershipsInputs,
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

async function insertConsortia(loader: Loader, count: number, inputs: MembershipsInputs) {
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

// ---------------------------------------------------------------------------------------------
// What uses them

/**
 * One event in five counts for a membership, and one in fifty of the others uses a workshop
 * benefit; half the learners at instructor trainings hold a membership's seat, and some others a
 * partnership's or trainee's seat.
 */
async function linkEventsAndSeats(
  loader: Loader,
  eventIds: readonly number[],
  membershipIds: readonly number[],
  offering: OfferingIds,
) {
  const { random } = loader;
  const eventRows: CellValue[][] = [];
  for (const eventId of eventIds) {
    if (membershipIds.length > 0 && random.chance(0.2))
      eventRows.push([eventId, random.pick(membershipIds), null]);
    else if (offering.eventBenefits.length > 0 && random.chance(0.02))
      eventRows.push([eventId, null, random.pick(offering.eventBenefits)]);
  }
  await updateInBatches(
    loader,
    "events with a membership or benefit",
    event,
    [
      { name: "id", type: "int" },
      { name: "membership_id", type: "int" },
      { name: "allocated_benefit_id", type: "uuid" },
    ],
    eventRows,
    5000,
  );
  const taskRows: CellValue[][] = [];
  for (const taskId of await trainingLearnerTasks(loader, eventIds)) {
    if (membershipIds.length > 0 && random.chance(0.5))
      taskRows.push([taskId, random.pick(membershipIds), random.chance(0.85), null]);
    else if (offering.seatBenefits.length > 0 && random.chance(0.3))
      taskRows.push([taskId, null, true, random.pick(offering.seatBenefits)]);
  }
  await updateInBatches(
    loader,
    "training seats",
    task,
    [
      { name: "id", type: "int" },
      { name: "seat_membership_id", type: "int" },
      { name: "seat_public", type: "bool" },
      { name: "allocated_benefit_id", type: "uuid" },
    ],
    taskRows,
    5000,
  );
}

/** Learner tasks at the generated instructor trainings (tag TTT), in id order. */
async function trainingLearnerTasks(loader: Loader, eventIds: readonly number[]): Promise<number[]> {
  if (eventIds.length === 0) return [];
  // The generated events were inserted together, so their ids make one range.
  const rows = await loader.db
    .select({ id: task.id })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .innerJoin(eventTag, eq(eventTag.eventId, task.eventId))
    .innerJoin(tag, eq(tag.id, eventTag.tagId))
    .where(
      and(
        eq(role.name, "learner"),
        eq(tag.name, "TTT"),
        between(task.eventId, Math.min(...eventIds), Math.max(...eventIds)),
      ),
    )
    .orderBy(asc(task.id));
  return rows.map((row) => row.id);
}

async function insertEventCategories(loader: Loader) {
  const existing = await loader.db
    .select({ name: eventCategory.name })
    .from(eventCategory)
    .where(
      inArray(
        eventCategory.name,
        EVENT_CATEGORIES.map((row) => row.name),
      ),
    );
  const missing = EVENT_CATEGORIES.filter((row) => !existing.some((found) => found.name === row.name));
  if (missing.length > 0)
    await loader.db
      .insert(eventCategory)
      .values(missing.map((row) => ({ id: loader.random.uuid(), ...row })));
  loader.progress("event categories", missing.length, missing.length);
}
