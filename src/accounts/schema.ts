import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";

/** The person is also the login account (AMY's custom user model): one table for both. */
export const person = pgTable(
  "workshops_person",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 100 }).notNull().unique(),
    password: varchar("password", { length: 128 }).notNull().default("!"),
    lastLogin: timestamp("last_login", { withTimezone: true }),
    isActive: boolean("is_active").notNull().default(false),
    isSuperuser: boolean("is_superuser").notNull().default(false),
    personal: varchar("personal", { length: 100 }).notNull(),
    middle: varchar("middle", { length: 100 }).notNull().default(""),
    family: varchar("family", { length: 100 }).notNull().default(""),
    email: varchar("email", { length: 254 }).unique(),
    secondaryEmail: varchar("secondary_email", { length: 254 }).notNull().default(""),
    gender: varchar("gender", { length: 1 }).notNull().default("U"),
    genderOther: varchar("gender_other", { length: 100 }).notNull().default(""),
    airportIata: varchar("airport_iata", { length: 10 }).notNull().default(""),
    airportCountry: varchar("airport_country", { length: 2 }).notNull().default(""),
    airportLat: doublePrecision("airport_lat").notNull().default(0),
    airportLon: doublePrecision("airport_lon").notNull().default(0),
    airportTimezone: text("airport_timezone").notNull().default(""),
    country: varchar("country", { length: 2 }).notNull().default(""),
    timezone: text("timezone").notNull().default(""),
    github: varchar("github", { length: 39 }).unique(),
    twitter: varchar("twitter", { length: 100 }).unique(),
    bluesky: varchar("bluesky", { length: 100 }).unique(),
    mastodon: varchar("mastodon", { length: 100 }).unique(),
    url: varchar("url", { length: 100 }).notNull().default(""),
    userNotes: text("user_notes").notNull().default(""),
    affiliation: varchar("affiliation", { length: 100 }).notNull().default(""),
    occupation: varchar("occupation", { length: 100 }).notNull().default(""),
    orcid: varchar("orcid", { length: 100 }).notNull().default(""),
    duplicationReviewedOn: timestamp("duplication_reviewed_on", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUpdatedAt: timestamp("last_updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (table) => [
    check("workshops_person_username_format", sql`${table.username} ~ '^[A-Za-z0-9_-]+$'`),
    check("workshops_person_email_lowercase", sql`${table.email} = lower(${table.email})`),
    check("workshops_person_gender_check", sql`${table.gender} in ('U', 'F', 'V', 'M', 'O')`),
    index("workshops_person_family_personal_id_idx").on(table.family, table.personal, table.id),
    index("workshops_person_superuser_idx").on(table.id).where(sql`${table.isSuperuser}`),
    index("workshops_person_personal_trgm").using("gin", sql`${table.personal} gin_trgm_ops`),
    index("workshops_person_middle_trgm").using("gin", sql`${table.middle} gin_trgm_ops`),
    index("workshops_person_family_trgm").using("gin", sql`${table.family} gin_trgm_ops`),
    index("workshops_person_email_trgm").using("gin", sql`${table.email} gin_trgm_ops`),
    index("workshops_person_secondary_email_trgm").using("gin", sql`${table.secondaryEmail} gin_trgm_ops`),
    index("workshops_person_github_trgm").using("gin", sql`${table.github} gin_trgm_ops`),
    index("workshops_person_username_trgm").using("gin", sql`${table.username} gin_trgm_ops`),
  ],
);

export const contentType = pgTable(
  "django_content_type",
  {
    id: serial("id").primaryKey(),
    appLabel: varchar("app_label", { length: 100 }).notNull(),
    model: varchar("model", { length: 100 }).notNull(),
  },
  (table) => [unique("django_content_type_app_label_model_key").on(table.appLabel, table.model)],
);

export const permission = pgTable(
  "auth_permission",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 255 }).notNull(),
    contentTypeId: integer("content_type_id")
      .notNull()
      .references(() => contentType.id, { onDelete: "cascade" }),
    codename: varchar("codename", { length: 100 }).notNull(),
  },
  (table) => [unique("auth_permission_content_type_id_codename_key").on(table.contentTypeId, table.codename)],
);

export const group = pgTable("auth_group", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 150 }).notNull().unique(),
});

export const groupPermission = pgTable(
  "auth_group_permissions",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => group.id, { onDelete: "cascade" }),
    permissionId: integer("permission_id")
      .notNull()
      .references(() => permission.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("auth_group_permissions_group_id_permission_id_key").on(table.groupId, table.permissionId),
  ],
);

export const personGroup = pgTable(
  "workshops_person_groups",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => group.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_person_groups_person_id_group_id_key").on(table.personId, table.groupId),
    index("workshops_person_groups_group_id_idx").on(table.groupId),
  ],
);

export const personPermission = pgTable(
  "workshops_person_user_permissions",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    permissionId: integer("permission_id")
      .notNull()
      .references(() => permission.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_person_user_permissions_person_id_permission_id_key").on(
      table.personId,
      table.permissionId,
    ),
  ],
);

/** Server-side sessions; the cookie holds only the signed session key. */
export const session = pgTable(
  "amy_session",
  {
    sessionKey: varchar("session_key", { length: 64 }).primaryKey(),
    personId: integer("person_id").references(() => person.id, { onDelete: "cascade" }),
    sessionData: jsonb("session_data").notNull(),
    expireDate: timestamp("expire_date", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("amy_session_expire_date_idx").on(table.expireDate),
    index("amy_session_person_id_idx").on(table.personId),
  ],
);

/** Failed password logins, counted per account and per client address to slow down guessing. */
export const loginFailure = pgTable(
  "amy_login_failure",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 254 }).notNull(),
    ipAddress: varchar("ip_address", { length: 45 }).notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("amy_login_failure_username_failed_at_idx").on(table.username, table.failedAt),
    index("amy_login_failure_ip_address_failed_at_idx").on(table.ipAddress, table.failedAt),
  ],
);

/** GitHub accounts allowed to log in as a person (python-social-auth's table; `uid` is GitHub's user id). */
export const socialAuth = pgTable(
  "social_auth_usersocialauth",
  {
    id: serial("id").primaryKey(),
    provider: varchar("provider", { length: 32 }).notNull(),
    uid: varchar("uid", { length: 255 }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    extraData: jsonb("extra_data").notNull().default({}),
    created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
    modified: timestamp("modified", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("social_auth_usersocialauth_provider_uid_key").on(table.provider, table.uid),
    index("social_auth_usersocialauth_user_id_idx").on(table.userId),
  ],
);
