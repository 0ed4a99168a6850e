import { createHash } from "node:crypto";
import type { SessionStore } from "@fastify/session";
import { eq, lt, sql } from "drizzle-orm";
import { loadSession } from "../accounts/index.ts";
import { session } from "../accounts/schema.ts";
import type { Db } from "../db/client.ts";

type Callback = (error?: unknown) => void;
type SessionData = Parameters<SessionStore["set"]>[1];

/** The table keeps a hash of the session id, so a read of the database cannot be replayed as a login. */
export function sessionKeyOf(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Sessions in table `amy_session`. Reading a session also reads who is logged in through it (one
 * statement for both, on every request): the person comes back as the session's `currentUser`,
 * which is never written back.
 */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}

  set(sessionId: string, data: SessionData, callback: Callback): void {
    const expires = data.cookie.expires ?? new Date(Date.now() + TWO_WEEKS_MS);
    const { currentUser: _read, ...stored } = data;
    const row = {
      sessionKey: sessionKeyOf(sessionId),
      personId: data.personId ?? null,
      sessionData: JSON.parse(JSON.stringify(stored)),
      expireDate: new Date(expires),
    };
    this.db
      .insert(session)
      .values(row)
      .onConflictDoUpdate({ target: session.sessionKey, set: row })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, data?: SessionData | null) => void): void {
    loadSession(this.db, sessionKeyOf(sessionId)).then(
      (found) => callback(null, found ? { ...(found.data as SessionData), currentUser: found.user } : null),
      (error) => callback(error),
    );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db
      .delete(session)
      .where(eq(session.sessionKey, sessionKeyOf(sessionId)))
      .then(() => callback(), callback);
  }
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(session).where(lt(session.expireDate, sql`now()`));
}
