import { desc, eq, inArray, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
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
    // Two look-ups, each answered by trigram indexes, where one OR across the join would test
    // every event and its host.
    const ownMatches = db
      .select({ id: event.id })
      .from(event)
      .where(anyContains(term, [event.slug, event.url, event.contact, event.venue, event.address]));
    const hostMatches = db
      .select({ id: event.id })
      .from(event)
      .innerJoin(organization, eq(organization.id, event.hostId))
      .where(anyContains(term, [organization.domain, organization.fullname]));
    const rows = await db
      .select({ slug: event.slug, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(event)
      .where(inArray(event.id, union(ownMatches, hostMatches)))
      .orderBy(desc(event.slug))
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: eventPath(row.slug), text: row.slug })),
    };
  },
};
