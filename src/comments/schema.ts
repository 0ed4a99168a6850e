import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  inet,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { contentType, person } from "../accounts/schema.ts";

export const site = pgTable("django_site", {
  id: serial("id").primaryKey(),
  domain: varchar("domain", { length: 100 }).notNull().unique(),
  name: varchar("name", { length: 50 }).notNull(),
});

/** django-contrib-comments' table: a comment on any record, named by content type and primary key. */
export const comment = pgTable(
  "django_comments",
  {
    id: serial("id").primaryKey(),
    contentTypeId: integer("content_type_id")
      .notNull()
      .references(() => contentType.id, { onDelete: "cascade" }),
    objectPk: text("object_pk").notNull(),
    siteId: integer("site_id")
      .notNull()
      .references(() => site.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => person.id, { onDelete: "set null" }),
    userName: varchar("user_name", { length: 50 }).notNull().default(""),
    userEmail: varchar("user_email", { length: 254 }).notNull().default(""),
    userUrl: varchar("user_url", { length: 200 }).notNull().default(""),
    comment: text("comment").notNull(),
    submitDate: timestamp("submit_date", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: inet("ip_address"),
    isPublic: boolean("is_public").notNull().default(true),
    isRemoved: boolean("is_removed").notNull().default(false),
  },
  (table) => [
    check("django_comments_comment_length", sql`char_length(${table.comment}) <= 3000`),
    index("django_comments_object_idx").on(table.contentTypeId, table.objectPk),
    index("django_comments_user_id_idx").on(table.userId),
    index("django_comments_comment_trgm").using("gin", sql`${table.comment} gin_trgm_ops`),
  ],
);
