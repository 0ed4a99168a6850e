import { and, asc, between, eq, inArray } from "drizzle-orm";
import { event, eventTag, task } from "../events/schema.ts";
import { EVENT_CATEGORIES } from "../memberships/demo.ts";
import { addDays, addOneYearMinusOneDay } from "../memberships/rules.ts";
import {
  eventCategory,
  member,
  memberRole,
  membership,
  membershipPersonRole,
  membershipTask,
} from "../memberships/schema.ts";
import { role, tag } from "../reference/schema.ts";
import {
  type CellValue,
  dayAfterEpoch,
  insertInBatches,
  type Loader,
  padded,
  updateInBatches,
} from "./batches.ts";
import {
  insertOffering,
  LAST_START_DAY,
  type OfferingIds,
  type OfferingInputs,
  type OfferingScale,
} from "./large-offering.ts";
import type { OrganizationRef } from "./large-people.ts";

// The memberships area of the large data set: memberships in yearly series (some rolled over to
// the next, some extended) with members and contacts; the service offering (large-offering.ts);
// and the events and training seats that use them. Rows only, in multi-row statements.

export interface MembershipsScale extends OfferingScale {
  memberships: number;
}

export interface MembershipsInputs extends OfferingInputs {
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
