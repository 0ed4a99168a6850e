import { inArray, sql } from "drizzle-orm";
import { addPersonToGroup, hashPassword, insertPerson } from "../../src/accounts/index.ts";
import { contentType, permission, personPermission } from "../../src/accounts/schema.ts";
import type { Db } from "../../src/db/client.ts";

export const PASSWORD = "correct horse battery staple";
let sequence = 0;

export interface PersonOptions {
  username?: string;
  email?: string | null;
  personal?: string;
  family?: string;
  password?: string;
  encodedPassword?: string;
  isActive?: boolean;
  isSuperuser?: boolean;
  groups?: string[];
  permissions?: string[];
}

/** A person who can log in with PASSWORD unless told otherwise. */
export async function makePerson(db: Db, options: PersonOptions = {}) {
  sequence++;
  const username = options.username ?? `person${sequence}_${process.pid}`;
  const person = await insertPerson(db, {
    username,
    personal: options.personal ?? "Test",
    family: options.family ?? `Person${sequence}`,
    email: options.email === undefined ? `${username}@example.org` : options.email,
    password: options.encodedPassword ?? (await hashPassword(options.password ?? PASSWORD)),
    isActive: options.isActive ?? true,
    isSuperuser: options.isSuperuser ?? false,
  });
  for (const group of options.groups ?? []) await addPersonToGroup(db, person.id, group);
  if (options.permissions?.length) await grantPermissions(db, person.id, options.permissions);
  return person;
}

async function grantPermissions(db: Db, personId: number, names: string[]) {
  const rows = await db
    .select({ id: permission.id })
    .from(permission)
    .innerJoin(contentType, sql`${contentType.id} = ${permission.contentTypeId}`)
    .where(inArray(sql`${contentType.appLabel} || '.' || ${permission.codename}`, names));
  if (rows.length !== names.length) throw new Error(`unknown permission among ${names.join(", ")}`);
  await db.insert(personPermission).values(rows.map((row) => ({ personId, permissionId: row.id })));
}

export const makeAdmin = (db: Db, options: PersonOptions = {}) =>
  makePerson(db, { groups: ["administrators"], ...options });
export const makeSuperuser = (db: Db, options: PersonOptions = {}) =>
  makePerson(db, { isSuperuser: true, ...options });
