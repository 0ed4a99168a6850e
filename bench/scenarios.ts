import { count, desc, eq, isNotNull, ne } from "drizzle-orm";
import { person } from "../src/accounts/schema.ts";
import type { Db } from "../src/db/client.ts";
import { event, task } from "../src/events/schema.ts";
import { badge, tag } from "../src/reference/schema.ts";
import {
  dashboardFloor,
  eventDetailsFloor,
  eventsListFloor,
  type FloorQuery,
  membershipDetailsFloor,
  membershipsListFloor,
  personDetailsFloor,
  personsListFloor,
  personsLookupFloor,
  searchFloor,
} from "./floor.ts";

export interface Scenario {
  /** Short id: the table's row label and the floor route's last segment. */
  name: string;
  path: string;
  /** The p95 the page must stay under, in milliseconds. */
  targetMs: number;
  floor: FloorQuery;
}

export interface ScenarioGroups {
  pages: Scenario[];
  api: Scenario[];
}

/** The records the scenarios look at, chosen from the data set so each page has real work to do. */
export interface Subjects {
  instructorBadgeId: number;
  swcTagId: number;
  busiestPersonId: number;
  biggestEvent: { id: number; slug: string };
  personTerm: string;
  /** The admin with the most events assigned: the dashboard's heaviest ordinary view. */
  busiestAssigneeId: number;
  /** The membership with the most seat tasks. */
  busiestMembershipId: number;
}

const PAGE_TARGET_MS = 50;
const SEARCH_TARGET_MS = 100;

export async function pickSubjects(db: Db): Promise<Subjects> {
  const [instructor] = await db.select({ id: badge.id }).from(badge).where(eq(badge.name, "instructor"));
  const [swc] = await db.select({ id: tag.id }).from(tag).where(eq(tag.name, "SWC"));
  const [busiest] = await db
    .select({ id: task.personId, tasks: count() })
    .from(task)
    .groupBy(task.personId)
    .orderBy(desc(count()))
    .limit(1);
  const [biggest] = await db
    .select({ id: event.id, slug: event.slug, tasks: count() })
    .from(task)
    .innerJoin(event, eq(event.id, task.eventId))
    .groupBy(event.id)
    .orderBy(desc(count()))
    .limit(1);
  const [commonName] = await db
    .select({ family: person.family, people: count() })
    .from(person)
    .where(ne(person.family, ""))
    .groupBy(person.family)
    .orderBy(desc(count()))
    .limit(1);
  const [assignee] = await db
    .select({ id: event.assignedToId, events: count() })
    .from(event)
    .where(isNotNull(event.assignedToId))
    .groupBy(event.assignedToId)
    .orderBy(desc(count()))
    .limit(1);
  const [seats] = await db
    .select({ id: task.seatMembershipId, tasks: count() })
    .from(task)
    .where(isNotNull(task.seatMembershipId))
    .groupBy(task.seatMembershipId)
    .orderBy(desc(count()))
    .limit(1);
  if (!instructor || !swc || !busiest || !biggest || !commonName || !assignee?.id || !seats?.id) {
    throw new Error(
      "The database lacks an instructor badge, an SWC tag, tasks, persons, assigned events or seat tasks to benchmark.",
    );
  }
  return {
    instructorBadgeId: instructor.id,
    swcTagId: swc.id,
    busiestPersonId: busiest.id,
    biggestEvent: { id: biggest.id, slug: biggest.slug },
    personTerm: commonName.family,
    busiestAssigneeId: assignee.id,
    busiestMembershipId: seats.id,
  };
}

export function scenarioGroups(subjects: Subjects): ScenarioGroups {
  const term = encodeURIComponent(subjects.personTerm);
  const noFilters = { badgeIds: [], taughtTagIds: [], orderBy: undefined };
  const page = (name: string, path: string, floor: FloorQuery): Scenario => ({
    name,
    path,
    targetMs: PAGE_TARGET_MS,
    floor,
  });
  return {
    pages: [
      page("persons", "/workshops/persons/", personsListFloor(noFilters)),
      page(
        "persons-filtered",
        `/workshops/persons/?badges=${subjects.instructorBadgeId}`,
        personsListFloor({ ...noFilters, badgeIds: [subjects.instructorBadgeId] }),
      ),
      page(
        "persons-sorted",
        "/workshops/persons/?order_by=email",
        personsListFloor({ ...noFilters, orderBy: "email" }),
      ),
      page(
        "persons-page-2000",
        "/workshops/persons/?page=2000",
        personsListFloor(noFilters, { page: "2000" }),
      ),
      page(
        "person-details",
        `/workshops/person/${subjects.busiestPersonId}/`,
        personDetailsFloor(subjects.busiestPersonId),
      ),
      page(
        "events-filtered",
        `/workshops/events/?tags=${subjects.swcTagId}&state=active`,
        eventsListFloor({ tagIds: [subjects.swcTagId], state: "active" }),
      ),
      page(
        "event-details",
        `/workshops/event/${encodeURIComponent(subjects.biggestEvent.slug)}/`,
        eventDetailsFloor(subjects.biggestEvent.id),
      ),
      page(
        "memberships-by-seats",
        "/fiscal/memberships/?order_by=instructor_training_seats_remaining",
        membershipsListFloor({ order_by: "instructor_training_seats_remaining" }),
      ),
      page(
        "membership-details",
        `/fiscal/membership/${subjects.busiestMembershipId}/`,
        membershipDetailsFloor(subjects.busiestMembershipId),
      ),
      {
        name: "search",
        path: `/dashboard/admin/search/?term=${term}&no_redirect=on`,
        targetMs: SEARCH_TARGET_MS,
        floor: searchFloor(subjects.personTerm),
      },
      page(
        "lookup-persons",
        `/select_lookups/persons/?term=${term}`,
        personsLookupFloor(subjects.personTerm),
      ),
      page(
        "admin-dashboard",
        `/dashboard/admin/?assigned_to=${subjects.busiestAssigneeId}`,
        dashboardFloor(subjects.busiestAssigneeId),
      ),
    ],
    api: [],
  };
}

export function allScenarios(groups: ScenarioGroups): Scenario[] {
  return [...groups.pages, ...groups.api];
}
