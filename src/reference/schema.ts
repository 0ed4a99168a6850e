import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// AMY's reference tables. Each row an admin may retire carries `retired_at`: a retired row stays on
// the records that use it but is no longer offered in forms (AMY had no such flag; see decisions.md).

const retiredAt = () => timestamp("retired_at", { withTimezone: true });

export const tag = pgTable(
  "workshops_tag",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 40 }).notNull().unique(),
    details: varchar("details", { length: 100 }).notNull(),
    priority: integer("priority").notNull().default(0),
    retiredAt: retiredAt(),
  },
  (table) => [check("workshops_tag_priority_check", sql`${table.priority} >= 0`)],
);

export const role = pgTable("workshops_role", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  verboseName: varchar("verbose_name", { length: 100 }).notNull().default(""),
  retiredAt: retiredAt(),
});

export const badge = pgTable("workshops_badge", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  title: varchar("title", { length: 40 }).notNull(),
  criteria: varchar("criteria", { length: 100 }).notNull(),
  retiredAt: retiredAt(),
});

export const lesson = pgTable("workshops_lesson", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  retiredAt: retiredAt(),
});

export const knowledgeDomain = pgTable("workshops_knowledgedomain", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 100 }).notNull().unique(),
  retiredAt: retiredAt(),
});

export const language = pgTable("workshops_language", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 100 }).notNull(),
  subtag: varchar("subtag", { length: 10 }).notNull().unique(),
  retiredAt: retiredAt(),
});

export const curriculum = pgTable(
  "workshops_curriculum",
  {
    id: serial("id").primaryKey(),
    active: boolean("active").notNull().default(true),
    carpentry: varchar("carpentry", { length: 5 }).notNull().default(""),
    slug: varchar("slug", { length: 40 }).notNull().default("").unique(),
    name: varchar("name", { length: 200 }).notNull().unique(),
    description: text("description").notNull().default(""),
    other: boolean("other").notNull().default(false),
    unknown: boolean("unknown").notNull().default(false),
    mixMatch: boolean("mix_match").notNull().default(false),
    website: varchar("website", { length: 200 }).notNull().default(""),
  },
  (table) => [
    check("workshops_curriculum_carpentry_check", sql`${table.carpentry} in ('SWC', 'DC', 'LC', '')`),
    check("workshops_curriculum_description_length", sql`char_length(${table.description}) <= 400`),
    uniqueIndex("workshops_curriculum_one_unknown").on(table.unknown).where(sql`${table.unknown}`),
    uniqueIndex("workshops_curriculum_one_mix_match").on(table.mixMatch).where(sql`${table.mixMatch}`),
  ],
);

export const curriculumType = pgTable("workshops_curriculumtype", {
  id: uuid("id").primaryKey().defaultRandom(),
  programCategory: varchar("program_category", { length: 100 }).notNull(),
  name: varchar("name", { length: 100 }).notNull(),
  description: varchar("description", { length: 255 }).notNull().default(""),
  retiredAt: retiredAt(),
});

export const academicLevel = pgTable("workshops_academiclevel", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  retiredAt: retiredAt(),
});

export const computingExperienceLevel = pgTable("workshops_computingexperiencelevel", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 255 }).notNull().unique(),
  retiredAt: retiredAt(),
});

export const infoSource = pgTable("workshops_infosource", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 300 }).notNull().unique(),
  retiredAt: retiredAt(),
});

/** `countries` keeps django-countries' storage: ISO codes separated by commas. */
export const continent = pgTable("workshops_continent", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 100 }).notNull().unique(),
  countries: varchar("countries", { length: 752 }).notNull().default(""),
});
