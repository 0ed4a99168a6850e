import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";

export const OUTBOX_STATUSES = ["kept", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Mail that was not delivered: in development (no SMTP server) every message is `kept` here to be
 * read; with SMTP, a message the server refused or could not take is kept as `failed`, to retry.
 */
export const outboxMessage = pgTable(
  "amy_mail_outbox",
  {
    id: serial("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    fromEmail: text("from_email").notNull(),
    recipients: text("recipients").array().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: varchar("status", { length: 16 }).$type<OutboxStatus>().notNull(),
    /** The SMTP server's (or the network's) answer to the last attempt. */
    error: text("error").notNull().default(""),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  },
  (table) => [
    check("amy_mail_outbox_status_valid", sql`${table.status} in ('kept', 'failed')`),
    index("amy_mail_outbox_created_at_idx").on(table.createdAt),
  ],
);
