import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { group, person, personGroup } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { membershipDisplay } from "../memberships/rules.ts";
import { eventCategory, membership } from "../memberships/schema.ts";
import { organization } from "../organizations/schema.ts";
import { award } from "../people/schema.ts";
import { badge, curriculum, language, lesson, role } from "../reference/schema.ts";
import { todayIso } from "../ui/time.ts";
import type { EventRow } from "./form-queries.ts";
import { type EventTagBadge, tagsOfEventJson } from "./list-queries.ts";
import {
  type AccountBenefitLink,
  findAccountBenefitLink,
  type MembershipLink,
  membershipLabelColumns,
} from "./offering-queries.ts";
import { attendanceColumns } from "./queries.ts";
import { event, eventCurriculum, eventLesson, task } from "./schema.ts";

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

const host = alias(organization, "host");
const sponsor = alias(organization, "sponsor");
const administrator = alias(organization, "administrator");
const assignee = alias(person, "assignee");

/**
 * What the event page shows beside the event's own columns, in one statement: the organisations,
 * assignee, language, membership and category joined, the tags, curricula and lessons gathered into
 * arrays, attendance counted. The allocated benefit's label (built in TypeScript from the account
 * behind it) takes its own queries, only when the event has one.
 */
export async function eventRelations(
  db: Executor,
  row: EventRow,
  today: string = todayIso(),
): Promise<EventRelations> {
  const curricula = db
    .select({ name: curriculum.name })
    .from(eventCurriculum)
    .innerJoin(curriculum, eq(curriculum.id, eventCurriculum.curriculumId))
    .where(eq(eventCurriculum.eventId, event.id))
    .orderBy(curriculum.name);
  const lessons = db
    .select({ name: lesson.name })
    .from(eventLesson)
    .innerJoin(lesson, eq(lesson.id, eventLesson.lessonId))
    .where(eq(eventLesson.eventId, event.id))
    .orderBy(lesson.name);
  const relationsQuery = db
    .select({
      host: { domain: host.domain, fullname: host.fullname },
      sponsor: { domain: sponsor.domain, fullname: sponsor.fullname },
      administrator: { domain: administrator.domain, fullname: administrator.fullname },
      assignee: {
        id: assignee.id,
        personal: assignee.personal,
        middle: assignee.middle,
        family: assignee.family,
        email: assignee.email,
      },
      language: language.name,
      tags: tagsOfEventJson(),
      curricula: sql<string[]>`array(${curricula})`,
      lessons: sql<string[]>`array(${lessons})`,
      ...attendanceColumns(),
      membership: membershipLabelColumns,
      eventCategoryName: eventCategory.name,
    })
    .from(event)
    .leftJoin(host, eq(host.id, event.hostId))
    .leftJoin(sponsor, eq(sponsor.id, event.sponsorId))
    .leftJoin(administrator, eq(administrator.id, event.administratorId))
    .leftJoin(assignee, eq(assignee.id, event.assignedToId))
    .leftJoin(language, eq(language.id, event.languageId))
    .leftJoin(membership, eq(membership.id, event.membershipId))
    .leftJoin(eventCategory, eq(eventCategory.id, event.eventCategoryId))
    .where(eq(event.id, row.id));
  const [[found], allocatedBenefit] = await Promise.all([
    relationsQuery,
    row.allocatedBenefitId === null ? undefined : findAccountBenefitLink(db, row.allocatedBenefitId, today),
  ]);
  return {
    host: found?.host ?? undefined,
    sponsor: found?.sponsor ?? undefined,
    administrator: found?.administrator ?? undefined,
    assignee: found?.assignee ?? undefined,
    language: found?.language ?? undefined,
    tags: found?.tags ?? [],
    curricula: found?.curricula ?? [],
    lessons: found?.lessons ?? [],
    learnerTasksCount: found?.learnerTasksCount ?? 0,
    attendance: found?.attendance ?? row.manualAttendance,
    membership: found?.membership
      ? { id: found.membership.id, label: membershipDisplay(found.membership) }
      : undefined,
    allocatedBenefit,
    eventCategory:
      row.eventCategoryId !== null && found?.eventCategoryName != null
        ? { id: row.eventCategoryId, name: found.eventCategoryName }
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
