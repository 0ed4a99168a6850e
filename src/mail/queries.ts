import { count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type OutboxStatus, outboxMessage } from "./schema.ts";

export type OutboxRow = typeof outboxMessage.$inferSelect;

export interface NewOutboxMessage {
  fromEmail: string;
  recipients: string[];
  subject: string;
  body: string;
  status: OutboxStatus;
  error?: string;
  attempts: number;
}

export async function keepInOutbox(db: Executor, message: NewOutboxMessage): Promise<OutboxRow> {
  const [row] = await db
    .insert(outboxMessage)
    .values({ ...message, lastAttemptAt: message.attempts > 0 ? sql`now()` : null })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findOutboxMessage(db: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
  return row;
}

export async function countOutboxMessages(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outboxMessage);
  return row?.n ?? 0;
}

/** Newest first. */
export async function listOutboxMessages(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outboxMessage)
    .orderBy(desc(outboxMessage.createdAt), desc(outboxMessage.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function recordFailedAttempt(db: Executor, id: number, error: string): Promise<void> {
  await db
    .update(outboxMessage)
    .set({ status: "failed", error, attempts: sql`${outboxMessage.attempts} + 1`, lastAttemptAt: sql`now()` })
    .where(eq(outboxMessage.id, id));
}

export async function deleteOutboxMessage(db: Executor, id: number): Promise<void> {
  await db.delete(outboxMessage).where(eq(outboxMessage.id, id));
}
