import { desc, sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { outboxMessage } from "../../src/mail/schema.ts";

/** The messages kept for an address (no SMTP server in tests), newest first. */
export function messagesTo(db: Db, address: string) {
  return db
    .select()
    .from(outboxMessage)
    .where(sql`${address} = any(${outboxMessage.recipients})`)
    .orderBy(desc(outboxMessage.id));
}

/** The path of the first link to this site in the newest message to an address. */
export async function linkPathIn(db: Db, address: string): Promise<string> {
  const [message] = await messagesTo(db, address);
  const link = message?.body.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no message with a link to ${address}`);
  return new URL(link).pathname;
}
