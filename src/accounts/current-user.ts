import type { Executor } from "../db/client.ts";
import { findPersonById, groupNamesOf, permissionNamesOf } from "./queries.ts";
import { isAdmin } from "./rules.ts";

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

/** Null when the person no longer exists or was deactivated: their session then counts for nothing. */
export async function loadCurrentUser(db: Executor, personId: number): Promise<CurrentUser | null> {
  const person = await findPersonById(db, personId);
  if (!person?.isActive) return null;
  const [groups, permissions] = await Promise.all([
    groupNamesOf(db, personId),
    permissionNamesOf(db, personId),
  ]);
  return {
    id: person.id,
    username: person.username,
    personal: person.personal,
    family: person.family,
    email: person.email,
    isSuperuser: person.isSuperuser,
    isAdmin: isAdmin({ isSuperuser: person.isSuperuser, groups }),
    groups,
    permissions: new Set(permissions),
  };
}
