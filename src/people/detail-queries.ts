import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { person, socialAuth } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { rawRows } from "../db/raw-rows.ts";
import { event, task } from "../events/schema.ts";
import { INSTRUCTOR_TRAINING_DOMAIN } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { badge, knowledgeDomain, language, lesson, role } from "../reference/schema.ts";
import { award, personDomain, personLanguage, qualification } from "./schema.ts";

/** The names of the person's qualified lessons, knowledge domains and languages, in one statement. */
export async function personLinkNames(db: Executor, personId: number) {
  const lessons = db
    .select({ name: lesson.name })
    .from(qualification)
    .innerJoin(lesson, eq(lesson.id, qualification.lessonId))
    .where(eq(qualification.personId, personId))
    .orderBy(lesson.name);
  const domains = db
    .select({ name: knowledgeDomain.name })
    .from(personDomain)
    .innerJoin(knowledgeDomain, eq(knowledgeDomain.id, personDomain.knowledgedomainId))
    .where(eq(personDomain.personId, personId))
    .orderBy(knowledgeDomain.name);
  const languages = db
    .select({ name: language.name })
    .from(personLanguage)
    .innerJoin(language, eq(language.id, personLanguage.languageId))
    .where(eq(personLanguage.personId, personId))
    .orderBy(language.name);
  const [row] = await rawRows<{ lessons: string[]; domains: string[]; languages: string[] }>(
    db,
    sql`select array(${lessons}) as lessons, array(${domains}) as domains, array(${languages}) as languages`,
  );
  return row ?? { lessons: [], domains: [], languages: [] };
}

const awardedBy = alias(person, "awarded_by");

export async function awardsOfPerson(db: Executor, personId: number) {
  return db
    .select({
      id: award.id,
      awarded: award.awarded,
      badgeName: badge.name,
      badgeTitle: badge.title,
      eventSlug: event.slug,
      awardedById: awardedBy.id,
      awardedByPersonal: awardedBy.personal,
      awardedByFamily: awardedBy.family,
    })
    .from(award)
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .leftJoin(event, eq(event.id, award.eventId))
    .leftJoin(awardedBy, eq(awardedBy.id, award.awardedById))
    .where(eq(award.personId, personId))
    .orderBy(asc(award.awarded), asc(award.id));
}

const taskAdministrator = alias(organization, "administrator");

/**
 * The person's tasks, by role then newest event; each says whether its event is an instructor
 * training (administered by carpentries.org), which the task counts tell apart.
 */
export async function tasksOfPerson(db: Executor, personId: number) {
  return db
    .select({
      id: task.id,
      roleName: role.name,
      roleTitle: role.verboseName,
      eventSlug: event.slug,
      start: event.start,
      atTraining: sql<boolean>`coalesce(${taskAdministrator.domain} = ${INSTRUCTOR_TRAINING_DOMAIN}, false)`,
    })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .innerJoin(event, eq(event.id, task.eventId))
    .leftJoin(taskAdministrator, eq(taskAdministrator.id, event.administratorId))
    .where(eq(task.personId, personId))
    .orderBy(asc(role.name), sql`${event.start} desc nulls first`);
}

export async function socialProvidersOf(db: Executor, personId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ provider: socialAuth.provider })
    .from(socialAuth)
    .where(eq(socialAuth.userId, personId));
  return rows.map((row) => row.provider);
}
