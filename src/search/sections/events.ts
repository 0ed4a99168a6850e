import { desc, eq, sql } from "drizzle-orm";
import { event } from "../../events/schema.ts";
import { anyContains } from "../../lookups/index.ts";
import { organization } from "../../organizations/schema.ts";
import type { SearchSection } from "../registry.ts";
import { totalOf } from "./total.ts";

export function eventPath(slug: string): string {
  return `/workshops/event/${slug}/`;
}

export const eventsSearch: SearchSection = {
  key: "events",
  title: "Events",
  async search(db, term, limit) {
    const rows = await db
      .select({ slug: event.slug, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(event)
      .innerJoin(organization, eq(organization.id, event.hostId))
      .where(
        anyContains(term, [
          event.slug,
          organization.domain,
          organization.fullname,
          event.url,
          event.contact,
          event.venue,
          event.address,
        ]),
      )
      .orderBy(desc(event.slug))
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: eventPath(row.slug), text: row.slug })),
    };
  },
};
