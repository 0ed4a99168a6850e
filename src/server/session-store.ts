import { createHash } from "node:crypto";
import type { SessionStore } from "@fastify/session";
import { eq, lt, sql } from "drizzle-orm";
import { session } from "../accounts/schema.ts";
import type { Db } from "../db/client.ts";
import { preparedQuery } from "../db/prepared.ts";

type Callback = (error?: unknown) => void;
type SessionData = Parameters<SessionStore["set"]>[1];

/** The table keeps a hash of the session id, so a read of the database cannot be replayed as a login. */
export function sessionKeyOf(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** Runs on every request that carries a session cookie. */
const liveSessionData = preparedQuery((db: Db) =>
  db
    .select({ data: session.sessionData })
    .from(session)
    .where(sql`${session.sessionKey} = ${sql.placeholder("sessionKey")} and ${session.expireDate} > now()`)
    .prepare("live_session_data"),
);

const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;

export class PostgresSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}

  set(sessionId: string, data: SessionData, callback: Callback): void {
    const expires = data.cookie.expires ?? new Date(Date.now() + TWO_WEEKS_MS);
    const row = {
      sessionKey: sessionKeyOf(sessionId),
      personId: (data as { personId?: number }).personId ?? null,
      sessionData: JSON.parse(JSON.stringify(data)),
      expireDate: new Date(expires),
    };
    this.db
      .insert(session)
      .values(row)
      .onConflictDoUpdate({ target: session.sessionKey, set: row })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, data?: SessionData | null) => void): void {
    liveSessionData(this.db)
      .execute({ sessionKey: sessionKeyOf(sessionId) })
      .then(
        ([row]) => callback(null, (row?.data as SessionData | undefined) ?? null),
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
