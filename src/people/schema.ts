import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, serial, unique } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import { event } from "../events/schema.ts";
import { badge, knowledgeDomain, language, lesson } from "../reference/schema.ts";

export const personDomain = pgTable(
  "workshops_person_domains",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    knowledgedomainId: integer("knowledgedomain_id")
      .notNull()
      .references(() => knowledgeDomain.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_person_domains_person_id_knowledgedomain_id_key").on(
      table.personId,
      table.knowledgedomainId,
    ),
    index("workshops_person_domains_knowledgedomain_id_idx").on(table.knowledgedomainId),
  ],
);

export const personLanguage = pgTable(
  "workshops_person_languages",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    languageId: integer("language_id")
      .notNull()
      .references(() => language.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_person_languages_person_id_language_id_key").on(table.personId, table.languageId),
    index("workshops_person_languages_language_id_idx").on(table.languageId),
  ],
);

/** A lesson the person can teach. */
export const qualification = pgTable(
  "workshops_qualification",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lesson.id, { onDelete: "restrict" }),
  },
  (table) => [
    index("workshops_qualification_person_id_idx").on(table.personId),
    index("workshops_qualification_lesson_id_idx").on(table.lessonId),
  ],
);

export const award = pgTable(
  "workshops_award",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    badgeId: integer("badge_id")
      .notNull()
      .references(() => badge.id, { onDelete: "restrict" }),
    awarded: date("awarded").notNull().default(sql`current_date`),
    eventId: integer("event_id").references(() => event.id, { onDelete: "restrict" }),
    awardedById: integer("awarded_by_id").references(() => person.id, { onDelete: "restrict" }),
  },
  (table) => [
    unique("workshops_award_person_id_badge_id_key").on(table.personId, table.badgeId),
    // (badge, person): a badge's holders are counted and listed from the index alone.
    index("workshops_award_badge_id_person_id_idx").on(table.badgeId, table.personId),
    index("workshops_award_event_id_idx").on(table.eventId),
    index("workshops_award_awarded_by_id_idx").on(table.awardedById),
  ],
);
