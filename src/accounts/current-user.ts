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
  session,
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

/**
 * Every request with a session cookie runs it: the live session's data, its person, their group
 * names and their permission names, in one statement.
 */
const sessionWithPerson = preparedQuery((db: Db) => {
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
      data: session.sessionData,
      person: {
        id: person.id,
        username: person.username,
        personal: person.personal,
        family: person.family,
        email: person.email,
        isActive: person.isActive,
        isSuperuser: person.isSuperuser,
      },
      groups: sql<string[]>`array(${groupNames})`,
      permissions: sql<string[]>`array(${viaGroups.union(direct)})`,
    })
    .from(session)
    .leftJoin(person, eq(person.id, session.personId))
    .where(sql`${session.sessionKey} = ${sql.placeholder("sessionKey")} and ${session.expireDate} > now()`)
    .prepare("session_with_person");
});

export interface LiveSession {
  data: unknown;
  /** Null when nobody is logged in, or the person no longer exists or was deactivated. */
  user: CurrentUser | null;
}

/** The unexpired session stored under the key, with whoever is logged in through it. */
export async function loadSession(db: Db, sessionKey: string): Promise<LiveSession | undefined> {
  const [row] = await sessionWithPerson(db).execute({ sessionKey });
  if (!row) return undefined;
  const found = row.person;
  if (!found?.isActive) return { data: row.data, user: null };
  const user: CurrentUser = {
    id: found.id,
    username: found.username,
    personal: found.personal,
    family: found.family,
    email: found.email,
    isSuperuser: found.isSuperuser,
    isAdmin: isAdmin({ isSuperuser: found.isSuperuser, groups: row.groups }),
    groups: row.groups,
    permissions: new Set(row.permissions),
  };
  return { data: row.data, user };
}
