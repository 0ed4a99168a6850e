import type { Db } from "../db/client.ts";
import { sessionKeyOf } from "../server/session-store.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import {
  clearLoginFailures,
  countRecentLoginFailures,
  endOtherSessions,
  findPersonByLogin,
  findPersonByUsername,
  insertPerson,
  type NewAccount,
  type PersonRow,
  recordLogin,
  recordLoginFailure,
  updatePassword,
} from "./queries.ts";
import { isLoginBlocked, passwordProblems } from "./rules.ts";

export type LoginOutcome = { ok: true; person: PersonRow } | { ok: false; reason: "invalid" | "blocked" };

let decoyHash: Promise<string> | undefined;

/**
 * Checks a username-or-email and password. Failures are counted per account and per address; past
 * the limit, logins are refused before any password is checked.
 */
export async function authenticate(
  db: Db,
  credentials: { identifier: string; password: string; ipAddress: string },
): Promise<LoginOutcome> {
  const accountKey = credentials.identifier.toLowerCase();
  const failures = await countRecentLoginFailures(db, accountKey, credentials.ipAddress);
  if (isLoginBlocked(failures)) return { ok: false, reason: "blocked" };

  const person = await findPersonByLogin(db, credentials.identifier);
  // Unknown accounts cost as much time as known ones, so timing does not tell which exist.
  decoyHash ??= hashPassword("not a real password");
  const check = await verifyPassword(credentials.password, person?.password ?? (await decoyHash));
  if (!person || !check.valid || !person.isActive) {
    await recordLoginFailure(db, accountKey, credentials.ipAddress);
    return { ok: false, reason: "invalid" };
  }
  await db.transaction(async (tx) => {
    if (check.needsRehash) await updatePassword(tx, person.id, await hashPassword(credentials.password));
    await recordLogin(tx, person.id);
    await clearLoginFailures(tx, accountKey);
  });
  return { ok: true, person };
}

/** Sets a new password and ends the person's other sessions; the current one stays valid. */
export async function changePassword(db: Db, personId: number, password: string, currentSessionId: string) {
  const encoded = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updatePassword(tx, personId, encoded);
    await endOtherSessions(tx, personId, sessionKeyOf(currentSessionId));
  });
}

export class AccountError extends Error {}

/** Creates an active superuser (the `createsuperuser` command and the first start). */
export async function createSuperuser(
  db: Db,
  account: Omit<NewAccount, "isActive" | "isSuperuser">,
): Promise<PersonRow> {
  if (!/^[A-Za-z0-9_-]+$/.test(account.username) || account.username.length > 100) {
    throw new AccountError("A username has at most 100 letters, digits, hyphens and underscores.");
  }
  if (await findPersonByUsername(db, account.username)) {
    throw new AccountError(`A person with the username "${account.username}" already exists.`);
  }
  if (account.email && (await findPersonByLogin(db, account.email))) {
    throw new AccountError(`A person with the email address "${account.email}" already exists.`);
  }
  const problems = passwordProblems(account.password, account);
  if (problems.length > 0) throw new AccountError(`The password is not acceptable: ${problems.join(" ")}`);
  return insertPerson(db, {
    ...account,
    password: await hashPassword(account.password),
    isActive: true,
    isSuperuser: true,
  });
}
