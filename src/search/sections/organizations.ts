import { sql } from "drizzle-orm";
import { anyContains } from "../../lookups/index.ts";
import { organizationPath } from "../../organizations/index.ts";
import { organization } from "../../organizations/schema.ts";
import type { SearchSection } from "../registry.ts";
import { totalOf } from "./total.ts";

export const organizationsSearch: SearchSection = {
  key: "organizations",
  title: "Organisations",
  async search(db, term, limit) {
    const rows = await db
      .select({ domain: organization.domain, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(organization)
      .where(anyContains(term, [organization.domain, organization.fullname]))
      .orderBy(organization.fullname)
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: organizationPath(row.domain), text: row.domain })),
    };
  },
};
