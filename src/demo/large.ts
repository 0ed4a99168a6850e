import { count, eq, inArray } from "drizzle-orm";
import { group, person, personGroup } from "../accounts/schema.ts";
import type { Db } from "../db/client.ts";
import { ADMINISTRATOR_DOMAINS, INSTRUCTOR_TRAINING_DOMAIN } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { ensureInstructorConfig } from "../people/index.ts";
import { badge, knowledgeDomain, language, lesson, role, tag } from "../reference/schema.ts";
import type { Loader, Progress } from "./batches.ts";
import { type EventReferenceIds, insertEvents, insertTasks } from "./large-events.ts";
import { insertMembershipsArea, type MembershipsScale } from "./large-memberships.ts";
import {
  insertDomainsAndLanguages,
  insertInstructors,
  insertOrganizations,
  insertPersons,
  type ReferenceIds,
} from "./large-people.ts";
import { Random } from "./random.ts";

// The large data set behind the benchmark (issue 7): generated rows only, inserted in multi-row
// statements, with no history versions. Training requests come with their issue.

export interface LargeScale extends MembershipsScale {
  persons: number;
  organizations: number;
  events: number;
  tasks: number;
}

export const LARGE_SCALE: LargeScale = {
  persons: 100_000,
  organizations: 5_000,
  events: 20_000,
  tasks: 300_000,
  memberships: 2_000,
  partnerships: 500,
  accountBenefits: 2_000,
};

/** Above this many persons the database is not a fresh one: generating would double the data. */
const MAX_EXISTING_PERSONS = 500;

export class LargeSeedRefused extends Error {}

export interface LargeOptions {
  seed?: number;
  progress?: Progress;
}

export async function seedLarge(db: Db, scale: LargeScale = LARGE_SCALE, options: LargeOptions = {}) {
  await refuseWhenPopulated(db);
  const loader: Loader = {
    db,
    random: new Random(options.seed ?? 20_240_607),
    progress: options.progress ?? (() => {}),
  };
  const ref = await referenceIds(db);
  const organizations = await insertOrganizations(loader, scale.organizations);
  const personIds = await insertPersons(
    loader,
    scale.persons,
    organizations.map((row) => row.fullname),
  );
  await insertDomainsAndLanguages(loader, personIds, ref);
  const instructors = await insertInstructors(loader, personIds, ref);
  const assignees = await insertAdministrators(db, personIds.slice(0, ADMINISTRATORS));
  const eventRef = { ...ref, assignees };
  const eventIds = await insertEvents(loader, scale.events, organizations, eventRef);
  await insertTasks(loader, eventIds, scale.tasks, personIds, instructors, eventRef);
  await insertMembershipsArea(loader, scale, { organizations, personIds, eventIds });
}

/** Admins in the `administrators` group, to whom most events are assigned. */
const ADMINISTRATORS = 12;

async function insertAdministrators(db: Db, personIds: number[]): Promise<number[]> {
  const [administrators] = await db
    .select({ id: group.id })
    .from(group)
    .where(eq(group.name, "administrators"));
  if (!administrators) throw new Error('the "administrators" group is missing: run "npx amy migrate" first');
  await db
    .insert(personGroup)
    .values(personIds.map((personId) => ({ personId, groupId: administrators.id })));
  return personIds;
}

async function refuseWhenPopulated(db: Db) {
  const [row] = await db.select({ persons: count() }).from(person);
  const persons = row?.persons ?? 0;
  if (persons > MAX_EXISTING_PERSONS) {
    throw new LargeSeedRefused(
      `The database already holds ${persons} persons: the large data set goes into a fresh database only ` +
        `(at most ${MAX_EXISTING_PERSONS} persons), so that it is never loaded twice.`,
    );
  }
}

/** Ids by name, failing loudly when a seeded row the generator relies on is missing. */
function byName(rows: { id: number; name: string }[]): (name: string) => number {
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  return (name) => {
    const id = ids.get(name);
    if (id === undefined)
      throw new Error(`the reference row "${name}" is missing: run "npx amy migrate" first`);
    return id;
  };
}

async function referenceIds(db: Db): Promise<ReferenceIds & Omit<EventReferenceIds, "assignees">> {
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  const badges = byName(await db.select({ id: badge.id, name: badge.name }).from(badge));
  const administrators = await db
    .select({ id: organization.id, name: organization.domain })
    .from(organization)
    .where(inArray(organization.domain, ADMINISTRATOR_DOMAINS));
  return {
    domains: ids(await db.select({ id: knowledgeDomain.id }).from(knowledgeDomain)),
    languages: ids(await db.select({ id: language.id }).from(language).limit(40)),
    lessons: ids(await db.select({ id: lesson.id }).from(lesson)),
    instructorBadge: badges("instructor"),
    trainerBadge: badges("trainer"),
    instructorConfig: await db.transaction((tx) => ensureInstructorConfig(tx, badges("instructor"))),
    tags: byName(await db.select({ id: tag.id, name: tag.name }).from(tag)),
    roles: byName(await db.select({ id: role.id, name: role.name }).from(role)),
    administrators: ids(administrators),
    trainingAdministrator: byName(administrators)(INSTRUCTOR_TRAINING_DOMAIN),
  };
}
