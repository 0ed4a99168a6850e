import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, not, or, type SQL, sql } from "drizzle-orm";
import { role, tag } from "../reference/schema.ts";
import { event, eventTag, task } from "./schema.ts";

// AMY's event query helpers (EventQuerySet), as conditions on `workshops_event` that compose with
// `and`/`or`. The date helpers take `today` ('YYYY-MM-DD', see todayIso in ui/time.ts) so tests can pick it.
// Tag conditions are EXISTS subqueries, so no helper ever repeats an event (AMY's "distinct").

/** Events carrying any of the named tags. */
function taggedWithAny(names: string[]): SQL {
  return sql`exists (select 1 from ${eventTag} inner join ${tag} on ${tag.id} = ${eventTag.tagId}
    where ${eventTag.eventId} = ${event.id} and ${inArray(tag.name, names)})`;
}

/** Events carrying the named tag. */
export const taggedWith = (name: string): SQL => taggedWithAny([name]);

export const notCancelled = (): SQL => not(taggedWith("cancelled"));
export const notUnresponsive = (): SQL => not(taggedWith("unresponsive"));

/** Still needing work: not completed, and not stalled, cancelled or unresponsive. */
export function activeEvents(): SQL {
  return and(eq(event.completed, false), not(taggedWithAny(["stalled", "cancelled", "unresponsive"]))) as SQL;
}

/** Started before today and ended before today (or has no end). Events without a start never are. */
export function pastEvents(today: string): SQL {
  return and(lt(event.start, today), or(lt(event.end, today), isNull(event.end))) as SQL;
}

/** Data still missing for the workshop to be "published" (a data-completeness notion, not public_status). */
export function unpublishedConditional(): SQL {
  return or(
    isNull(event.start),
    isNull(event.country),
    eq(event.venue, ""),
    eq(event.address, ""),
    isNull(event.latitude),
    isNull(event.longitude),
    isNull(event.url),
  ) as SQL;
}

export function publishedEvents(): SQL {
  return and(notCancelled(), not(unpublishedConditional())) as SQL;
}

export function unpublishedEvents(): SQL {
  return and(activeEvents(), unpublishedConditional()) as SQL;
}

export function upcomingEvents(today: string): SQL {
  return and(publishedEvents(), gt(event.start, today)) as SQL;
}

/** Published and running today; an event without an end is not ongoing. */
export function ongoingEvents(today: string): SQL {
  return and(publishedEvents(), lte(event.start, today), gte(event.end, today)) as SQL;
}

export function currentEvents(today: string): SQL {
  return and(or(upcomingEvents(today), ongoingEvents(today)), activeEvents()) as SQL;
}

/** [legacy] Nothing sets the flag any more; kept for the list's state filter. */
export function metadataChangedEvents(): SQL {
  return eq(event.metadataChanged, true);
}

export const tttEvents = (): SQL => taggedWith("TTT");

/** Events assigned to the person, or (null) to nobody. */
export function assignedTo(personId: number | null): SQL {
  return personId === null ? isNull(event.assignedToId) : eq(event.assignedToId, personId);
}

function tasksWithRole(name: string): SQL<number> {
  const count = sql`select count(*) from ${task} inner join ${role} on ${role.id} = ${task.roleId}
    where ${task.eventId} = ${event.id} and ${role.name} = ${name}`;
  // Nested, so Drizzle keeps the table names even in a select from the event table alone.
  return sql<number>`(${count})`.mapWith(Number);
}

/** AMY's `attendance()` annotation: learner tasks counted, and the larger of that and the typed-in number. */
export function attendanceColumns() {
  const learnerTasksCount = tasksWithRole("learner");
  return {
    learnerTasksCount,
    attendance: sql<number>`greatest(${event.manualAttendance}, ${learnerTasksCount})`.mapWith(Number),
  };
}

export const instructorsCount = (): SQL<number> => tasksWithRole("instructor");

/** The default order of events: newest start first (undated first, as PostgreSQL sorts NULLs). */
export const DEFAULT_EVENT_ORDER: SQL[] = [desc(event.start), desc(event.id)];

export type EventState =
  | "active"
  | "past_events"
  | "ongoing_events"
  | "upcoming_events"
  | "unpublished_events"
  | "published_events"
  | "metadata_changed";

/** Each state of the list filter: its helper's condition and the order that helper imposes. */
export function stateQuery(state: EventState, today: string): { where: SQL; orderBy: SQL[] } {
  switch (state) {
    case "active":
      return { where: activeEvents(), orderBy: DEFAULT_EVENT_ORDER };
    case "past_events":
      return { where: pastEvents(today), orderBy: DEFAULT_EVENT_ORDER };
    case "ongoing_events":
      return { where: ongoingEvents(today), orderBy: [asc(event.start), asc(event.id)] };
    case "upcoming_events":
      return { where: upcomingEvents(today), orderBy: [asc(event.start), asc(event.id)] };
    case "unpublished_events":
      return { where: unpublishedEvents(), orderBy: [asc(event.slug), asc(event.id)] };
    case "published_events":
      return { where: publishedEvents(), orderBy: [desc(event.start), asc(event.id)] };
    case "metadata_changed":
      return { where: metadataChangedEvents(), orderBy: DEFAULT_EVENT_ORDER };
  }
}
