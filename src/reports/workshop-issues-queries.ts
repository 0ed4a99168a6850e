import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  activeEvents,
  attendanceColumns,
  instructorsCount,
  notUnresponsive,
  pastEvents,
} from "../events/index.ts";
import { event } from "../events/schema.ts";
import type { WorkshopIssueFlags } from "./workshop-issues-rules.ts";

export interface WorkshopIssueRow extends WorkshopIssueFlags {
  id: number;
  slug: string;
  contact: string;
  assignedToId: number | null;
  attendance: number;
  instructors: number;
}

/**
 * Past active events missing attendance, location, sensible dates or instructors, newest first;
 * with an assignee, only theirs.
 */
export async function listWorkshopIssues(
  db: Executor,
  today: string,
  assigneeId: number | null,
): Promise<WorkshopIssueRow[]> {
  const { attendance } = attendanceColumns();
  const instructors = instructorsCount();
  const missingAttendance = sql`(coalesce(${attendance}, 0) = 0 and ${notUnresponsive()})`;
  const missingLocation = sql`(${event.country} is null or coalesce(${event.venue}, '') = ''
    or coalesce(${event.address}, '') = '' or ${event.latitude} is null or ${event.longitude} is null)`;
  const badDates = sql`coalesce(${event.start} > ${event.end}, false)`;
  const noInstructors = sql`(${instructors} = 0)`;
  return db
    .select({
      id: event.id,
      slug: event.slug,
      contact: event.contact,
      assignedToId: event.assignedToId,
      attendance,
      instructors,
      missingAttendance: missingAttendance.mapWith(Boolean),
      missingLocation: missingLocation.mapWith(Boolean),
      badDates: badDates.mapWith(Boolean),
      noInstructors: noInstructors.mapWith(Boolean),
    })
    .from(event)
    .where(
      and(
        activeEvents(),
        pastEvents(today),
        or(missingAttendance, missingLocation, badDates, noInstructors),
        assigneeId === null ? undefined : eq(event.assignedToId, assigneeId),
      ),
    )
    .orderBy(desc(event.start), desc(event.id));
}
