// Reads of the membership workflows (members, persons, extend, roll-over): the stored rows a
// formset compares with, the choices its selects offer, and the rows chosen in a post.
import { asc, eq, inArray } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { organization } from "../organizations/schema.ts";
import { member, memberRole, membership, membershipPersonRole, membershipTask } from "./schema.ts";

export interface RoleChoiceRow {
  id: number;
  name: string;
  verboseName: string;
}

/** Every member role (there are a handful), by name. */
export function listMemberRoles(db: Executor): Promise<RoleChoiceRow[]> {
  return db
    .select({ id: memberRole.id, name: memberRole.name, verboseName: memberRole.verboseName })
    .from(memberRole)
    .orderBy(asc(memberRole.name));
}

/** Every membership person role, by name. */
export function listMembershipPersonRoles(db: Executor): Promise<RoleChoiceRow[]> {
  return db
    .select({
      id: membershipPersonRole.id,
      name: membershipPersonRole.name,
      verboseName: membershipPersonRole.verboseName,
    })
    .from(membershipPersonRole)
    .orderBy(asc(membershipPersonRole.name));
}

export interface StoredMember {
  id: number;
  organizationId: number;
  roleId: number;
  fullname: string;
  domain: string;
}

/** The membership's member rows, by organisation name (the order of the members page). */
export function storedMembers(db: Executor, membershipId: number): Promise<StoredMember[]> {
  return db
    .select({
      id: member.id,
      organizationId: member.organizationId,
      roleId: member.roleId,
      fullname: organization.fullname,
      domain: organization.domain,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.membershipId, membershipId))
    .orderBy(asc(organization.fullname), asc(memberRole.name), asc(member.id));
}

export interface OrganizationChoice {
  id: number;
  fullname: string;
  domain: string;
}

export function organizationsByIds(db: Executor, ids: readonly number[]): Promise<OrganizationChoice[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: organization.id, fullname: organization.fullname, domain: organization.domain })
    .from(organization)
    .where(inArray(organization.id, [...ids]));
}

export interface StoredMembershipTask {
  id: number;
  personId: number;
  roleId: number;
}

/** The membership's person roles, by family name, personal name and role name. */
export function storedMembershipTasks(db: Executor, membershipId: number): Promise<StoredMembershipTask[]> {
  return db
    .select({ id: membershipTask.id, personId: membershipTask.personId, roleId: membershipTask.roleId })
    .from(membershipTask)
    .innerJoin(person, eq(person.id, membershipTask.personId))
    .innerJoin(membershipPersonRole, eq(membershipPersonRole.id, membershipTask.roleId))
    .where(eq(membershipTask.membershipId, membershipId))
    .orderBy(
      asc(person.family),
      asc(person.personal),
      asc(membershipPersonRole.name),
      asc(membershipTask.id),
    );
}

export interface PersonChoice {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

export function personsByIds(db: Executor, ids: readonly number[]): Promise<PersonChoice[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(inArray(person.id, [...ids]));
}

/** The membership, locked for the rest of the transaction (roll-over must happen once only). */
export async function lockMembership(tx: Executor, id: number) {
  const [row] = await tx.select().from(membership).where(eq(membership.id, id)).for("update");
  return row;
}

/** Member rows (organisation, role) and person rows (person, role) of a membership, to copy them. */
export async function membershipLinks(db: Executor, id: number) {
  const [members, tasks] = await Promise.all([
    db
      .select({ organizationId: member.organizationId, roleId: member.roleId })
      .from(member)
      .where(eq(member.membershipId, id))
      .orderBy(asc(member.id)),
    db
      .select({ personId: membershipTask.personId, roleId: membershipTask.roleId })
      .from(membershipTask)
      .where(eq(membershipTask.membershipId, id))
      .orderBy(asc(membershipTask.id)),
  ]);
  return { members, tasks };
}
