import { and, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { countTableRows } from "../db/row-counts.ts";
import { LOGIN_FAILURE_WINDOW_MINUTES } from "./rules.ts";
import { group, loginFailure, person, personGroup, session } from "./schema.ts";

export type PersonRow = typeof person.$inferSelect;

/** The login form accepts a username or, when the input contains "@", an email address. */
export async function findPersonByLogin(db: Executor, identifier: string): Promise<PersonRow | undefined> {
  const condition = identifier.includes("@")
    ? eq(person.email, identifier.toLowerCase())
    : eq(person.username, identifier);
  const [row] = await db.select().from(person).where(condition).limit(1);
  return row;
}

export async function findPersonById(db: Executor, id: number): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  return row;
}

export async function findPersonByUsername(db: Executor, username: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(person).where(eq(person.username, username));
  return row;
}

export async function countPersons(db: Executor): Promise<number> {
  return countTableRows(db, person);
}

export interface NewAccount {
  username: string;
  personal: string;
  family?: string;
  email: string | null;
  password: string;
  isActive?: boolean;
  isSuperuser?: boolean;
}

export async function insertPerson(db: Executor, account: NewAccount): Promise<PersonRow> {
  const [row] = await db
    .insert(person)
    .values({ ...account, email: account.email?.toLowerCase() ?? null })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePassword(db: Executor, personId: number, encoded: string): Promise<void> {
  await db
    .update(person)
    .set({ password: encoded, lastUpdatedAt: sql`now()` })
    .where(eq(person.id, personId));
}

export async function recordLogin(db: Executor, personId: number): Promise<void> {
  await db.update(person).set({ lastLogin: sql`now()` }).where(eq(person.id, personId));
}

export async function addPersonToGroup(db: Executor, personId: number, groupName: string): Promise<void> {
  const [row] = await db.select({ id: group.id }).from(group).where(eq(group.name, groupName));
  if (!row) throw new Error(`no group named ${groupName}`);
  await db.insert(personGroup).values({ personId, groupId: row.id }).onConflictDoNothing();
}

const recentFailure = sql`${loginFailure.failedAt} > now() - make_interval(mins => ${LOGIN_FAILURE_WINDOW_MINUTES})`;

export async function countRecentLoginFailures(
  db: Executor,
  username: string,
  ipAddress: string,
): Promise<{ forAccount: number; fromAddress: number }> {
  const [row] = await db
    .select({
      forAccount: sql<number>`count(*) filter (where ${loginFailure.username} = ${username})`.mapWith(Number),
      fromAddress: sql<number>`count(*) filter (where ${loginFailure.ipAddress} = ${ipAddress})`.mapWith(
        Number,
      ),
    })
    .from(loginFailure)
    .where(
      and(or(eq(loginFailure.username, username), eq(loginFailure.ipAddress, ipAddress)), recentFailure),
    );
  return { forAccount: row?.forAccount ?? 0, fromAddress: row?.fromAddress ?? 0 };
}

export async function recordLoginFailure(db: Executor, username: string, ipAddress: string): Promise<void> {
  await db.insert(loginFailure).values({ username, ipAddress });
}

export async function clearLoginFailures(db: Executor, username: string): Promise<void> {
  await db.delete(loginFailure).where(eq(loginFailure.username, username));
}

/** Ends every session of a person but the one given (after a password change). */
export async function endOtherSessions(
  db: Executor,
  personId: number,
  keepSessionKey: string,
): Promise<void> {
  await db
    .delete(session)
    .where(and(eq(session.personId, personId), sql`${session.sessionKey} <> ${keepSessionKey}`));
}
