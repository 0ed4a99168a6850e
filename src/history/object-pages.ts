import type { Executor } from "../db/client.ts";

/** How to reach a record's page from its primary key: its path, or undefined when it does not exist. */
export type ObjectPage = (db: Executor, objectPk: string) => Promise<string | undefined>;

// Each module adds the records that have a page when its routes are registered (persons,
// organisations, events …). The history links versions to these pages, and only these records take
// comments, since only they show a comment thread.
const pages = new Map<string, ObjectPage>();

/** Declares the page of a content type ("app_label.model"). */
export function registerObjectPage(contentType: string, pageOf: ObjectPage): void {
  pages.set(contentType, pageOf);
}

export function objectPageOf(contentType: string): ObjectPage | undefined {
  return pages.get(contentType);
}
