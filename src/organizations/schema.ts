import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, serial, unique, varchar } from "drizzle-orm/pg-core";

export const organization = pgTable(
  "workshops_organization",
  {
    id: serial("id").primaryKey(),
    domain: varchar("domain", { length: 100 }).notNull().unique(),
    fullname: varchar("fullname", { length: 100 }).notNull().unique(),
    country: varchar("country", { length: 2 }),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
  },
  (table) => [
    index("workshops_organization_domain_trgm").using("gin", sql`${table.domain} gin_trgm_ops`),
    index("workshops_organization_fullname_trgm").using("gin", sql`${table.fullname} gin_trgm_ops`),
    index("workshops_organization_country_idx").on(table.country),
  ],
);

/** Django's symmetric many-to-many: each affiliation is stored in both directions. */
export const organizationAffiliation = pgTable(
  "workshops_organization_affiliated_organizations",
  {
    id: serial("id").primaryKey(),
    fromOrganizationId: integer("from_organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    toOrganizationId: integer("to_organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
  },
  (table) => [
    unique("workshops_organization_affiliated_from_to_key").on(
      table.fromOrganizationId,
      table.toOrganizationId,
    ),
    index("workshops_organization_affiliated_to_idx").on(table.toOrganizationId),
  ],
);
