import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import { accountBenefit, eventCategory, membership } from "../memberships/schema.ts";
import { organization } from "../organizations/schema.ts";
import { curriculum, language, lesson, role, tag } from "../reference/schema.ts";

// Workshops and who did what at them.

export const event = pgTable(
  "workshops_event",
  {
    id: serial("id").primaryKey(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    completed: boolean("completed").notNull().default(false),
    start: date("start"),
    end: date("end"),
    hostId: integer("host_id")
      .notNull()
      .references(() => organization.id, { onDelete: "restrict" }),
    sponsorId: integer("sponsor_id").references(() => organization.id, { onDelete: "restrict" }),
    administratorId: integer("administrator_id").references(() => organization.id, { onDelete: "restrict" }),
    assignedToId: integer("assigned_to_id").references(() => person.id, { onDelete: "set null" }),
    languageId: integer("language_id").references(() => language.id, { onDelete: "set null" }),
    url: varchar("url", { length: 100 }).unique(),
    regKey: varchar("reg_key", { length: 20 }).notNull().default(""),
    manualAttendance: integer("manual_attendance").notNull().default(0),
    contact: varchar("contact", { length: 255 }).notNull().default(""),
    country: varchar("country", { length: 2 }),
    venue: varchar("venue", { length: 255 }).notNull().default(""),
    address: varchar("address", { length: 350 }).notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    learnersPre: varchar("learners_pre", { length: 200 }).notNull().default(""),
    learnersPost: varchar("learners_post", { length: 200 }).notNull().default(""),
    instructorsPre: varchar("instructors_pre", { length: 200 }).notNull().default(""),
    instructorsPost: varchar("instructors_post", { length: 200 }).notNull().default(""),
    learnersLongterm: varchar("learners_longterm", { length: 200 }).notNull().default(""),
    repositoryLastCommitHash: varchar("repository_last_commit_hash", { length: 40 }).notNull().default(""),
    repositoryMetadata: text("repository_metadata").notNull().default(""),
    metadataAllChanges: text("metadata_all_changes").notNull().default(""),
    metadataChanged: boolean("metadata_changed").notNull().default(false),
    openTttApplications: boolean("open_TTT_applications").notNull().default(false),
    publicStatus: varchar("public_status", { length: 10 }).notNull().default("public"),
    membershipId: integer("membership_id").references(() => membership.id, { onDelete: "restrict" }),
    allocatedBenefitId: uuid("allocated_benefit_id").references(() => accountBenefit.id, {
      onDelete: "restrict",
    }),
    eventCategoryId: uuid("event_category_id").references(() => eventCategory.id, { onDelete: "restrict" }),
  },
  (table) => [
    check("workshops_event_slug_format", sql`${table.slug} ~ '^[-a-zA-Z0-9_]+$'`),
    check("workshops_event_manual_attendance_check", sql`${table.manualAttendance} >= 0`),
    check("workshops_event_public_status_check", sql`${table.publicStatus} in ('public', 'private')`),
    index("workshops_event_start_idx").on(table.start),
    // The events not completed (about a quarter): every "active" list and dashboard starts from them.
    index("workshops_event_not_completed_idx").on(table.id).where(sql`not ${table.completed}`),
    // An admin's events not completed: the dashboard's three sections.
    index("workshops_event_assigned_to_id_not_completed_idx")
      .on(table.assignedToId)
      .where(sql`not ${table.completed}`),
    index("workshops_event_host_id_idx").on(table.hostId),
    index("workshops_event_sponsor_id_idx").on(table.sponsorId),
    index("workshops_event_administrator_id_idx").on(table.administratorId),
    index("workshops_event_assigned_to_id_idx").on(table.assignedToId),
    index("workshops_event_slug_trgm").using("gin", sql`${table.slug} gin_trgm_ops`),
    index("workshops_event_url_trgm").using("gin", sql`${table.url} gin_trgm_ops`),
    index("workshops_event_contact_trgm").using("gin", sql`${table.contact} gin_trgm_ops`),
    index("workshops_event_venue_trgm").using("gin", sql`${table.venue} gin_trgm_ops`),
    index("workshops_event_address_trgm").using("gin", sql`${table.address} gin_trgm_ops`),
    index("workshops_event_country_idx").on(table.country),
    index("workshops_event_membership_id_idx").on(table.membershipId),
    index("workshops_event_allocated_benefit_id_idx").on(table.allocatedBenefitId),
    index("workshops_event_event_category_id_idx").on(table.eventCategoryId),
  ],
);

export const eventTag = pgTable(
  "workshops_event_tags",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tag.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_event_tags_event_id_tag_id_key").on(table.eventId, table.tagId),
    // (tag, event): a tag's events are found, or ruled out, from the index alone.
    index("workshops_event_tags_tag_id_event_id_idx").on(table.tagId, table.eventId),
  ],
);

export const eventCurriculum = pgTable(
  "workshops_event_curricula",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    curriculumId: integer("curriculum_id")
      .notNull()
      .references(() => curriculum.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_event_curricula_event_id_curriculum_id_key").on(table.eventId, table.curriculumId),
  ],
);

export const eventLesson = pgTable(
  "workshops_event_lessons",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lesson.id, { onDelete: "cascade" }),
  },
  (table) => [unique("workshops_event_lessons_event_id_lesson_id_key").on(table.eventId, table.lessonId)],
);

export const task = pgTable(
  "workshops_task",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "restrict" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => role.id, { onDelete: "restrict" }),
    seatPublic: boolean("seat_public").notNull().default(true),
    seatOpenTraining: boolean("seat_open_training").notNull().default(false),
    seatMembershipId: integer("seat_membership_id").references(() => membership.id, { onDelete: "restrict" }),
    allocatedBenefitId: uuid("allocated_benefit_id").references(() => accountBenefit.id, {
      onDelete: "restrict",
    }),
  },
  (table) => [
    unique("workshops_task_event_id_person_id_role_id_key").on(table.eventId, table.personId, table.roleId),
    index("workshops_task_person_id_idx").on(table.personId),
    index("workshops_task_role_id_idx").on(table.roleId),
    // Partial and covering: the memberships list counts learner seats per membership from it alone,
    // and it serves every lookup by a given membership (seats of a membership, the foreign key's
    // ON DELETE check); most tasks hold no seat and stay out of it.
    index("workshops_task_seat_membership_id_role_id_idx")
      .on(table.seatMembershipId, table.roleId)
      .where(sql`seat_membership_id is not null`),
    index("workshops_task_allocated_benefit_id_idx").on(table.allocatedBenefitId),
  ],
);
