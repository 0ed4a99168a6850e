import { and, asc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import type { Seeder } from "../db/seed.ts";
import { event, eventTag, task } from "../events/schema.ts";
import { organization } from "../organizations/schema.ts";
import { curriculum, role, tag } from "../reference/schema.ts";
import { addDays, addOneYearMinusOneDay } from "./rules.ts";
import {
  account,
  accountBenefit,
  accountBenefitDiscount,
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
} from "./schema.ts";
import { FULL_DISCOUNT, INSTRUCTOR_TRAINING_BENEFIT } from "./seeds.ts";

// Memberships and the service offering for the demo, dated around the day it is loaded: a gold
// membership, a consortium membership with two members, a membership rolled over to its successor,
// their contacts, workshops and training seats; partnership tiers, a consortium, two partnerships
// with their accounts, owners and benefits (one frozen, one with a registration code), and event
// categories. Runs after the people and workshops demos, whose organisations and persons it uses.

const MARKER_CODE = "demo-ufl-gold";

export const TIERS = [
  { name: "bronze", credits: 16 },
  { name: "silver", credits: 32 },
  { name: "gold", credits: 64 },
  { name: "platinum", credits: 128 },
];

export const DEMO_BENEFITS = [
  {
    name: "Instructor Trainer Training",
    description: "Seat at a trainer training",
    unitType: "seat",
    credits: 4,
  },
  {
    name: "Collaborative Lesson Development Training",
    description: "Seat at a lesson development training",
    unitType: "seat",
    credits: 2,
  },
  { name: "Skillup", description: "Seat at a skill-up session", unitType: "seat", credits: 1 },
  {
    name: "Centrally-Organised Workshop",
    description: "A workshop run by The Carpentries",
    unitType: "event",
    credits: 6,
  },
];

export const EVENT_CATEGORIES = [
  { name: "Centrally-Organised Workshop", description: "Organised and staffed by The Carpentries" },
  { name: "Self-Organised Workshop", description: "Organised by the host, registered with The Carpentries" },
  { name: "Instructor Training", description: "Training new instructors" },
  { name: "Skill-Up", description: "A short session for existing instructors" },
];

type Ids = Map<string, number>;

async function idsByName(rows: Promise<{ id: number; name: string }[]>): Promise<Ids> {
  return new Map((await rows).map((row) => [row.name, row.id]));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the demo needs ${what}`);
  return value;
}

export const membershipsDemo: Seeder = {
  name: "demo memberships and service offering",
  async run(tx) {
    const [already] = await tx
      .select({ id: membership.id })
      .from(membership)
      .where(eq(membership.registrationCode, MARKER_CODE));
    if (already) return;
    const orgs = await idsByName(
      tx.select({ id: organization.id, name: organization.domain }).from(organization),
    );
    const people = (
      await tx
        .select({ id: person.id })
        .from(person)
        .where(like(person.email, "%@example.org"))
        .orderBy(asc(person.id))
    ).map((row) => row.id);
    if (!orgs.has("ufl.edu") || people.length < 12) return;
    const org = (domain: string) => need(orgs.get(domain), `the organisation ${domain}`);
    const today = new Date().toISOString().slice(0, 10);

    await ensureOrganizationAccounts(tx);
    const memberships = await insertMemberships(tx, org, today);
    await insertContacts(tx, memberships, people);
    await linkWorkshopsAndSeats(tx, memberships, org);
    const offering = await insertOffering(tx, org, people, today);
    await allocateToBenefits(tx, offering);
    await tx.insert(eventCategory).values(EVENT_CATEGORIES);
  },
};

/** Every organisation has its account, as AMY's data migration gave every existing organisation one. */
async function ensureOrganizationAccounts(tx: Executor) {
  await tx.execute(sql`insert into ${account} (account_type, organization_id)
    select 'organisation', ${organization.id} from ${organization}
    on conflict do nothing`);
}

interface DemoMemberships {
  gold: number;
  consortium: number;
  previous: number;
  successor: number;
  alacarte: number;
}

const AGREEMENT_LINK = "https://drive.example.org/agreements/";

async function insertMemberships(
  tx: Executor,
  org: (domain: string) => number,
  today: string,
): Promise<DemoMemberships> {
  const year = (start: string) => ({ agreementStart: start, agreementEnd: addOneYearMinusOneDay(start) });
  const previousStart = addDays(today, -500);
  const successorStart = addDays(addOneYearMinusOneDay(previousStart), 1);
  const base = { contributionType: "financial", publicStatus: "public" };
  const rows = await tx
    .insert(membership)
    .values([
      {
        ...base,
        name: "University of Florida",
        variant: "gold",
        ...year(addDays(today, -200)),
        registrationCode: MARKER_CODE,
        agreementLink: `${AGREEMENT_LINK}ufl`,
        workshopsWithoutAdminFeePerAgreement: 6,
        publicInstructorTrainingSeats: 6,
        inhouseInstructorTrainingSeats: 4,
        emergencyContact: "Research computing office, +1 352 555 0100",
      },
      {
        ...base,
        name: "Southern Universities Consortium",
        variant: "silver",
        consortium: true,
        ...year(addDays(today, -90)),
        registrationCode: "demo-southern",
        agreementLink: `${AGREEMENT_LINK}southern`,
        workshopsWithoutAdminFeePerAgreement: 4,
        publicInstructorTrainingSeats: 4,
        additionalPublicInstructorTrainingSeats: 2,
      },
      {
        ...base,
        name: "Imperial College London",
        variant: "bronze",
        ...year(previousStart),
        agreementLink: `${AGREEMENT_LINK}imperial-1`,
        workshopsWithoutAdminFeePerAgreement: 3,
        workshopsWithoutAdminFeeRolledOver: 1,
        publicInstructorTrainingSeats: 4,
        publicInstructorTrainingSeatsRolledOver: 2,
        publicStatus: "private",
      },
      {
        ...base,
        name: "Imperial College London",
        variant: "bronze",
        agreementStart: successorStart,
        // Extended by 30 days once.
        agreementEnd: addDays(addOneYearMinusOneDay(successorStart), 30),
        extensions: [30],
        registrationCode: "demo-imperial",
        agreementLink: `${AGREEMENT_LINK}imperial-2`,
        workshopsWithoutAdminFeePerAgreement: 3,
        workshopsWithoutAdminFeeRolledFromPrevious: 1,
        publicInstructorTrainingSeats: 4,
        publicInstructorTrainingSeatsRolledFromPrevious: 2,
      },
      {
        ...base,
        name: "ETH Zurich",
        variant: "alacarte",
        contributionType: "person-days",
        ...year(addDays(today, 30)),
        agreementLink: `${AGREEMENT_LINK}ethz`,
        inhouseInstructorTrainingSeats: 10,
      },
    ])
    .returning({ id: membership.id });
  const [gold, consortiumRow, previous, successor, alacarte] = rows.map((row) => row.id);
  const ids = {
    gold: need(gold, "the gold membership"),
    consortium: need(consortiumRow, "the consortium membership"),
    previous: need(previous, "the rolled-over membership"),
    successor: need(successor, "the successor membership"),
    alacarte: need(alacarte, "the à la carte membership"),
  };
  await tx
    .update(membership)
    .set({ rolledToMembershipId: ids.successor })
    .where(eq(membership.id, ids.previous));
  const roles = await idsByName(tx.select({ id: memberRole.id, name: memberRole.name }).from(memberRole));
  const roleId = (name: string) => need(roles.get(name), `the member role ${name}`);
  await tx.insert(member).values([
    { membershipId: ids.gold, organizationId: org("ufl.edu"), roleId: roleId("main") },
    { membershipId: ids.consortium, organizationId: org("uct.ac.za"), roleId: roleId("contract_signatory") },
    { membershipId: ids.consortium, organizationId: org("monash.edu"), roleId: roleId("main") },
    { membershipId: ids.previous, organizationId: org("imperial.ac.uk"), roleId: roleId("main") },
    { membershipId: ids.successor, organizationId: org("imperial.ac.uk"), roleId: roleId("main") },
    { membershipId: ids.alacarte, organizationId: org("ethz.ch"), roleId: roleId("main") },
  ]);
  return ids;
}

async function insertContacts(tx: Executor, memberships: DemoMemberships, people: number[]) {
  const roles = await idsByName(
    tx.select({ id: membershipPersonRole.id, name: membershipPersonRole.name }).from(membershipPersonRole),
  );
  const roleId = (name: string) => need(roles.get(name), `the membership person role ${name}`);
  const pick = (index: number) => need(people[index % people.length], "demo persons");
  await tx.insert(membershipTask).values([
    { membershipId: memberships.gold, personId: pick(1), roleId: roleId("billing_contact") },
    { membershipId: memberships.gold, personId: pick(2), roleId: roleId("programmatic_contact") },
    { membershipId: memberships.consortium, personId: pick(3), roleId: roleId("billing_contact") },
    { membershipId: memberships.consortium, personId: pick(3), roleId: roleId("programmatic_contact") },
    { membershipId: memberships.previous, personId: pick(4), roleId: roleId("billing_contact") },
    { membershipId: memberships.successor, personId: pick(4), roleId: roleId("billing_contact") },
    { membershipId: memberships.successor, personId: pick(5), roleId: roleId("default") },
    { membershipId: memberships.alacarte, personId: pick(6), roleId: roleId("programmatic_contact") },
  ]);
}

/**
 * Workshops hosted by a member count for its current membership (the consortium's for both its
 * members), and some learners at instructor trainings hold seats of the memberships.
 */
async function linkWorkshopsAndSeats(
  tx: Executor,
  memberships: DemoMemberships,
  org: (domain: string) => number,
) {
  const byHost: [string, number][] = [
    ["ufl.edu", memberships.gold],
    ["uct.ac.za", memberships.consortium],
    ["monash.edu", memberships.consortium],
    ["imperial.ac.uk", memberships.successor],
  ];
  for (const [domain, membershipId] of byHost) {
    await tx
      .update(event)
      .set({ membershipId })
      .where(
        and(
          eq(event.hostId, org(domain)),
          isNull(event.allocatedBenefitId),
          sql`${event.slug} not like '%-ttt'`,
        ),
      );
  }
  const learners = await trainingLearnerTasks(tx);
  const seats = [
    memberships.gold,
    memberships.gold,
    memberships.gold,
    memberships.consortium,
    memberships.previous,
  ];
  for (const [index, membershipId] of seats.entries()) {
    const taskId = learners[index];
    if (taskId === undefined) break;
    await tx
      .update(task)
      .set({ seatMembershipId: membershipId, seatPublic: index !== 2 })
      .where(eq(task.id, taskId));
  }
}

/** Learner tasks at instructor trainings (tag TTT) without a seat or benefit yet, oldest first. */
async function trainingLearnerTasks(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: task.id })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .innerJoin(eventTag, eq(eventTag.eventId, task.eventId))
    .innerJoin(tag, eq(tag.id, eventTag.tagId))
    .where(
      and(
        eq(role.name, "learner"),
        eq(tag.name, "TTT"),
        isNull(task.seatMembershipId),
        isNull(task.allocatedBenefitId),
      ),
    )
    .orderBy(asc(task.id));
  return rows.map((row) => row.id);
}

interface DemoOffering {
  /** Seat benefits tasks may be allocated to. */
  trainingBenefits: string[];
  /** Event benefits events may be allocated to. */
  workshopBenefits: string[];
}

async function insertOffering(
  tx: Executor,
  org: (domain: string) => number,
  people: number[],
  today: string,
): Promise<DemoOffering> {
  const tiers = new Map(
    (await tx.insert(partnershipTier).values(TIERS).returning()).map((row) => [row.name, row]),
  );
  const tier = (name: string) => need(tiers.get(name), `the tier ${name}`);
  await tx.insert(benefit).values(INSTRUCTOR_TRAINING_BENEFIT).onConflictDoNothing();
  const benefits = new Map(
    [...(await tx.insert(benefit).values(DEMO_BENEFITS).returning()), ...(await instructorTraining(tx))].map(
      (row) => [row.name, row.id],
    ),
  );
  const benefitId = (name: string) => need(benefits.get(name), `the benefit ${name}`);
  const [early] = await tx.insert(accountBenefitDiscount).values({ name: "Early-Bird Discount" }).returning();
  const [full] = await tx
    .select()
    .from(accountBenefitDiscount)
    .where(eq(accountBenefitDiscount.id, FULL_DISCOUNT.id));

  const [southern] = await tx
    .insert(consortium)
    .values({
      name: "Carpentries Southern Hemisphere Consortium",
      description: "Universities in Africa, Oceania and Latin America",
    })
    .returning();
  const consortiumId = need(southern?.id, "the consortium");
  await tx
    .insert(consortiumOrganisation)
    .values(
      ["uct.ac.za", "monash.edu", "unam.mx"].map((domain) => ({ consortiumId, organizationId: org(domain) })),
    );
  const [consortiumAccount] = await tx
    .insert(account)
    .values({ accountType: "consortium", consortiumId })
    .returning();
  const [washingtonAccount] = await tx
    .select()
    .from(account)
    .where(eq(account.organizationId, org("washington.edu")));
  const uwAccount = need(washingtonAccount?.id, "the account of washington.edu");
  const southernAccount = need(consortiumAccount?.id, "the consortium's account");
  const pick = (index: number) => need(people[index % people.length], "demo persons");
  await tx.insert(accountOwner).values([
    { accountId: uwAccount, personId: pick(7), permissionType: "owner" },
    { accountId: uwAccount, personId: pick(8), permissionType: "billing_contact" },
    { accountId: southernAccount, personId: pick(9), permissionType: "owner" },
    { accountId: southernAccount, personId: pick(10), permissionType: "programmatic_contact" },
  ]);

  const thisYear = {
    agreementStart: addDays(today, -120),
    agreementEnd: addOneYearMinusOneDay(addDays(today, -120)),
  };
  const lastYear = {
    agreementStart: addDays(thisYear.agreementStart, -365),
    agreementEnd: addDays(thisYear.agreementStart, -1),
  };
  const partnerships = await tx
    .insert(partnership)
    .values([
      {
        name: "University of Washington",
        tierId: tier("gold").id,
        credits: tier("gold").credits,
        accountId: uwAccount,
        ...thisYear,
        agreementLink: `${AGREEMENT_LINK}uw`,
        registrationCode: "demo-uw-partner",
        publicStatus: "public",
        partnerOrganisationId: org("washington.edu"),
      },
      {
        name: "Carpentries Southern Hemisphere Consortium",
        tierId: tier("silver").id,
        credits: tier("silver").credits,
        accountId: southernAccount,
        ...lastYear,
        agreementLink: `${AGREEMENT_LINK}southern-2`,
        registrationCode: "demo-southern-old",
        partnerConsortiumId: consortiumId,
      },
      {
        name: "Carpentries Southern Hemisphere Consortium",
        tierId: tier("silver").id,
        credits: tier("silver").credits + 8,
        creditsExtensions: [8],
        accountId: southernAccount,
        ...thisYear,
        agreementLink: `${AGREEMENT_LINK}southern-3`,
        registrationCode: "demo-southern-partner",
        partnerConsortiumId: consortiumId,
      },
    ])
    .returning({ id: partnership.id });
  const [uw, southernOld, southernNew] = partnerships.map((row) => row.id);
  const uwId = need(uw, "the UW partnership");
  const oldId = need(southernOld, "last year's consortium partnership");
  const newId = need(southernNew, "this year's consortium partnership");
  await tx.update(partnership).set({ rolledToPartnershipId: newId }).where(eq(partnership.id, oldId));

  const [skillupCurriculum] = await tx
    .select({ id: curriculum.id })
    .from(curriculum)
    .orderBy(asc(curriculum.id))
    .limit(1);
  const within = (dates: { agreementStart: string; agreementEnd: string }) => ({
    startDate: dates.agreementStart,
    endDate: dates.agreementEnd,
  });
  const rows = await tx
    .insert(accountBenefit)
    .values([
      {
        accountId: uwAccount,
        partnershipId: uwId,
        benefitId: benefitId("Instructor Training"),
        ...within(thisYear),
        allocation: 12,
      },
      {
        accountId: uwAccount,
        partnershipId: uwId,
        benefitId: benefitId("Instructor Trainer Training"),
        ...within(thisYear),
        allocation: 2,
      },
      {
        accountId: uwAccount,
        partnershipId: uwId,
        benefitId: benefitId("Skillup"),
        curriculumId: skillupCurriculum?.id ?? null,
        discountId: early?.id ?? null,
        ...within(thisYear),
        allocation: 5,
      },
      {
        accountId: uwAccount,
        partnershipId: uwId,
        benefitId: benefitId("Centrally-Organised Workshop"),
        ...within(thisYear),
        allocation: 2,
      },
      // Frozen when last year's partnership rolled over to this year's.
      {
        accountId: southernAccount,
        partnershipId: oldId,
        benefitId: benefitId("Instructor Training"),
        ...within(lastYear),
        allocation: 8,
        frozen: true,
      },
      {
        accountId: southernAccount,
        partnershipId: newId,
        benefitId: benefitId("Instructor Training"),
        ...within(thisYear),
        allocation: 10,
        registrationCode: "demo-southern-seats",
      },
      {
        accountId: southernAccount,
        partnershipId: newId,
        benefitId: benefitId("Collaborative Lesson Development Training"),
        ...within(thisYear),
        allocation: 3,
      },
    ])
    .returning({ id: accountBenefit.id, benefitId: accountBenefit.benefitId, frozen: accountBenefit.frozen });

  // An open-training trainee: an individual account with one fully discounted seat.
  const [individual] = await tx
    .insert(account)
    .values({ accountType: "individual", personId: pick(11) })
    .returning();
  const trainee = need(individual?.id, "the individual account");
  await tx.insert(accountOwner).values({ accountId: trainee, personId: pick(11), permissionType: "owner" });
  const [seat] = await tx
    .insert(accountBenefit)
    .values({
      accountId: trainee,
      benefitId: benefitId("Instructor Training"),
      discountId: full?.id ?? null,
      startDate: addDays(today, -30),
      endDate: addDays(today, 334),
      allocation: 1,
    })
    .returning({ id: accountBenefit.id });

  const seatBenefits = rows.filter(
    (row) => row.benefitId === benefitId("Instructor Training") && !row.frozen,
  );
  return {
    trainingBenefits: [...seatBenefits.map((row) => row.id), ...(seat ? [seat.id] : [])],
    workshopBenefits: rows
      .filter((row) => row.benefitId === benefitId("Centrally-Organised Workshop"))
      .map((row) => row.id),
  };
}

async function instructorTraining(tx: Executor) {
  return tx.select().from(benefit).where(eq(benefit.id, INSTRUCTOR_TRAINING_BENEFIT.id));
}

/** A few training learners use partnership seats; one workshop without a membership uses a workshop benefit. */
async function allocateToBenefits(tx: Executor, offering: DemoOffering) {
  const learners = await trainingLearnerTasks(tx);
  for (const [index, benefitId] of offering.trainingBenefits.entries()) {
    const taskId = learners[index];
    if (taskId === undefined) break;
    await tx.update(task).set({ allocatedBenefitId: benefitId }).where(eq(task.id, taskId));
  }
  const workshopBenefit = offering.workshopBenefits[0];
  if (!workshopBenefit) return;
  const [workshop] = await tx
    .select({ id: event.id })
    .from(event)
    .where(
      and(isNull(event.membershipId), isNull(event.allocatedBenefitId), sql`${event.slug} not like '%-ttt'`),
    )
    .orderBy(asc(event.id))
    .limit(1);
  if (workshop)
    await tx
      .update(event)
      .set({ allocatedBenefitId: workshopBenefit })
      .where(inArray(event.id, [workshop.id]));
}
