import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import { group, person, personGroup } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { rawRows, rowsAsArray } from "../db/raw-rows.ts";
import {
  activeEvents,
  assignedTo,
  currentEvents,
  instructorsCount,
  metadataChangedEvents,
  unpublishedEvents,
} from "../events/index.ts";
import { event, eventTag } from "../events/schema.ts";
import { organization } from "../organizations/schema.ts";
import { tag } from "../reference/schema.ts";
import { MAIN_TAGS } from "./rules.ts";

/**
 * Superusers and members of `administrators`: the only persons events can be assigned to. A union
 * of two small indexed look-ups, where `superuser or exists (…)` would test every person.
 */
function assignableCondition(db: Executor): SQL {
  const superusers = db.select({ id: person.id }).from(person).where(eq(person.isSuperuser, true));
  const administrators = db
    .select({ id: personGroup.personId })
    .from(personGroup)
    .innerJoin(group, eq(group.id, personGroup.groupId))
    .where(eq(group.name, "administrators"));
  return inArray(person.id, union(superusers, administrators));
}

export interface AssignableAdmin {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

export async function listAssignableAdmins(db: Executor): Promise<AssignableAdmin[]> {
  return db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(assignableCondition(db))
    .orderBy(asc(person.family), asc(person.personal), asc(person.id));
}

export interface CurrentEventRow {
  id: number;
  slug: string;
  tags: string[];
}

export interface InProgressEventRow {
  id: number;
  slug: string;
  instructors: number;
  hasDates: boolean;
  hasLocation: boolean;
  hasUrl: boolean;
  hostDomain: string;
  hostName: string;
}

export interface DashboardEvents {
  /** Active events whose metadata changed on the website since it was last checked. */
  metadataChanged: number;
  /** Published events running today or later, soonest first. */
  current: CurrentEventRow[];
  /** Active events still missing some of the data to publish them, newest first. */
  inProgress: InProgressEventRow[];
}

/** The three sections of the dashboard for the events assigned to one admin (or nobody), in one statement. */
export async function dashboardEvents(
  db: Executor,
  today: string,
  assigneeId: number | null,
): Promise<DashboardEvents> {
  const metadataChanged = db
    .select({ total: sql`count(*)::int` })
    .from(event)
    .where(and(activeEvents(), metadataChangedEvents(), assignedTo(assigneeId)));
  const mainTags = db
    .select({ name: tag.name })
    .from(eventTag)
    .innerJoin(tag, eq(tag.id, eventTag.tagId))
    .where(and(eq(eventTag.eventId, event.id), inArray(tag.name, MAIN_TAGS)))
    .orderBy(asc(tag.priority), asc(tag.name));
  const current = db
    .select({ id: event.id, slug: event.slug, tags: sql`array(${mainTags})`.as("tags") })
    .from(event)
    .where(and(currentEvents(today), assignedTo(assigneeId)))
    .orderBy(asc(event.start), asc(event.id));
  const inProgress = db
    .select({
      id: event.id,
      slug: event.slug,
      instructors: sql`${instructorsCount()}`.as("instructors"),
      hasDates: sql`${event.start} is not null`.as("hasDates"),
      hasLocation: sql`(${event.address} <> '' and ${event.venue} <> ''
        and ${event.country} is not null and ${event.latitude} is not null
        and ${event.longitude} is not null)`.as("hasLocation"),
      hasUrl: sql`${event.url} is not null`.as("hasUrl"),
      hostDomain: sql`${organization.domain}`.as("hostDomain"),
      hostName: sql`${organization.fullname}`.as("hostName"),
    })
    .from(event)
    .innerJoin(organization, eq(organization.id, event.hostId))
    .where(and(unpublishedEvents(), assignedTo(assigneeId)))
    .orderBy(desc(event.start), desc(event.id));
  // Its values written into the text (Drizzle escapes them): a statement without parameters keeps its
  // one plan on each connection, where planning this one anew cost more than running it.
  const [row] = await rawRows<DashboardEvents>(
    db,
    sql`select (${metadataChanged}) as "metadataChanged", ${rowsAsArray(current)} as "current",
      ${rowsAsArray(inProgress)} as "inProgress"`.inlineParams(),
  );
  if (!row) throw new Error("The dashboard's statement returned no row.");
  return row;
}
