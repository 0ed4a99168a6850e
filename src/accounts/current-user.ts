import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { preparedQuery } from "../db/prepared.ts";
import { isAdmin } from "./rules.ts";
import {
  contentType,
  group,
  groupPermission,
  permission,
  person,
  personGroup,
  personPermission,
} from "./schema.ts";

/** The logged-in person as pages and access rules see them. */
export interface CurrentUser {
  id: number;
  username: string;
  personal: string;
  family: string;
  email: string | null;
  isSuperuser: boolean;
  isAdmin: boolean;
  groups: readonly string[];
  permissions: ReadonlySet<string>;
}

const permissionName = sql<string>`${contentType.appLabel} || '.' || ${permission.codename}`;

/** Every request runs it: the person, their group names and their permission names in one statement. */
const currentUserRow = preparedQuery((db: Db) => {
  const groupNames = db
    .select({ name: group.name })
    .from(personGroup)
    .innerJoin(group, eq(group.id, personGroup.groupId))
    .where(eq(personGroup.personId, person.id));
  const viaGroups = db
    .select({ name: permissionName })
    .from(personGroup)
    .innerJoin(groupPermission, eq(groupPermission.groupId, personGroup.groupId))
    .innerJoin(permission, eq(permission.id, groupPermission.permissionId))
    .innerJoin(contentType, eq(contentType.id, permission.contentTypeId))
    .where(eq(personGroup.personId, person.id));
  const direct = db
    .select({ name: permissionName })
    .from(personPermission)
    .innerJoin(permission, eq(permission.id, personPermission.permissionId))
    .innerJoin(contentType, eq(contentType.id, permission.contentTypeId))
    .where(eq(personPermission.personId, person.id));
  return db
    .select({
      id: person.id,
      username: person.username,
      personal: person.personal,
      family: person.family,
      email: person.email,
      isActive: person.isActive,
      isSuperuser: person.isSuperuser,
      groups: sql<string[]>`array(${groupNames})`,
      permissions: sql<string[]>`array(${viaGroups.union(direct)})`,
    })
    .from(person)
    .where(eq(person.id, sql.placeholder("personId")))
    .prepare("current_user");
});

/** Null when the person no longer exists or was deactivated: their session then counts for nothing. */
export async function loadCurrentUser(db: Db, personId: number): Promise<CurrentUser | null> {
  const [row] = await currentUserRow(db).execute({ personId });
  if (!row?.isActive) return null;
  return {
    id: row.id,
    username: row.username,
    personal: row.personal,
    family: row.family,
    email: row.email,
    isSuperuser: row.isSuperuser,
    isAdmin: isAdmin({ isSuperuser: row.isSuperuser, groups: row.groups }),
    groups: row.groups,
    permissions: new Set(row.permissions),
  };
}
