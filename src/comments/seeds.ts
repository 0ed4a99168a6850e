import { sql } from "drizzle-orm";
import type { Seeder } from "../db/seed.ts";
import { site } from "./schema.ts";

/** AMY's two sites; comments are filed under the current one (id 2). */
export const CURRENT_SITE_ID = 2;

export const sitesSeeder: Seeder = {
  name: "sites",
  async run(tx) {
    await tx
      .insert(site)
      .values([
        { id: 1, domain: "amy.software-carpentry.org", name: "AMY" },
        { id: 2, domain: "amy.carpentries.org", name: "AMY" },
      ])
      .onConflictDoNothing();
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('django_site', 'id'), (select max(id) from django_site))`,
    );
  },
};
