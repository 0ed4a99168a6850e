// What the membership page shows beside the membership's own columns (spec §2.5), and what keeps a
// membership from being deleted (§2.10). Each list is one query, whatever its length.
import { asc, desc, eq, inArray } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import { type EventTagBadge, tagsOfEvents } from "../events/index.ts";
import { event, task } from "../events/schema.ts";
import { organization } from "../organizations/schema.ts";
import { award } from "../people/schema.ts";
import { badge, role } from "../reference/schema.ts";
import type { MembershipRow } from "./queries.ts";
import { member, memberRole, membership, membershipPersonRole, membershipTask } from "./schema.ts";

export interface PersonLink {
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

/** The membership rolled over into this one, if any. */
export async function predecessorOf(db: Executor, id: number): Promise<MembershipRow | undefined> {
  const [row] = await db.select().from(membership).where(eq(membership.rolledToMembershipId, id));
  return row;
}

export interface MemberRow {
  id: number;
  organizationId: number;
  domain: string;
  fullname: string;
  roleName: string;
  roleVerboseName: string;
}

/** The membership's member organisations with their roles, by organisation name. */
export function membersOf(db: Executor, id: number): Promise<MemberRow[]> {
  return db
    .select({
      id: member.id,
      organizationId: organization.id,
      domain: organization.domain,
      fullname: organization.fullname,
      roleName: memberRole.name,
      roleVerboseName: memberRole.verboseName,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.membershipId, id))
    .orderBy(asc(organization.fullname), asc(memberRole.name), asc(member.id));
}

export interface MembershipPersonRow {
  id: number;
  person: PersonLink;
  roleName: string;
  roleVerboseName: string;
}

/** The membership's contacts (membership tasks), by family name, personal name and role. */
export function personsOf(db: Executor, id: number): Promise<MembershipPersonRow[]> {
  return db
    .select({
      id: membershipTask.id,
      person: personColumns,
      roleName: membershipPersonRole.name,
      roleVerboseName: membershipPersonRole.verboseName,
    })
    .from(membershipTask)
    .innerJoin(person, eq(person.id, membershipTask.personId))
    .innerJoin(membershipPersonRole, eq(membershipPersonRole.id, membershipTask.roleId))
    .where(eq(membershipTask.membershipId, id))
    .orderBy(
      asc(person.family),
      asc(person.personal),
      asc(membershipPersonRole.name),
      asc(membershipTask.id),
    );
}

export interface PersonAward {
  badgeTitle: string;
  awarded: string;
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
export async function seatTasksOf(db: Executor, id: number): Promise<SeatTaskRow[]> {
  const rows = await db
    .select({
      id: task.id,
      eventSlug: event.slug,
      person: personColumns,
      roleName: role.name,
      seatPublic: task.seatPublic,
    })
    .from(task)
    .innerJoin(event, eq(event.id, task.eventId))
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(role, eq(role.id, task.roleId))
    .where(eq(task.seatMembershipId, id))
    .orderBy(desc(event.start), asc(event.slug), asc(person.family), asc(person.personal), asc(task.id));
  const awards = await awardsOfPersons(db, [...new Set(rows.map((row) => row.person.id))]);
  return rows.map((row) => ({ ...row, awards: awards.get(row.person.id) ?? [] }));
}

async function awardsOfPersons(db: Executor, personIds: number[]): Promise<Map<number, PersonAward[]>> {
  const byPerson = new Map<number, PersonAward[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .select({ personId: award.personId, badgeTitle: badge.title, awarded: award.awarded })
    .from(award)
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .where(inArray(award.personId, personIds))
    .orderBy(asc(award.awarded), asc(award.id));
  for (const row of rows) {
    byPerson.set(row.personId, [
      ...(byPerson.get(row.personId) ?? []),
      { badgeTitle: row.badgeTitle, awarded: row.awarded },
    ]);
  }
  return byPerson;
}

export interface MembershipEventRow {
  id: number;
  slug: string;
  start: string | null;
  end: string | null;
  url: string | null;
  tags: EventTagBadge[];
}

/** Every event counted towards the membership, cancelled ones too, newest first. */
export async function eventsOfMembership(db: Executor, id: number): Promise<MembershipEventRow[]> {
  const rows = await db
    .select({ id: event.id, slug: event.slug, start: event.start, end: event.end, url: event.url })
    .from(event)
    .where(eq(event.membershipId, id))
    .orderBy(desc(event.start), desc(event.id));
  const tags = await tagsOfEvents(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, tags: tags.get(row.id) ?? [] }));
}

export interface CommunityRoleRow {
  id: number;
  configName: string;
  person: PersonLink;
}

/** Community roles linked to the membership. */
export function communityRolesOf(db: Executor, id: number): Promise<CommunityRoleRow[]> {
  return db
    .select({ id: communityRole.id, configName: communityRoleConfig.displayName, person: personColumns })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .innerJoin(person, eq(person.id, communityRole.personId))
    .where(eq(communityRole.membershipId, id))
    .orderBy(asc(communityRole.id));
}

/** The rows that protect a membership from deletion (spec §1.17). */
export interface MembershipBlockers {
  persons: MembershipPersonRow[];
  seatTasks: SeatTaskRow[];
  events: MembershipEventRow[];
  communityRoles: CommunityRoleRow[];
}

export async function membershipBlockers(db: Executor, id: number): Promise<MembershipBlockers> {
  const [persons, seatTasks, events, communityRoles] = await Promise.all([
    personsOf(db, id),
    seatTasksOf(db, id),
    eventsOfMembership(db, id),
    communityRolesOf(db, id),
  ]);
  return { persons, seatTasks, events, communityRoles };
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
