import type { Executor } from "../db/client.ts";

/** One link in a section's results. */
export interface SearchHit {
  href: string;
  text: string;
}

export interface SectionResults {
  /** All matches, even those beyond the ones shown. */
  count: number;
  /** At most `limit` of them, in the section's order. */
  items: SearchHit[];
}

/**
 * A kind of record the global search looks through. Each module that owns such records provides
 * one; src/modules.ts lists them in the order the page shows them.
 */
export interface SearchSection {
  /** Stable id: the section's anchor on the page. */
  key: string;
  title: string;
  /** A feature flag of the configuration the section needs: while it is off the section is left out. */
  flag?: "serviceOffering";
  /** `term` is trimmed and non-empty; matching is a case-insensitive "contains". */
  search(db: Executor, term: string, limit: number): Promise<SectionResults>;
}
