import { asc, eq, inArray, sql } from "drizzle-orm";
import { contentType, group, permission, person, personGroup, personPermission } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { event, task } from "../events/schema.ts";
import type { BlockingGroup } from "../ui/blocked-delete.tsx";
import { recordPersonVersion } from "./commands.ts";
import { deleteIndividualAccount, membershipBlockersOfPerson } from "./membership-queries.ts";
import { award, qualification } from "./schema.ts";

/**
 * What keeps a person from being deleted: their tasks, awards (received or given) and lessons, their
 * roles in memberships and accounts, and what uses their individual account (which would otherwise go
 * with them).
 */
export async function personDeleteBlockers(db: Executor, personId: number): Promise<BlockingGroup[]> {
  const [tasks, received, given, lessons, offering] = await Promise.all([
    db
      .select({ id: task.id, slug: event.slug })
      .from(task)
      .innerJoin(event, eq(event.id, task.eventId))
      .where(eq(task.personId, personId)),
    db.select({ id: award.id }).from(award).where(eq(award.personId, personId)),
    db.select({ id: award.id, personId: award.personId }).from(award).where(eq(award.awardedById, personId)),
    db.select({ id: qualification.id }).from(qualification).where(eq(qualification.personId, personId)),
    membershipBlockersOfPerson(db, personId),
  ]);
  const groups: BlockingGroup[] = [
    {
      label: "Tasks",
      items: tasks.map((row) => ({ text: `Task at ${row.slug}`, href: `/workshops/task/${row.id}/` })),
    },
    {
      label: "Awards",
      items: received.map((row) => ({
        text: `Award #${row.id}`,
        href: `/workshops/person/${personId}/#awards`,
      })),
    },
    {
      label: "Awards given by this person",
      items: given.map((row) => ({
        text: `Award #${row.id}`,
        href: `/workshops/person/${row.personId}/#awards`,
      })),
    },
    {
      label: "Lessons the person can teach",
      items: lessons.map((row) => ({ text: `Qualification #${row.id}` })),
    },
    ...offering,
  ];
  return groups.filter((group) => group.items.length > 0);
}

/**
 * Deletes a person nothing refers to; the database cascades to community roles, domains, languages,
 * logins. Their unused individual account goes first, with its owner rows (which name the person).
 */
export async function deletePerson(tx: Executor, personId: number): Promise<void> {
  await deleteIndividualAccount(tx, personId);
  await tx.delete(person).where(eq(person.id, personId));
}

export async function permissionChoices(db: Executor) {
  const [permissions, groups] = await Promise.all([
    db
      .select({
        id: permission.id,
        appLabel: contentType.appLabel,
        codename: permission.codename,
        name: permission.name,
      })
      .from(permission)
      .innerJoin(contentType, eq(contentType.id, permission.contentTypeId))
      .orderBy(asc(contentType.appLabel), asc(contentType.model), asc(permission.codename)),
    db.select({ id: group.id, name: group.name }).from(group).orderBy(group.name),
  ]);
  return {
    permissions: permissions.map((row) => ({
      value: String(row.id),
      label: `${row.appLabel}.${row.codename} — ${row.name}`,
    })),
    groups: groups.map((row) => ({ value: String(row.id), label: row.name })),
  };
}

export async function grantsOf(db: Executor, personId: number) {
  const [groups, permissions] = await Promise.all([
    db.select({ id: personGroup.groupId }).from(personGroup).where(eq(personGroup.personId, personId)),
    db
      .select({ id: personPermission.permissionId })
      .from(personPermission)
      .where(eq(personPermission.personId, personId)),
  ]);
  return {
    groups: groups.map((row) => String(row.id)),
    permissions: permissions.map((row) => String(row.id)),
  };
}

export interface LoginRights {
  isActive: boolean;
  isSuperuser: boolean;
  groupIds: number[];
  permissionIds: number[];
}

/** Replaces the person's login flags, groups and direct permissions. */
export async function setLoginRights(
  tx: Executor,
  personId: number,
  rights: LoginRights,
  actor: { id: number } | null,
) {
  await tx
    .update(person)
    .set({ isActive: rights.isActive, isSuperuser: rights.isSuperuser, lastUpdatedAt: sql`now()` })
    .where(eq(person.id, personId));
  await tx.delete(personGroup).where(eq(personGroup.personId, personId));
  await tx.delete(personPermission).where(eq(personPermission.personId, personId));
  const groupIds = [...new Set(rights.groupIds)];
  const permissionIds = [...new Set(rights.permissionIds)];
  if (groupIds.length > 0)
    await tx.insert(personGroup).values(groupIds.map((groupId) => ({ personId, groupId })));
  if (permissionIds.length > 0)
    await tx
      .insert(personPermission)
      .values(permissionIds.map((permissionId) => ({ personId, permissionId })));
  await recordPersonVersion(tx, personId, actor);
}

export async function existingIds(
  db: Executor,
  table: "group" | "permission",
  ids: number[],
): Promise<boolean> {
  if (ids.length === 0) return true;
  const source = table === "group" ? group : permission;
  const rows = await db.select({ id: source.id }).from(source).where(inArray(source.id, ids));
  return rows.length === new Set(ids).size;
}
