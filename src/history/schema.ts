import { index, integer, pgTable, serial, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { contentType, person } from "../accounts/schema.ts";

// django-reversion's tables, column for column, so an imported AMY history is shown as it is.

/** One change: who made it and when. Each object it touched has a version. */
export const revision = pgTable(
  "reversion_revision",
  {
    id: serial("id").primaryKey(),
    dateCreated: timestamp("date_created", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id").references(() => person.id, { onDelete: "set null" }),
    comment: text("comment").notNull().default(""),
  },
  (table) => [
    index("reversion_revision_date_created_idx").on(table.dateCreated),
    index("reversion_revision_user_id_idx").on(table.userId),
  ],
);

/** An object as it was after a revision: its fields as Django-style JSON, and its text then. */
export const version = pgTable(
  "reversion_version",
  {
    id: serial("id").primaryKey(),
    objectId: varchar("object_id", { length: 191 }).notNull(),
    contentTypeId: integer("content_type_id")
      .notNull()
      .references(() => contentType.id, { onDelete: "cascade" }),
    /** The Django database alias; always "default" here. */
    db: varchar("db", { length: 191 }).notNull().default("default"),
    format: varchar("format", { length: 255 }).notNull().default("json"),
    serializedData: text("serialized_data").notNull(),
    objectRepr: text("object_repr").notNull(),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revision.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("reversion_version_db_content_type_id_object_id_revision_id_key").on(
      table.db,
      table.contentTypeId,
      table.objectId,
      table.revisionId,
    ),
    index("reversion_version_content_type_id_object_id_idx").on(table.contentTypeId, table.objectId),
    index("reversion_version_revision_id_idx").on(table.revisionId),
  ],
);
