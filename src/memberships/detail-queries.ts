// What the membership page shows beside the membership's own columns (spec §2.5), and what keeps a
// membership from being deleted (§2.10). Every list is a JSON array computed in SQL, so the page
// loads the membership with its neighbours and lists in one statement, and the delete check
// gathers its lists in one statement too.
import { asc, desc, eq, getTableColumns, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias, QueryBuilder } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import { rawRows } from "../db/raw-rows.ts";
import { type EventTagBadge, tagsOfEventJson } from "../events/index.ts";
import { event, task } from "../events/schema.ts";
import { organization } from "../organizations/schema.ts";
import { award } from "../people/schema.ts";
import { badge, role } from "../reference/schema.ts";
import type { MembershipRow } from "./queries.ts";
import type { MembershipDisplayFields } from "./rules.ts";
import { member, memberRole, membership, membershipPersonRole, membershipTask } from "./schema.ts";

// ---------------------------------------------------------------------------------------------
// JSON building blocks

const qb = new QueryBuilder();

/**
 * `json_build_object('key', value, …)`; the keys are this file's own literals, written into the SQL.
 * Nested in the select's own SQL, the columns keep their table names even in a one-table select
 * (Drizzle drops them only from a field's top level).
 */
function jsonObject(fields: Record<string, SQLWrapper>): SQL {
  const pairs = Object.entries(fields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** `json_agg(object order by …)`: one JSON array of a select's rows, in order (NULL when none). */
const jsonAgg = (object: SQL, ...orderBy: SQL[]): SQL =>
  sql`json_agg(${object} order by ${sql.join(orderBy, sql`, `)})`;

/** A select of one `jsonAgg` column as a value: its JSON array, `[]` when it found no row. */
const jsonList = <T>(query: SQLWrapper): SQL<T[]> => sql<T[]>`coalesce((${query}), '[]'::json)`;

// ---------------------------------------------------------------------------------------------
// The lists

export interface PersonLink {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

const personJson = () =>
  jsonObject({
    id: person.id,
    personal: person.personal,
    middle: person.middle,
    family: person.family,
    email: person.email,
  });

export interface MemberRow {
  id: number;
  organizationId: number;
  domain: string;
  fullname: string;
  roleName: string;
  roleVerboseName: string;
}

/** The membership's member organisations with their roles, by organisation name. */
function membersList(id: number): SQL<MemberRow[]> {
  const row = jsonObject({
    id: member.id,
    organizationId: organization.id,
    domain: organization.domain,
    fullname: organization.fullname,
    roleName: memberRole.name,
    roleVerboseName: memberRole.verboseName,
  });
  return jsonList(
    qb
      .select({ list: jsonAgg(row, asc(organization.fullname), asc(memberRole.name), asc(member.id)) })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .innerJoin(memberRole, eq(memberRole.id, member.roleId))
      .where(eq(member.membershipId, id)),
  );
}

export interface MembershipPersonRow {
  id: number;
  person: PersonLink;
  roleName: string;
  roleVerboseName: string;
}

/** The membership's contacts (membership tasks), by family name, personal name and role. */
function personsList(id: number): SQL<MembershipPersonRow[]> {
  const row = jsonObject({
    id: membershipTask.id,
    person: personJson(),
    roleName: membershipPersonRole.name,
    roleVerboseName: membershipPersonRole.verboseName,
  });
  const order = [
    asc(person.family),
    asc(person.personal),
    asc(membershipPersonRole.name),
    asc(membershipTask.id),
  ];
  return jsonList(
    qb
      .select({ list: jsonAgg(row, ...order) })
      .from(membershipTask)
      .innerJoin(person, eq(person.id, membershipTask.personId))
      .innerJoin(membershipPersonRole, eq(membershipPersonRole.id, membershipTask.roleId))
      .where(eq(membershipTask.membershipId, id)),
  );
}

export interface PersonAward {
  badgeTitle: string;
  awarded: string;
}

/** The awards of the seat task's person, oldest first. */
function awardsOfTaskPerson(): SQL<PersonAward[]> {
  const row = jsonObject({ badgeTitle: badge.title, awarded: award.awarded });
  return jsonList(
    qb
      .select({ list: jsonAgg(row, asc(award.awarded), asc(award.id)) })
      .from(award)
      .innerJoin(badge, eq(badge.id, award.badgeId))
      .where(eq(award.personId, task.personId)),
  );
}

export interface SeatTaskRow {
  id: number;
  eventSlug: string;
  person: PersonLink;
  roleName: string;
  seatPublic: boolean;
  awards: PersonAward[];
}

/** Every task holding a seat of the membership (any role), with the person's awards. */
function seatTasksList(id: number): SQL<SeatTaskRow[]> {
  const row = jsonObject({
    id: task.id,
    eventSlug: event.slug,
    person: personJson(),
    roleName: role.name,
    seatPublic: task.seatPublic,
    awards: awardsOfTaskPerson(),
  });
  const order = [desc(event.start), asc(event.slug), asc(person.family), asc(person.personal), asc(task.id)];
  return jsonList(
    qb
      .select({ list: jsonAgg(row, ...order) })
      .from(task)
      .innerJoin(event, eq(event.id, task.eventId))
      .innerJoin(person, eq(person.id, task.personId))
      .innerJoin(role, eq(role.id, task.roleId))
      .where(eq(task.seatMembershipId, id)),
  );
}

/** An event counted towards a membership. */
export interface MembershipEvent {
  id: number;
  slug: string;
  start: string | null;
  end: string | null;
  url: string | null;
  tags: EventTagBadge[];
}

/** Every event counted towards the membership, cancelled ones too, newest first. */
function eventsList(id: number): SQL<MembershipEvent[]> {
  const row = jsonObject({
    id: event.id,
    slug: event.slug,
    start: event.start,
    end: event.end,
    url: event.url,
    tags: tagsOfEventJson(),
  });
  return jsonList(
    qb
      .select({ list: jsonAgg(row, desc(event.start), desc(event.id)) })
      .from(event)
      .where(eq(event.membershipId, id)),
  );
}

export interface CommunityRoleRow {
  id: number;
  configName: string;
  person: PersonLink;
}

/** Community roles linked to the membership. */
function communityRolesList(id: number): SQL<CommunityRoleRow[]> {
  const row = jsonObject({
    id: communityRole.id,
    configName: communityRoleConfig.displayName,
    person: personJson(),
  });
  return jsonList(
    qb
      .select({ list: jsonAgg(row, asc(communityRole.id)) })
      .from(communityRole)
      .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
      .innerJoin(person, eq(person.id, communityRole.personId))
      .where(eq(communityRole.membershipId, id)),
  );
}

// ---------------------------------------------------------------------------------------------
// The membership page

/** The membership rolled over into this one, if any. */
export async function predecessorOf(db: Executor, id: number): Promise<MembershipRow | undefined> {
  const [row] = await db.select().from(membership).where(eq(membership.rolledToMembershipId, id));
  return row;
}

/** What a link to the membership before or after this one needs. */
export type MembershipNeighbour = Pick<MembershipRow, "id"> & MembershipDisplayFields;

const predecessor = alias(membership, "predecessor");
const successor = alias(membership, "successor");

/** The neighbour `table` (an alias of the membership table) names by `where`, as JSON or NULL. */
function neighbourJson(
  table: typeof predecessor | typeof successor,
  where: SQL,
): SQL<MembershipNeighbour | null> {
  const row = jsonObject({
    id: table.id,
    name: table.name,
    variant: table.variant,
    agreementStart: table.agreementStart,
    agreementEnd: table.agreementEnd,
    consortium: table.consortium,
  });
  return sql<MembershipNeighbour | null>`(${qb.select({ row }).from(table).where(where)})`;
}

export interface MembershipDetails {
  membership: MembershipRow;
  predecessor: MembershipNeighbour | undefined;
  successor: MembershipNeighbour | undefined;
  members: MemberRow[];
  persons: MembershipPersonRow[];
  seatTasks: SeatTaskRow[];
  events: MembershipEvent[];
}

/**
 * The membership with the memberships rolled over into it and from it, its members, contacts,
 * seat tasks (with the awards of their persons) and events, in one statement.
 */
export async function findMembershipDetails(
  db: Executor,
  id: number,
): Promise<MembershipDetails | undefined> {
  const [row] = await db
    .select({
      membership: getTableColumns(membership),
      predecessor: neighbourJson(predecessor, eq(predecessor.rolledToMembershipId, membership.id)),
      successor: neighbourJson(successor, eq(successor.id, membership.rolledToMembershipId)),
      members: membersList(id),
      persons: personsList(id),
      seatTasks: seatTasksList(id),
      events: eventsList(id),
    })
    .from(membership)
    .where(eq(membership.id, id));
  return row && { ...row, predecessor: row.predecessor ?? undefined, successor: row.successor ?? undefined };
}

// ---------------------------------------------------------------------------------------------
// Deletion

/** The rows that protect a membership from deletion (spec §1.17). */
export interface MembershipBlockers {
  persons: MembershipPersonRow[];
  seatTasks: SeatTaskRow[];
  events: MembershipEvent[];
  communityRoles: CommunityRoleRow[];
}

/** The membership's contacts, seat tasks, events and community roles, in one statement. */
export async function membershipBlockers(db: Executor, id: number): Promise<MembershipBlockers> {
  const [row] = await rawRows<MembershipBlockers>(
    db,
    sql`select ${personsList(id)} as "persons", ${seatTasksList(id)} as "seatTasks",
      ${eventsList(id)} as "events", ${communityRolesList(id)} as "communityRoles"`,
  );
  return row ?? { persons: [], seatTasks: [], events: [], communityRoles: [] };
}

export function hasBlockers(blockers: MembershipBlockers): boolean {
  return (
    blockers.persons.length +
      blockers.seatTasks.length +
      blockers.events.length +
      blockers.communityRoles.length >
    0
  );
}
