import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { contentType, person } from "../accounts/schema.ts";
import { membership, partnership } from "../memberships/schema.ts";
import { award } from "../people/schema.ts";
import { badge } from "../reference/schema.ts";

// Community roles (instructor, trainer, …). The people pages read them already (instructor badges
// on lists, workshop staff); the pages to manage them come with their own issue.

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUpdatedAt: timestamp("last_updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const communityRoleConfig = pgTable("communityroles_communityroleconfig", {
  id: serial("id").primaryKey(),
  ...timestamps,
  name: varchar("name", { length: 150 }).notNull(),
  displayName: varchar("display_name", { length: 150 }).notNull(),
  linkToAward: boolean("link_to_award").notNull(),
  awardBadgeLimitId: integer("award_badge_limit_id").references(() => badge.id, { onDelete: "restrict" }),
  autoassignWhenAwardCreated: boolean("autoassign_when_award_created").notNull().default(false),
  linkToMembership: boolean("link_to_membership").notNull(),
  linkToPartnership: boolean("link_to_partnership").notNull().default(false),
  additionalUrl: boolean("additional_url").notNull(),
  genericRelationContentTypeId: integer("generic_relation_content_type_id").references(() => contentType.id, {
    onDelete: "set null",
  }),
  customKeyLabels: jsonb("custom_key_labels").$type<string[]>().notNull().default([]),
});

export const communityRoleInactivation = pgTable("communityroles_communityroleinactivation", {
  id: serial("id").primaryKey(),
  ...timestamps,
  name: varchar("name", { length: 150 }).notNull(),
});

export const communityRole = pgTable(
  "communityroles_communityrole",
  {
    id: serial("id").primaryKey(),
    ...timestamps,
    configId: integer("config_id")
      .notNull()
      .references(() => communityRoleConfig.id, { onDelete: "restrict" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    awardId: integer("award_id").references(() => award.id, { onDelete: "restrict" }),
    start: date("start"),
    end: date("end"),
    inactivationId: integer("inactivation_id").references(() => communityRoleInactivation.id, {
      onDelete: "restrict",
    }),
    url: varchar("url", { length: 200 }).notNull().default(""),
    genericRelationContentTypeId: integer("generic_relation_content_type_id").references(
      () => contentType.id,
      {
        onDelete: "set null",
      },
    ),
    genericRelationPk: integer("generic_relation_pk"),
    customKeys: jsonb("custom_keys"),
    membershipId: integer("membership_id").references(() => membership.id, { onDelete: "restrict" }),
    partnershipId: integer("partnership_id").references(() => partnership.id, { onDelete: "restrict" }),
  },
  (table) => [
    index("communityroles_communityrole_person_id_idx").on(table.personId),
    index("communityroles_communityrole_config_id_idx").on(table.configId),
    index("communityroles_communityrole_award_id_idx").on(table.awardId),
    index("communityroles_communityrole_membership_id_idx").on(table.membershipId),
    index("communityroles_communityrole_partnership_id_idx").on(table.partnershipId),
  ],
);
