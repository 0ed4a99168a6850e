import type { SearchHit, SectionResults } from "./registry.ts";

/** Results shown per section; the rest are counted. */
export const SECTION_LIMIT = 100;

/** The one result over all sections, when there is exactly one: the search then goes straight to it. */
export function onlyHit(results: readonly SectionResults[]): SearchHit | undefined {
  const total = results.reduce((sum, section) => sum + section.count, 0);
  if (total !== 1) return undefined;
  return results.find((section) => section.items.length === 1)?.items[0];
}

export function movedMessage(term: string): string {
  return `You were moved to this page, because your search "${term}" yields only this result.`;
}
