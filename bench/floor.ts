import type { FastifyInstance } from "fastify";
import { dashboardEvents } from "../src/dashboard/queries.ts";
import type { Db } from "../src/db/client.ts";
import { tasksOfEvent } from "../src/events/details-queries.ts";
import type { EventListFilters } from "../src/events/list-filters.ts";
import { listEventsPage } from "../src/events/list-queries.ts";
import { lookupPersons } from "../src/lookups/queries.ts";
import { parseLookupRequest } from "../src/lookups/rules.ts";
import {
  countMemberships,
  listMemberships,
  parseMembershipListFilters,
} from "../src/memberships/list-queries.ts";
import { oneMembershipUsage } from "../src/memberships/queries.ts";
import { searchSections } from "../src/modules.ts";
import { tasksOfPerson } from "../src/people/detail-queries.ts";
import { countPersonsListed, listPersons, type PersonListFilters } from "../src/people/list-queries.ts";
import { SECTION_LIMIT } from "../src/search/rules.ts";
import { access } from "../src/server/access.ts";
import { parsePageRequest, resolvePage } from "../src/ui/pagination.ts";
import { todayIso } from "../src/ui/time.ts";

// The floor of each page: the page's main query, run bare (no session, no rendering), as JSON.

export type FloorQuery = (db: Db) => Promise<unknown>;

export const FLOOR_PREFIX = "/__bench/floor/";

export function personsListFloor(filters: PersonListFilters, query: Record<string, string> = {}): FloorQuery {
  return async (db) => {
    const info = resolvePage(parsePageRequest(query), await countPersonsListed(db, filters));
    return listPersons(db, filters, { limit: info.perPage, offset: info.offset }, todayIso());
  };
}

export function eventsListFloor(filters: EventListFilters): FloorQuery {
  return (db) => listEventsPage(db, filters, todayIso(), parsePageRequest({}));
}

export function membershipsListFloor(query: Record<string, string>): FloorQuery {
  return async (db) => {
    const today = todayIso();
    const { filters } = parseMembershipListFilters(query);
    const info = resolvePage(parsePageRequest(query), await countMemberships(db, filters, today));
    return listMemberships(db, filters, today, { limit: info.perPage, offset: info.offset });
  };
}

export const membershipDetailsFloor =
  (membershipId: number): FloorQuery =>
  (db) =>
    oneMembershipUsage(db, membershipId, todayIso());

export const personDetailsFloor =
  (personId: number): FloorQuery =>
  (db) =>
    tasksOfPerson(db, personId);

export const eventDetailsFloor =
  (eventId: number): FloorQuery =>
  (db) =>
    tasksOfEvent(db, eventId);

export const searchFloor =
  (term: string): FloorQuery =>
  (db) =>
    Promise.all(searchSections.map((section) => section.search(db, term, SECTION_LIMIT)));

export const personsLookupFloor =
  (term: string): FloorQuery =>
  (db) =>
    lookupPersons(db, parseLookupRequest({ term }));

export const dashboardFloor =
  (assigneeId: number | null): FloorQuery =>
  (db) =>
    dashboardEvents(db, todayIso(), assigneeId);

/** Registers `/__bench/floor/<name>` for each scenario; call before the app is ready. */
export function registerFloorRoutes(
  app: FastifyInstance,
  db: Db,
  floors: readonly { name: string; floor: FloorQuery }[],
) {
  for (const { name, floor } of floors) {
    app.get(`${FLOOR_PREFIX}${name}`, { config: { access: access.public } }, async () => floor(db));
  }
}
