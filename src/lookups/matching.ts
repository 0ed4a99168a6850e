import { and, ilike, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { containsPattern, twoTokens } from "./rules.ts";

// `ilike '%term%'` on purpose: the trigram GIN indexes on these columns answer it without a table scan.

/** Any of the columns contains the term (case-insensitive); no condition for an empty term. */
export function anyContains(term: string, columns: readonly (PgColumn | SQL)[]): SQL | undefined {
  if (!term) return undefined;
  const pattern = containsPattern(term);
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** "t1 t2": personal ∋ t1 and family ∋ t2, or the other way round; nothing unless the term is two words. */
export function personalFamilyCross(term: string): SQL | undefined {
  const tokens = twoTokens(term);
  if (!tokens) return undefined;
  const [first, second] = tokens.map(containsPattern) as [string, string];
  return or(
    and(ilike(person.personal, first), ilike(person.family, second)),
    and(ilike(person.personal, second), ilike(person.family, first)),
  );
}

/** A person whose listed columns contain the term, or whose names match it as two words. */
export function personMatches(term: string, columns: readonly PgColumn[]): SQL | undefined {
  if (!term) return undefined;
  return or(anyContains(term, columns), personalFamilyCross(term));
}

/**
 * The persons meeting the condition (names and email), as a sub-query to sort and page. Its limit,
 * which never binds, keeps the planner from merging it into an ordered scan testing every person:
 * planned on its own, the condition is answered by the trigram indexes. (Drizzle leaves out an
 * `offset 0`, the usual fence.)
 */
export function personsMatching(db: Executor, condition: SQL | undefined) {
  return db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(condition)
    .limit(Number.MAX_SAFE_INTEGER)
    .as("matches");
}

/** The columns a person is usually searched by. */
export const PERSON_NAME_AND_EMAIL = [person.personal, person.family, person.email];
