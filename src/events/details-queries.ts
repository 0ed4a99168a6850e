import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { group, person, personGroup } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { organization } from "../organizations/schema.ts";
import { award } from "../people/schema.ts";
import { badge, curriculum, language, lesson, role, tag } from "../reference/schema.ts";
import { todayIso } from "../ui/time.ts";
import type { EventRow } from "./form-queries.ts";
import type { EventTagBadge } from "./list-queries.ts";
import {
  type AccountBenefitLink,
  findAccountBenefitLink,
  findEventCategoryName,
  findMembershipLink,
  type MembershipLink,
} from "./offering-queries.ts";
import { attendanceColumns } from "./queries.ts";
import { event, eventCurriculum, eventLesson, eventTag, task } from "./schema.ts";

export interface OrganizationLink {
  domain: string;
  fullname: string;
}

export interface PersonLink {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

/** Everything the event page shows beside the event's own columns. */
export interface EventRelations {
  host: OrganizationLink | undefined;
  sponsor: OrganizationLink | undefined;
  administrator: OrganizationLink | undefined;
  assignee: PersonLink | undefined;
  language: string | undefined;
  tags: EventTagBadge[];
  curricula: string[];
  lessons: string[];
  learnerTasksCount: number;
  attendance: number;
  membership: MembershipLink | undefined;
  allocatedBenefit: AccountBenefitLink | undefined;
  eventCategory: { id: string; name: string } | undefined;
}

const personLinkColumns = {
  id: person.id,
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
};

async function organizationOf(db: Executor, id: number | null): Promise<OrganizationLink | undefined> {
  if (id === null) return undefined;
  const [row] = await db
    .select({ domain: organization.domain, fullname: organization.fullname })
    .from(organization)
    .where(eq(organization.id, id));
  return row;
}

async function personOf(db: Executor, id: number | null): Promise<PersonLink | undefined> {
  if (id === null) return undefined;
  const [row] = await db.select(personLinkColumns).from(person).where(eq(person.id, id));
  return row;
}

async function namesOf(query: Promise<{ name: string }[]>): Promise<string[]> {
  return (await query).map((row) => row.name);
}

export async function eventRelations(
  db: Executor,
  row: EventRow,
  today: string = todayIso(),
): Promise<EventRelations> {
  const languageQuery =
    row.languageId === null
      ? Promise.resolve([])
      : db.select({ name: language.name }).from(language).where(eq(language.id, row.languageId));
  const [host, sponsor, administrator, assignee, languages, tags, curricula, lessons, counts] =
    await Promise.all([
      organizationOf(db, row.hostId),
      organizationOf(db, row.sponsorId),
      organizationOf(db, row.administratorId),
      personOf(db, row.assignedToId),
      languageQuery,
      db
        .select({ name: tag.name, details: tag.details })
        .from(eventTag)
        .innerJoin(tag, eq(tag.id, eventTag.tagId))
        .where(eq(eventTag.eventId, row.id))
        .orderBy(tag.priority, tag.name),
      namesOf(
        db
          .select({ name: curriculum.name })
          .from(eventCurriculum)
          .innerJoin(curriculum, eq(curriculum.id, eventCurriculum.curriculumId))
          .where(eq(eventCurriculum.eventId, row.id))
          .orderBy(curriculum.name),
      ),
      namesOf(
        db
          .select({ name: lesson.name })
          .from(eventLesson)
          .innerJoin(lesson, eq(lesson.id, eventLesson.lessonId))
          .where(eq(eventLesson.eventId, row.id))
          .orderBy(lesson.name),
      ),
      db.select(attendanceColumns()).from(event).where(eq(event.id, row.id)),
    ]);
  const [membership, allocatedBenefit, categoryName] = await Promise.all([
    findMembershipLink(db, row.membershipId),
    findAccountBenefitLink(db, row.allocatedBenefitId, today),
    findEventCategoryName(db, row.eventCategoryId),
  ]);
  return {
    host,
    sponsor,
    administrator,
    assignee,
    language: languages[0]?.name,
    tags,
    curricula,
    lessons,
    learnerTasksCount: counts[0]?.learnerTasksCount ?? 0,
    attendance: counts[0]?.attendance ?? row.manualAttendance,
    membership,
    allocatedBenefit,
    eventCategory:
      row.eventCategoryId !== null && categoryName !== undefined
        ? { id: row.eventCategoryId, name: categoryName }
        : undefined,
  };
}

export interface EventTaskRow {
  id: number;
  person: PersonLink;
  roleName: string;
  roleVerboseName: string;
  seatOpenTraining: boolean;
}

/** The event's tasks, by role name and then by person. */
export async function tasksOfEvent(db: Executor, eventId: number): Promise<EventTaskRow[]> {
  const rows = await db
    .select({
      id: task.id,
      person: personLinkColumns,
      roleName: role.name,
      roleVerboseName: role.verboseName,
      seatOpenTraining: task.seatOpenTraining,
    })
    .from(task)
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(role, eq(role.id, task.roleId))
    .where(eq(task.eventId, eventId))
    .orderBy(asc(role.name), asc(person.family), asc(person.personal), asc(task.id));
  return rows;
}

export interface EventAwardRow {
  id: number;
  person: PersonLink;
  badgeTitle: string;
  awarded: string;
}

const awardee = alias(person, "awardee");

/** Awards given at the event: with its tasks, what keeps the event from being deleted. */
export function awardsOfEvent(db: Executor, eventId: number): Promise<EventAwardRow[]> {
  return db
    .select({
      id: award.id,
      person: {
        id: awardee.id,
        personal: awardee.personal,
        middle: awardee.middle,
        family: awardee.family,
        email: awardee.email,
      },
      badgeTitle: badge.title,
      awarded: award.awarded,
    })
    .from(award)
    .innerJoin(awardee, eq(awardee.id, award.personId))
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .where(eq(award.eventId, eventId))
    .orderBy(award.awarded, award.id);
}

/** A superuser or a member of `administrators`: who may be made responsible for an event. */
function isAssignableAdmin(personId: number): SQL {
  const inAdministrators = sql`exists (select 1 from ${personGroup} inner join ${group}
    on ${group.id} = ${personGroup.groupId}
    where ${personGroup.personId} = ${person.id} and ${group.name} = 'administrators')`;
  return and(eq(person.id, personId), sql`(${person.isSuperuser} or ${inAdministrators})`) as SQL;
}

export async function findAssignableAdmin(db: Executor, personId: number): Promise<PersonLink | undefined> {
  const [row] = await db.select(personLinkColumns).from(person).where(isAssignableAdmin(personId));
  return row;
}

export async function setAssignee(db: Executor, eventId: number, personId: number | null): Promise<void> {
  await db.update(event).set({ assignedToId: personId }).where(eq(event.id, eventId));
}

export async function deleteEventRow(db: Executor, eventId: number): Promise<void> {
  await db.delete(event).where(eq(event.id, eventId));
}
