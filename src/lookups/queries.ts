import { and, count, desc, eq, exists, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { group, person, personGroup } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import { event, eventTag, task } from "../events/schema.ts";
import { ADMINISTRATOR_DOMAINS, organizationDisplay } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { awardDisplay, personDisplay } from "../people/index.ts";
import { award, personDomain, personLanguage } from "../people/schema.ts";
import { badge, knowledgeDomain, language, lesson, role, tag } from "../reference/schema.ts";
import { anyContains, personMatches, personsMatching } from "./matching.ts";
import { type LookupPage, type LookupRequest, type LookupResult, toPage } from "./rules.ts";

// One function per lookup. Each fetches one row more than a page (`request.limit`) so that
// `toPage` can tell whether another page follows.

export async function lookupTags(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({ id: tag.id, text: tag.name })
    .from(tag)
    .where(and(isNull(tag.retiredAt), anyContains(request.term, [tag.name])))
    .orderBy(tag.priority, tag.name)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

export async function lookupBadges(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({ id: badge.id, text: badge.title })
    .from(badge)
    .where(and(isNull(badge.retiredAt), anyContains(request.term, [badge.name, badge.title])))
    .orderBy(badge.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

export async function lookupLessons(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({ id: lesson.id, text: lesson.name })
    .from(lesson)
    .where(and(isNull(lesson.retiredAt), anyContains(request.term, [lesson.name])))
    .orderBy(lesson.name, lesson.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

export interface OrganizationResult extends LookupResult {
  fullname: string;
}

/** Events by slug, newest first; `only` narrows the set (TTT events, a trainee's events). */
export async function lookupEvents(
  db: Executor,
  request: LookupRequest,
  only: SQL | undefined = undefined,
): Promise<LookupPage> {
  const rows = await db
    .select({ id: event.id, text: event.slug })
    .from(event)
    .where(and(only, anyContains(request.term, [event.slug])))
    .orderBy(desc(event.start), desc(event.id))
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

/** Events tagged TTT; with a trainee, only those where that person is a learner. */
export function tttEventsCondition(db: Executor, traineeId: number | undefined): SQL | undefined {
  const tagged = exists(
    db
      .select({ one: sql`1` })
      .from(eventTag)
      .innerJoin(tag, eq(tag.id, eventTag.tagId))
      .where(and(eq(eventTag.eventId, event.id), eq(tag.name, "TTT"))),
  );
  if (traineeId === undefined) return tagged;
  const learner = exists(
    db
      .select({ one: sql`1` })
      .from(task)
      .innerJoin(role, eq(role.id, task.roleId))
      .where(and(eq(task.eventId, event.id), eq(task.personId, traineeId), eq(role.name, "learner"))),
  );
  return and(tagged, learner);
}

/** Organisations by domain or full name; the administrator organisations ordered by domain. */
export async function lookupOrganizations(
  db: Executor,
  request: LookupRequest,
  { administratorsOnly }: { administratorsOnly: boolean },
): Promise<LookupPage<OrganizationResult>> {
  const rows = await db
    .select({ id: organization.id, domain: organization.domain, fullname: organization.fullname })
    .from(organization)
    .where(
      and(
        administratorsOnly ? inArray(organization.domain, ADMINISTRATOR_DOMAINS) : undefined,
        anyContains(request.term, [organization.domain, organization.fullname]),
      ),
    )
    .orderBy(administratorsOnly ? organization.domain : organization.fullname, organization.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows.map((row) => ({ id: row.id, text: organizationDisplay(row), fullname: row.fullname })));
}

const PERSON_LOOKUP_COLUMNS = [
  person.personal,
  person.family,
  person.email,
  person.secondaryEmail,
  person.username,
];
const personName = {
  id: person.id,
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
};

async function lookupPersonsWhere(db: Executor, request: LookupRequest, only: SQL | undefined) {
  const matches = personsMatching(db, and(only, personMatches(request.term, PERSON_LOOKUP_COLUMNS)));
  const rows = await db
    .select({
      id: matches.id,
      personal: matches.personal,
      middle: matches.middle,
      family: matches.family,
      email: matches.email,
    })
    .from(matches)
    .orderBy(matches.family, matches.personal, matches.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows.map((row) => ({ id: row.id, text: personDisplay(row) })));
}

export function lookupPersons(db: Executor, request: LookupRequest): Promise<LookupPage> {
  return lookupPersonsWhere(db, request, undefined);
}

/** Superusers and members of the `administrators` group. */
export function lookupAdmins(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const inAdministrators = exists(
    db
      .select({ one: sql`1` })
      .from(personGroup)
      .innerJoin(group, eq(group.id, personGroup.groupId))
      .where(and(eq(personGroup.personId, person.id), eq(group.name, "administrators"))),
  );
  return lookupPersonsWhere(db, request, sql`(${person.isSuperuser} or ${inAdministrators})`);
}

/** Persons holding any "instructor" community role, active or not. */
export function lookupInstructors(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const hasInstructorRole = exists(
    db
      .select({ one: sql`1` })
      .from(communityRole)
      .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
      .where(and(eq(communityRole.personId, person.id), eq(communityRoleConfig.name, "instructor"))),
  );
  return lookupPersonsWhere(db, request, hasInstructorRole);
}

/** Languages, most spoken first; with `exactSubtag`, only the language whose subtag is the term. */
export async function lookupLanguages(
  db: Executor,
  request: LookupRequest,
  { exactSubtag }: { exactSubtag: boolean },
): Promise<LookupPage> {
  const matches =
    exactSubtag && request.term
      ? eq(sql`lower(${language.subtag})`, request.term.toLowerCase())
      : anyContains(request.term, [language.name, language.subtag]);
  const rows = await db
    .select({ id: language.id, text: language.name })
    .from(language)
    .leftJoin(personLanguage, eq(personLanguage.languageId, language.id))
    .where(and(isNull(language.retiredAt), matches))
    .groupBy(language.id)
    .orderBy(desc(count(personLanguage.id)), language.name, language.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

/** Knowledge domains, the ones most persons work in first. */
export async function lookupKnowledgeDomains(db: Executor, request: LookupRequest): Promise<LookupPage> {
  const rows = await db
    .select({ id: knowledgeDomain.id, text: knowledgeDomain.name })
    .from(knowledgeDomain)
    .leftJoin(personDomain, eq(personDomain.knowledgedomainId, knowledgeDomain.id))
    .where(and(isNull(knowledgeDomain.retiredAt), anyContains(request.term, [knowledgeDomain.name])))
    .groupBy(knowledgeDomain.id)
    .orderBy(desc(count(personDomain.id)), knowledgeDomain.name, knowledgeDomain.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(rows);
}

export async function lookupAwards(
  db: Executor,
  request: LookupRequest,
  filters: { badgeId: number | undefined; personId: number | undefined },
): Promise<LookupPage> {
  const rows = await db
    .select({
      id: award.id,
      awarded: award.awarded,
      badgeTitle: badge.title,
      eventSlug: event.slug,
      person: personName,
    })
    .from(award)
    .innerJoin(person, eq(person.id, award.personId))
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .leftJoin(event, eq(event.id, award.eventId))
    .where(
      and(
        filters.badgeId === undefined ? undefined : eq(award.badgeId, filters.badgeId),
        filters.personId === undefined ? undefined : eq(award.personId, filters.personId),
        anyContains(request.term, [person.personal, person.middle, person.family, person.email, badge.name]),
      ),
    )
    .orderBy(award.awarded, award.id)
    .limit(request.limit)
    .offset(request.offset);
  return toPage(
    rows.map((row) => ({ id: row.id, text: awardDisplay({ ...row, person: personDisplay(row.person) }) })),
  );
}
