import type { Db } from "../../db/client.ts";
import type { Mailer } from "../../mail/index.ts";
import { changePassword } from "../commands.ts";
import { isUsablePassword } from "../passwords.ts";
import { clearLoginFailures, findPersonByLogin, type PersonRow } from "../queries.ts";
import { resetMessage } from "./message.ts";
import { encodeUid, makeResetToken } from "./tokens.ts";

/**
 * Mails a reset link when an active person with a usable password has this address. Says nothing
 * about the outcome, so the page cannot tell anyone which addresses have accounts.
 */
export async function sendPasswordResetLink(
  db: Db,
  mailer: Mailer,
  request: { email: string; key: Buffer; siteUrl: URL },
): Promise<void> {
  const person = await findPersonByLogin(db, request.email);
  if (!person?.email || !person.isActive || !isUsablePassword(person.password)) return;
  const token = makeResetToken(request.key, person);
  const link = new URL(`/account/reset/${encodeUid(person.id)}/${token}/`, request.siteUrl);
  await mailer.send(resetMessage({ ...person, email: person.email }, link));
}

/**
 * Sets the new password, which also makes the link stop working, ends the person's other sessions,
 * and lifts the failed-login limit on the account (the login page suggests a reset for it).
 */
export async function completePasswordReset(
  db: Db,
  person: PersonRow,
  password: string,
  currentSessionId: string,
): Promise<void> {
  await changePassword(db, person.id, password, currentSessionId);
  await clearLoginFailures(db, person.username.toLowerCase());
  if (person.email) await clearLoginFailures(db, person.email);
}
