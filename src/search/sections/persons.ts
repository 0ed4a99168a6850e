import { sql } from "drizzle-orm";
import { person } from "../../accounts/schema.ts";
import { personMatches, personsMatching } from "../../lookups/index.ts";
import { personDisplay } from "../../people/index.ts";
import type { SearchSection } from "../registry.ts";
import { totalOf } from "./total.ts";

export function personPath(id: number): string {
  return `/workshops/person/${id}/`;
}

const MATCHED_COLUMNS = [
  person.personal,
  person.middle,
  person.family,
  person.email,
  person.secondaryEmail,
  person.github,
];

export const personsSearch: SearchSection = {
  key: "persons",
  title: "Persons",
  async search(db, term, limit) {
    const matches = personsMatching(db, personMatches(term, MATCHED_COLUMNS));
    const rows = await db
      .select({
        id: matches.id,
        personal: matches.personal,
        middle: matches.middle,
        family: matches.family,
        email: matches.email,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(matches)
      .orderBy(matches.family, matches.personal, matches.id)
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: personPath(row.id), text: personDisplay(row) })),
    };
  },
};
