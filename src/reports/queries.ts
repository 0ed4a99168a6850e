import { type AnyColumn, and, asc, eq, exists, inArray, ne, not, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { event, eventTag, task } from "../events/schema.ts";
import { award } from "../people/schema.ts";
import { badge, role, tag } from "../reference/schema.ts";
import { INSTRUCTOR_BADGES, type TraineeTaskRow } from "./rules.ts";

export interface ReportPerson {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

const personColumns = {
  id: person.id,
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
};

/** Never reviewed as a possible duplicate, or edited at least a minute after the review. */
function duplicationReviewExpired(table: {
  duplicationReviewedOn: AnyColumn;
  lastUpdatedAt: AnyColumn;
}): SQL {
  const reviewed = table.duplicationReviewedOn;
  return sql`(${reviewed} is null or ${table.lastUpdatedAt} >= ${reviewed} + interval '1 minute')`;
}

/** Persons whose personal and family names are another person's family and personal names. */
export async function listPersonsWithSwitchedNames(db: Executor): Promise<ReportPerson[]> {
  const other = alias(person, "other_person");
  const switched = db
    .select({ one: sql`1` })
    .from(other)
    .where(
      and(
        duplicationReviewExpired(other),
        eq(other.personal, person.family),
        eq(other.family, person.personal),
        ne(other.id, person.id),
      ),
    );
  return db
    .select(personColumns)
    .from(person)
    .where(and(duplicationReviewExpired(person), exists(switched)))
    .orderBy(asc(person.email), asc(person.id));
}

/** Persons sharing their exact personal and family names with someone else. */
export async function listPersonsWithSameNames(db: Executor): Promise<ReportPerson[]> {
  const other = alias(person, "other_person");
  const same = db
    .select({ one: sql`1` })
    .from(other)
    .where(
      and(
        duplicationReviewExpired(other),
        eq(other.personal, person.personal),
        eq(other.family, person.family),
        ne(other.id, person.id),
      ),
    );
  return db
    .select(personColumns)
    .from(person)
    .where(and(duplicationReviewExpired(person), exists(same)))
    .orderBy(asc(person.family), asc(person.personal), asc(person.email), asc(person.id));
}

/** Marks persons as reviewed duplicates, leaving their last-updated time alone; gives how many. */
export async function markDuplicationReviewed(db: Executor, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const updated = await db
    .update(person)
    .set({ duplicationReviewedOn: new Date() })
    .where(inArray(person.id, [...ids]))
    .returning({ id: person.id });
  return updated.length;
}

/** Whether the person (by id column) holds any instructor badge. */
export function holdsInstructorBadge(db: Executor, personId: AnyColumn): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(award)
      .innerJoin(badge, eq(badge.id, award.badgeId))
      .where(and(eq(award.personId, personId), inArray(badge.name, INSTRUCTOR_BADGES))),
  );
}

/** Whether the event (by id column) carries the named tag. */
export function eventTagged(db: Executor, eventId: AnyColumn, tagName: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(eventTag)
      .innerJoin(tag, eq(tag.id, eventTag.tagId))
      .where(and(eq(eventTag.eventId, eventId), eq(tag.name, tagName))),
  );
}

/** Instructors with no airport, so no one can tell where they could teach. */
export async function listInstructorsWithoutAirport(db: Executor): Promise<ReportPerson[]> {
  return db
    .select(personColumns)
    .from(person)
    .where(and(eq(person.airportIata, ""), holdsInstructorBadge(db, person.id)))
    .orderBy(asc(person.family), asc(person.personal), asc(person.id));
}

/** Learner tasks at instructor trainings of persons who hold no instructor badge yet. */
export async function listTraineeTasks(db: Executor): Promise<TraineeTaskRow[]> {
  return db
    .select({
      personId: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
      eventSlug: event.slug,
      stalled: eventTagged(db, event.id, "stalled").mapWith(Boolean),
    })
    .from(task)
    .innerJoin(role, eq(role.id, task.roleId))
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(event, eq(event.id, task.eventId))
    .where(
      and(
        eq(role.name, "learner"),
        eventTagged(db, event.id, "TTT"),
        not(holdsInstructorBadge(db, person.id)),
      ),
    )
    .orderBy(asc(person.family), asc(person.personal), asc(person.id), asc(event.start), asc(event.id));
}
