import { and, ilike, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { person } from "../accounts/schema.ts";
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
