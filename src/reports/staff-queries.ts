import {
  type AnyColumn,
  and,
  asc,
  count,
  countDistinct,
  eq,
  exists,
  gte,
  inArray,
  isNull,
  lt,
  ne,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import { event, task } from "../events/schema.ts";
import { INSTRUCTOR_TRAINING_DOMAIN } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { award, personDomain, personLanguage, qualification } from "../people/schema.ts";
import { badge, continent, knowledgeDomain, language, lesson, role } from "../reference/schema.ts";
import { eventTagged, holdsInstructorBadge } from "./queries.ts";
import { INSTRUCTOR_COMMUNITY_ROLE, type Point, type StaffRow, TRAINER_BADGE } from "./rules.ts";

export interface StaffFilters {
  countries: string[];
  continentId: number | undefined;
  lessonIds: number[];
  languageIds: number[];
  domainIds: number[];
  gender: string | undefined;
  isInstructor: boolean;
  isTrainer: boolean;
  wasHelper: boolean;
  wasOrganizer: boolean;
  isInProgressTrainee: boolean;
}

export interface StaffSearch {
  filters: StaffFilters;
  /** Nearest first from here; by name when absent. */
  from: Point | undefined;
}

const one = { one: sql`1` };
const effectiveCountry = sql<string>`coalesce(nullif(${person.country}, ''), ${person.airportCountry})`;

/** Persons with an airport who match every given filter, with what the staff search shows of them. */
export async function listWorkshopStaff(
  db: Executor,
  search: StaffSearch,
  page?: { limit: number; offset: number },
): Promise<StaffRow[]> {
  const query = db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
      airportIata: person.airportIata,
      country: effectiveCountry,
      affiliation: person.affiliation,
      numInstructor: countInstructorTasks(db, "instructor"),
      numTrainer: countInstructorTasks(db, "trainer"),
      isTrainee: isInProgressTrainee(db).mapWith(Boolean),
      isTrainer: holdsTrainerBadge(db).mapWith(Boolean),
      activeInstructorRoles: countInstructorRoles(db, true),
      inactiveInstructorRoles: countInstructorRoles(db, false),
      lessons: lessonsTaught(db),
    })
    .from(person)
    .where(staffCondition(db, search.filters))
    .orderBy(...staffOrder(search.from))
    .$dynamic();
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

export async function countWorkshopStaff(db: Executor, filters: StaffFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(person).where(staffCondition(db, filters));
  return row?.n ?? 0;
}

function staffOrder(from: Point | undefined): SQL[] {
  const byName = [asc(person.family), asc(person.personal), asc(person.id)];
  if (!from) return byName;
  const lat = sql`(${person.airportLat} - ${from.lat})`;
  const lng = sql`(${person.airportLon} - ${from.lng})`;
  return [sql`${lat} * ${lat} + ${lng} * ${lng}`, ...byName];
}

function staffCondition(db: Executor, filters: StaffFilters): SQL | undefined {
  return and(
    ne(person.airportIata, ""),
    filters.countries.length > 0 ? inArray(effectiveCountry, filters.countries) : undefined,
    filters.continentId === undefined ? undefined : inContinent(db, filters.continentId),
    ...filters.lessonIds.map((id) => hasRow(db, qualification, qualification.lessonId, id)),
    ...filters.languageIds.map((id) => hasRow(db, personLanguage, personLanguage.languageId, id)),
    ...filters.domainIds.map((id) => hasRow(db, personDomain, personDomain.knowledgedomainId, id)),
    filters.gender ? eq(person.gender, filters.gender) : undefined,
    filters.isInstructor ? hasActiveInstructorRole(db) : undefined,
    filters.isTrainer ? holdsTrainerBadge(db) : undefined,
    filters.wasHelper ? hadTask(db, "helper") : undefined,
    filters.wasOrganizer ? hadTask(db, "organizer") : undefined,
    filters.isInProgressTrainee ? isInProgressTrainee(db) : undefined,
  );
}

function inContinent(db: Executor, continentId: number): SQL {
  return exists(
    db
      .select(one)
      .from(continent)
      .where(
        and(
          eq(continent.id, continentId),
          sql`${effectiveCountry} = any(string_to_array(${continent.countries}, ','))`,
        ),
      ),
  );
}

type PersonLink = typeof qualification | typeof personLanguage | typeof personDomain;

function hasRow(db: Executor, table: PersonLink, column: AnyColumn, id: number): SQL {
  return exists(
    db
      .select(one)
      .from(table)
      .where(and(eq(table.personId, person.id), eq(column, id))),
  );
}

function hadTask(db: Executor, roleName: string): SQL {
  return exists(
    db
      .select(one)
      .from(task)
      .innerJoin(role, eq(role.id, task.roleId))
      .where(and(eq(task.personId, person.id), eq(role.name, roleName))),
  );
}

function holdsTrainerBadge(db: Executor): SQL {
  return exists(
    db
      .select(one)
      .from(award)
      .innerJoin(badge, eq(badge.id, award.badgeId))
      .where(and(eq(award.personId, person.id), eq(badge.name, TRAINER_BADGE))),
  );
}

/** A learner at an instructor training that has not stalled, not yet holding an instructor badge. */
function isInProgressTrainee(db: Executor): SQL {
  const training = db
    .select(one)
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .where(
      and(
        eq(task.personId, person.id),
        eq(role.name, "learner"),
        eventTagged(db, task.eventId, "TTT"),
        not(eventTagged(db, task.eventId, "stalled")),
      ),
    );
  return sql`(${exists(training)} and ${not(holdsInstructorBadge(db, person.id))})`;
}

/**
 * Instructor tasks counted once each: as a trainer at events the instructor-training organisation
 * administers, otherwise (including events with no administrator) as an instructor.
 */
function countInstructorTasks(db: Executor, as: "instructor" | "trainer"): SQL<number> {
  const training = eq(organization.domain, INSTRUCTOR_TRAINING_DOMAIN);
  const tasks = db
    .select({ n: countDistinct(task.id) })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .innerJoin(event, eq(event.id, task.eventId))
    .leftJoin(organization, eq(organization.id, event.administratorId))
    .where(
      and(
        eq(task.personId, person.id),
        eq(role.name, "instructor"),
        as === "trainer" ? training : or(isNull(organization.id), not(training)),
      ),
    );
  return sql<number>`(${tasks})`.mapWith(Number);
}

/** AMY's query definition of an active community role (spec 50: start today is not yet active). */
function roleIsActive(): SQL {
  return sql`(${and(
    isNull(communityRole.inactivationId),
    or(isNull(communityRole.start), lt(communityRole.start, sql`current_date`)),
    or(isNull(communityRole.end), gte(communityRole.end, sql`current_date`)),
  )})`;
}

function instructorRoles(db: Executor, active: boolean) {
  return db
    .select({ n: count() })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .where(
      and(
        eq(communityRole.personId, person.id),
        eq(communityRoleConfig.name, INSTRUCTOR_COMMUNITY_ROLE),
        active ? roleIsActive() : not(roleIsActive()),
      ),
    );
}

function countInstructorRoles(db: Executor, active: boolean): SQL<number> {
  return sql<number>`(${instructorRoles(db, active)})`.mapWith(Number);
}

function hasActiveInstructorRole(db: Executor): SQL {
  return sql`(${instructorRoles(db, true)}) > 0`;
}

/** The lessons the person can teach, by name, as JSON (one row however many qualifications). */
function lessonsTaught(db: Executor): SQL<{ id: number; name: string }[]> {
  const taught = db
    .select(one)
    .from(qualification)
    .where(and(eq(qualification.lessonId, lesson.id), eq(qualification.personId, person.id)));
  const list = db
    .select({
      list: sql`coalesce(json_agg(json_build_object('id', ${lesson.id}, 'name', ${lesson.name}) order by ${lesson.name}), '[]'::json)`,
    })
    .from(lesson)
    .where(exists(taught));
  return sql<{ id: number; name: string }[]>`(${list})`.mapWith((value: unknown) =>
    typeof value === "string" ? JSON.parse(value) : value,
  );
}

export interface NamedChoice {
  id: number;
  name: string;
}

export interface StaffChoices {
  languages: NamedChoice[];
  domains: NamedChoice[];
  lessons: NamedChoice[];
  continents: NamedChoice[];
}

/** What the staff search form offers: reference rows still in use, by name. */
export async function listStaffChoices(db: Executor): Promise<StaffChoices> {
  const [languages, domains, lessons, continents] = await Promise.all([
    db
      .select({ id: language.id, name: language.name })
      .from(language)
      .where(isNull(language.retiredAt))
      .orderBy(language.name),
    db
      .select({ id: knowledgeDomain.id, name: knowledgeDomain.name })
      .from(knowledgeDomain)
      .where(isNull(knowledgeDomain.retiredAt))
      .orderBy(knowledgeDomain.name),
    db
      .select({ id: lesson.id, name: lesson.name })
      .from(lesson)
      .where(isNull(lesson.retiredAt))
      .orderBy(lesson.name),
    db.select({ id: continent.id, name: continent.name }).from(continent).orderBy(continent.name),
  ]);
  return { languages, domains, lessons, continents };
}
