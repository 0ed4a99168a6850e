import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import { organization } from "../organizations/schema.ts";
import { curriculum } from "../reference/schema.ts";

// Memberships (legacy contracts), partnerships, consortia and the 2025 service offering (accounts,
// benefits, account benefits), plus event categories. These tables sit below events in the module
// order because events and tasks point at them; the pages and the accounting sit above events.

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUpdatedAt: timestamp("last_updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Django's ArrayField of non-negative integers: days (or credits) added by each extension. */
const extensionList = (name: string) => integer(name).array().notNull().default(sql`'{}'::integer[]`);

export const memberRole = pgTable("workshops_memberrole", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  verboseName: varchar("verbose_name", { length: 100 }).notNull().default(""),
});

export const membership = pgTable(
  "workshops_membership",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 100 }).notNull(),
    variant: varchar("variant", { length: 40 }).notNull(),
    agreementStart: date("agreement_start").notNull(),
    agreementEnd: date("agreement_end").notNull(),
    extensions: extensionList("extensions"),
    contributionType: varchar("contribution_type", { length: 40 }).notNull(),
    workshopsWithoutAdminFeePerAgreement: integer("workshops_without_admin_fee_per_agreement"),
    workshopsWithoutAdminFeeRolledFromPrevious: integer("workshops_without_admin_fee_rolled_from_previous"),
    workshopsWithoutAdminFeeRolledOver: integer("workshops_without_admin_fee_rolled_over"),
    publicInstructorTrainingSeats: integer("public_instructor_training_seats").notNull().default(0),
    additionalPublicInstructorTrainingSeats: integer("additional_public_instructor_training_seats")
      .notNull()
      .default(0),
    publicInstructorTrainingSeatsRolledFromPrevious: integer(
      "public_instructor_training_seats_rolled_from_previous",
    ),
    publicInstructorTrainingSeatsRolledOver: integer("public_instructor_training_seats_rolled_over"),
    inhouseInstructorTrainingSeats: integer("inhouse_instructor_training_seats").notNull().default(0),
    additionalInhouseInstructorTrainingSeats: integer("additional_inhouse_instructor_training_seats")
      .notNull()
      .default(0),
    inhouseInstructorTrainingSeatsRolledFromPrevious: integer(
      "inhouse_instructor_training_seats_rolled_from_previous",
    ),
    inhouseInstructorTrainingSeatsRolledOver: integer("inhouse_instructor_training_seats_rolled_over"),
    registrationCode: varchar("registration_code", { length: 40 }).unique(),
    agreementLink: varchar("agreement_link", { length: 200 }).notNull().default(""),
    publicStatus: varchar("public_status", { length: 20 }).notNull().default("private"),
    emergencyContact: text("emergency_contact").notNull().default(""),
    consortium: boolean("consortium").notNull().default(false),
    rolledToMembershipId: integer("rolled_to_membership_id")
      .unique()
      .references((): AnyPgColumn => membership.id, { onDelete: "set null" }),
  },
  (table) => [
    check(
      "workshops_membership_variant_check",
      sql`${table.variant} in ('partner', 'affiliate', 'sponsor', 'bronze', 'silver', 'gold', 'platinum', 'titanium', 'alacarte')`,
    ),
    check(
      "workshops_membership_contribution_type_check",
      sql`${table.contributionType} in ('financial', 'person-days', 'other')`,
    ),
    check("workshops_membership_public_status_check", sql`${table.publicStatus} in ('public', 'private')`),
    check(
      "workshops_membership_agreement_dates_check",
      sql`${table.agreementEnd} >= ${table.agreementStart}`,
    ),
    check("workshops_membership_extensions_check", sql`0 <= all(${table.extensions})`),
    check(
      "workshops_membership_counts_check",
      sql`coalesce(${table.workshopsWithoutAdminFeePerAgreement}, 0) >= 0
        and coalesce(${table.workshopsWithoutAdminFeeRolledFromPrevious}, 0) >= 0
        and coalesce(${table.workshopsWithoutAdminFeeRolledOver}, 0) >= 0
        and ${table.publicInstructorTrainingSeats} >= 0
        and ${table.additionalPublicInstructorTrainingSeats} >= 0
        and coalesce(${table.publicInstructorTrainingSeatsRolledFromPrevious}, 0) >= 0
        and coalesce(${table.publicInstructorTrainingSeatsRolledOver}, 0) >= 0
        and ${table.inhouseInstructorTrainingSeats} >= 0
        and ${table.additionalInhouseInstructorTrainingSeats} >= 0
        and coalesce(${table.inhouseInstructorTrainingSeatsRolledFromPrevious}, 0) >= 0
        and coalesce(${table.inhouseInstructorTrainingSeatsRolledOver}, 0) >= 0`,
    ),
    index("workshops_membership_agreement_start_idx").on(table.agreementStart),
    index("workshops_membership_agreement_end_idx").on(table.agreementEnd),
    index("workshops_membership_name_trgm").using("gin", sql`${table.name} gin_trgm_ops`),
    index("workshops_membership_registration_code_trgm").using(
      "gin",
      sql`${table.registrationCode} gin_trgm_ops`,
    ),
  ],
);

export const member = pgTable(
  "workshops_member",
  {
    id: serial("id").primaryKey(),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => membership.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "restrict" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => memberRole.id, { onDelete: "restrict" }),
  },
  (table) => [
    unique("workshops_member_membership_organization_role_key").on(
      table.membershipId,
      table.organizationId,
      table.roleId,
    ),
    index("workshops_member_organization_id_idx").on(table.organizationId),
  ],
);

export const membershipPersonRole = pgTable("fiscal_membershippersonrole", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 40 }).notNull().unique(),
  verboseName: varchar("verbose_name", { length: 100 }).notNull().default(""),
});

export const membershipTask = pgTable(
  "fiscal_membershiptask",
  {
    id: serial("id").primaryKey(),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => membership.id, { onDelete: "restrict" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => membershipPersonRole.id, { onDelete: "restrict" }),
  },
  (table) => [
    unique("fiscal_membershiptask_membership_person_role_key").on(
      table.membershipId,
      table.personId,
      table.roleId,
    ),
    index("fiscal_membershiptask_person_id_idx").on(table.personId),
  ],
);

export const consortium = pgTable("fiscal_consortium", {
  id: serial("id").primaryKey(),
  ...timestamps,
  name: varchar("name", { length: 100 }).notNull(),
  description: varchar("description", { length: 255 }).notNull(),
});

export const consortiumOrganisation = pgTable(
  "fiscal_consortium_organisations",
  {
    id: serial("id").primaryKey(),
    consortiumId: integer("consortium_id")
      .notNull()
      .references(() => consortium.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("fiscal_consortium_organisations_key").on(table.consortiumId, table.organizationId),
    index("fiscal_consortium_organisations_organization_id_idx").on(table.organizationId),
  ],
);

export const partnershipTier = pgTable("fiscal_partnershiptier", {
  id: uuid("id").primaryKey().defaultRandom(),
  ...timestamps,
  name: varchar("name", { length: 100 }).notNull(),
  credits: integer("credits").notNull(),
});

/**
 * The buyer of benefits. AMY points at its person, organisation or consortium through a generic
 * relation with no foreign key; here each kind has its own foreign key, exactly one of them set
 * (the one `account_type` names), so an account can neither dangle nor be duplicated.
 */
export const account = pgTable(
  "offering_account",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...timestamps,
    accountType: varchar("account_type", { length: 30 }).notNull(),
    personId: integer("person_id")
      .unique()
      .references(() => person.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .unique()
      .references(() => organization.id, { onDelete: "cascade" }),
    consortiumId: integer("consortium_id")
      .unique()
      .references(() => consortium.id, { onDelete: "cascade" }),
    active: boolean("active").notNull().default(true),
  },
  (table) => [
    check(
      "offering_account_related_entity_check",
      sql`(${table.accountType} = 'individual' and ${table.personId} is not null and ${table.organizationId} is null and ${table.consortiumId} is null)
        or (${table.accountType} = 'organisation' and ${table.organizationId} is not null and ${table.personId} is null and ${table.consortiumId} is null)
        or (${table.accountType} = 'consortium' and ${table.consortiumId} is not null and ${table.personId} is null and ${table.organizationId} is null)`,
    ),
  ],
);

export const accountOwner = pgTable(
  "offering_accountowner",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...timestamps,
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    permissionType: varchar("permission_type", { length: 30 }).notNull(),
    active: boolean("active").notNull().default(true),
  },
  (table) => [
    check(
      "offering_accountowner_permission_type_check",
      sql`${table.permissionType} in ('owner', 'programmatic_contact', 'billing_contact')`,
    ),
    index("offering_accountowner_account_id_idx").on(table.accountId),
    index("offering_accountowner_person_id_idx").on(table.personId),
  ],
);

export const partnership = pgTable(
  "fiscal_partnership",
  {
    id: serial("id").primaryKey(),
    ...timestamps,
    name: varchar("name", { length: 100 }).notNull(),
    tierId: uuid("tier_id").references(() => partnershipTier.id, { onDelete: "set null" }),
    credits: integer("credits").notNull().default(0),
    creditsExtensions: extensionList("credits_extensions"),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "restrict" }),
    agreementStart: date("agreement_start").notNull(),
    agreementEnd: date("agreement_end").notNull(),
    extensions: extensionList("extensions"),
    rolledToPartnershipId: integer("rolled_to_partnership_id")
      .unique()
      .references((): AnyPgColumn => partnership.id, { onDelete: "set null" }),
    agreementLink: varchar("agreement_link", { length: 200 }).notNull().default(""),
    registrationCode: varchar("registration_code", { length: 40 }).unique(),
    publicStatus: varchar("public_status", { length: 20 }).notNull().default("private"),
    partnerConsortiumId: integer("partner_consortium_id").references(() => consortium.id, {
      onDelete: "restrict",
    }),
    partnerOrganisationId: integer("partner_organisation_id").references(() => organization.id, {
      onDelete: "restrict",
    }),
  },
  (table) => [
    check(
      "fiscal_partnership_exactly_one_partner",
      sql`(${table.partnerConsortiumId} is null) <> (${table.partnerOrganisationId} is null)`,
    ),
    check("fiscal_partnership_public_status_check", sql`${table.publicStatus} in ('public', 'private')`),
    check("fiscal_partnership_agreement_dates_check", sql`${table.agreementEnd} >= ${table.agreementStart}`),
    check(
      "fiscal_partnership_extensions_check",
      sql`0 <= all(${table.extensions}) and 0 <= all(${table.creditsExtensions})`,
    ),
    index("fiscal_partnership_account_id_idx").on(table.accountId),
    index("fiscal_partnership_partner_organisation_id_idx").on(table.partnerOrganisationId),
    index("fiscal_partnership_partner_consortium_id_idx").on(table.partnerConsortiumId),
    index("fiscal_partnership_name_trgm").using("gin", sql`${table.name} gin_trgm_ops`),
    index("fiscal_partnership_agreement_link_trgm").using("gin", sql`${table.agreementLink} gin_trgm_ops`),
    index("fiscal_partnership_registration_code_trgm").using(
      "gin",
      sql`${table.registrationCode} gin_trgm_ops`,
    ),
  ],
);

export const benefit = pgTable(
  "offering_benefit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...timestamps,
    name: varchar("name", { length: 100 }).notNull(),
    description: varchar("description", { length: 255 }).notNull(),
    unitType: varchar("unit_type", { length: 20 }).notNull(),
    credits: integer("credits").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (table) => [
    check("offering_benefit_unit_type_check", sql`${table.unitType} in ('seat', 'event')`),
    check("offering_benefit_credits_check", sql`${table.credits} >= 0`),
  ],
);

export const accountBenefitDiscount = pgTable("offering_accountbenefitdiscount", {
  id: uuid("id").primaryKey().defaultRandom(),
  ...timestamps,
  name: varchar("name", { length: 100 }).notNull(),
});

export const accountBenefit = pgTable(
  "offering_accountbenefit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...timestamps,
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "restrict" }),
    partnershipId: integer("partnership_id").references(() => partnership.id, { onDelete: "restrict" }),
    benefitId: uuid("benefit_id")
      .notNull()
      .references(() => benefit.id, { onDelete: "restrict" }),
    discountId: uuid("discount_id").references(() => accountBenefitDiscount.id, { onDelete: "set null" }),
    curriculumId: integer("curriculum_id").references(() => curriculum.id, { onDelete: "restrict" }),
    registrationCode: varchar("registration_code", { length: 40 }).unique(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    allocation: integer("allocation").notNull(),
    frozen: boolean("frozen").notNull().default(false),
  },
  (table) => [
    check("offering_accountbenefit_dates_check", sql`${table.endDate} >= ${table.startDate}`),
    check("offering_accountbenefit_allocation_check", sql`${table.allocation} >= 0`),
    index("offering_accountbenefit_account_id_idx").on(table.accountId),
    index("offering_accountbenefit_partnership_id_idx").on(table.partnershipId),
    index("offering_accountbenefit_benefit_id_idx").on(table.benefitId),
  ],
);

export const eventCategory = pgTable("workshops_eventcategory", {
  id: uuid("id").primaryKey().defaultRandom(),
  ...timestamps,
  name: varchar("name", { length: 100 }).notNull(),
  description: varchar("description", { length: 255 }).notNull(),
  active: boolean("active").notNull().default(true),
});
