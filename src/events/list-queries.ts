import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { distinctValuesQuery } from "../db/distinct-values.ts";
import { rawRows, rowsAsArray } from "../db/raw-rows.ts";
import { countTableRows } from "../db/row-counts.ts";
import { ADMINISTRATOR_DOMAINS } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { countryName } from "../reference/index.ts";
import { continent, tag } from "../reference/schema.ts";
import { type PageInfo, type PageRequest, resolvePage } from "../ui/pagination.ts";
import type { EventFilterChoices, EventListFilters, EventOrdering } from "./list-filters.ts";
import { DEFAULT_EVENT_ORDER, instructorsCount, stateQuery } from "./queries.ts";
import { event, eventTag } from "./schema.ts";

const ORDERINGS: Record<EventOrdering, SQL> = {
  slug: asc(event.slug),
  "-slug": desc(event.slug),
  start: asc(event.start),
  "-start": desc(event.start),
  end: asc(event.end),
  "-end": desc(event.end),
};

function inContinent(continentId: number): SQL {
  return sql`exists (select 1 from ${continent} where ${continent.id} = ${continentId}
    and ${event.country} = any(string_to_array(${continent.countries}, ',')))`;
}

function anyTag(tagIds: number[]): SQL {
  return sql`exists (select 1 from ${eventTag} where ${eventTag.eventId} = ${event.id}
    and ${inArray(eventTag.tagId, tagIds)})`;
}

interface ListQuery {
  where: SQL | undefined;
  orderBy: SQL[];
}

function listQuery(filters: EventListFilters, today: string): ListQuery {
  const state = filters.state ? stateQuery(filters.state, today) : undefined;
  const where = and(
    filters.assignedTo === undefined ? undefined : eq(event.assignedToId, filters.assignedTo),
    filters.host === undefined ? undefined : eq(event.hostId, filters.host),
    filters.administrator === undefined ? undefined : eq(event.administratorId, filters.administrator),
    state?.where,
    filters.tagIds.length > 0 ? anyTag(filters.tagIds) : undefined,
    filters.country === undefined ? undefined : eq(event.country, filters.country),
    filters.continentId === undefined ? undefined : inContinent(filters.continentId),
    filters.completed === undefined ? undefined : eq(event.completed, filters.completed),
  );
  const orderBy = filters.orderBy
    ? [ORDERINGS[filters.orderBy], asc(event.id)]
    : (state?.orderBy ?? DEFAULT_EVENT_ORDER);
  return { where, orderBy };
}

export interface EventTagBadge {
  name: string;
  details: string;
}

export interface EventListRow {
  id: number;
  slug: string;
  url: string | null;
  start: string | null;
  end: string | null;
  completed: boolean;
  numInstructors: number;
  assignee: { id: number; personal: string; family: string } | null;
  host: { domain: string; fullname: string };
  tags: EventTagBadge[];
}

const host = alias(organization, "host");

/** The event's tags as a JSON array of `{ name, details }`, in tag order (priority, then name). */
export function tagsOfEventJson(): SQL<EventTagBadge[]> {
  const badge = sql`json_build_object('name', ${tag.name}, 'details', ${tag.details})`;
  const badges = sql`coalesce(json_agg(${badge} order by ${tag.priority}, ${tag.name}), '[]'::json)`;
  return sql<EventTagBadge[]>`(select ${badges}
    from ${eventTag} inner join ${tag} on ${tag.id} = ${eventTag.tagId}
    where ${eventTag.eventId} = ${event.id})`;
}

export interface EventListPage {
  info: PageInfo;
  rows: EventListRow[];
}

/** A row as the page's statement returns it, before the assignee and host become objects. */
type ListedEvent = Omit<EventListRow, "assignee" | "host"> & {
  assigneeId: number | null;
  assigneePersonal: string | null;
  assigneeFamily: string | null;
  hostDomain: string;
  hostFullname: string;
};

/**
 * One page of the events list, each event with its instructors counted and its tags. Both statements
 * carry their values in their text (Drizzle escapes them, and each was checked against the filter's
 * choices): with parameters PostgreSQL planned them anew on every request, which cost more than
 * running them; without, each connection keeps one plan per filter.
 */
export async function listEventsPage(
  db: Executor,
  filters: EventListFilters,
  today: string,
  request: PageRequest,
): Promise<EventListPage> {
  const query = listQuery(filters, today);
  const info = resolvePage(request, await countTableRows(db, event, query.where?.inlineParams()));
  const page = db
    .select({
      id: event.id,
      slug: event.slug,
      url: event.url,
      start: event.start,
      end: event.end,
      completed: event.completed,
      numInstructors: sql`${instructorsCount()}::int`.as("numInstructors"),
      assigneeId: sql`${person.id}`.as("assigneeId"),
      assigneePersonal: sql`${person.personal}`.as("assigneePersonal"),
      assigneeFamily: sql`${person.family}`.as("assigneeFamily"),
      hostDomain: sql`${host.domain}`.as("hostDomain"),
      hostFullname: sql`${host.fullname}`.as("hostFullname"),
      tags: sql`${tagsOfEventJson()}`.as("tags"),
    })
    .from(event)
    .innerJoin(host, eq(host.id, event.hostId))
    .leftJoin(person, eq(person.id, event.assignedToId))
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(info.perPage)
    .offset(info.offset);
  const rows = await rawRows<ListedEvent>(db, page.getSQL().inlineParams());
  return {
    info,
    rows: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      url: row.url,
      start: row.start,
      end: row.end,
      completed: row.completed,
      numInstructors: row.numInstructors,
      assignee:
        row.assigneeId === null
          ? null
          : { id: row.assigneeId, personal: row.assigneePersonal ?? "", family: row.assigneeFamily ?? "" },
      host: { domain: row.hostDomain, fullname: row.hostFullname },
      tags: row.tags,
    })),
  };
}

interface ChoiceRow {
  id: number;
  label: string;
}

const choice = (row: ChoiceRow) => ({ value: String(row.id), label: row.label });
const asLabel = (column: AnyPgColumn) => sql<string>`${column}`.as("label");

/**
 * The filters' choices, in one statement. Hosts are searched as the user types (thousands of
 * organisations host events), so only the requested host is listed; administrators are the fixed
 * few; assignees are the handful of admins some event is assigned to.
 */
export async function eventFilterChoices(
  db: Executor,
  requestedHost: string | undefined,
): Promise<EventFilterChoices> {
  const hostId = requestedHost && /^\d{1,9}$/.test(requestedHost) ? Number(requestedHost) : undefined;
  const assignees = db
    .select({ id: person.id, personal: person.personal, family: person.family })
    .from(person)
    .where(sql`${person.id} in (${distinctValuesQuery(event.assignedToId)})`)
    .orderBy(person.family, person.personal, person.id);
  const hosts =
    hostId === undefined
      ? sql`array[]::json[]`
      : rowsAsArray(
          db
            .select({ id: organization.id, label: asLabel(organization.fullname) })
            .from(organization)
            .where(eq(organization.id, hostId)),
        );
  const administrators = db
    .select({ id: organization.id, label: asLabel(organization.fullname) })
    .from(organization)
    .where(inArray(organization.domain, ADMINISTRATOR_DOMAINS))
    .orderBy(organization.fullname, organization.id);
  const tags = db
    .select({ id: tag.id, label: asLabel(tag.name) })
    .from(tag)
    .orderBy(tag.priority, tag.name);
  const continents = db
    .select({ id: continent.id, label: asLabel(continent.name) })
    .from(continent)
    .orderBy(continent.name);
  const [row] = await rawRows<{
    assignees: { id: number; personal: string; family: string }[];
    hosts: ChoiceRow[];
    administrators: ChoiceRow[];
    tags: ChoiceRow[];
    countries: string[];
    continents: ChoiceRow[];
  }>(
    db,
    sql`select ${rowsAsArray(assignees)} as assignees,
      ${hosts} as hosts,
      ${rowsAsArray(administrators)} as administrators,
      ${rowsAsArray(tags)} as tags,
      array(${distinctValuesQuery(event.country)}) as countries,
      ${rowsAsArray(continents)} as continents`,
  );
  if (!row) throw new Error("The choices statement returned no row.");
  const { assignees: assigneeRows, hosts: hostRows, administrators: administratorRows, countries } = row;
  return {
    assignedTo: assigneeRows.map((row) => ({
      value: String(row.id),
      label: `${row.personal} ${row.family}`,
    })),
    host: hostRows.map(choice),
    administrator: administratorRows.map(choice),
    tags: row.tags.map(choice),
    country: countries
      .map((country) => ({ value: country, label: countryName(country) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    continent: row.continents.map(choice),
  };
}
