import type { Db, Executor } from "../db/client.ts";
import type { Random } from "./random.ts";

export type Progress = (table: string, rows: number, total: number) => void;

/** What every table's generator needs: the database, the seeded generator and a progress reporter. */
export interface Loader {
  db: Db;
  random: Random;
  progress: Progress;
}

/**
 * Inserts the rows as multi-row statements of `size` rows, all in one transaction per table, and
 * returns what the statements return (ids, for the tables others point at).
 */
export async function insertInBatches<Row, Result>(
  loader: Loader,
  table: string,
  rows: readonly Row[],
  size: number,
  insert: (tx: Executor, batch: Row[]) => Promise<Result[]>,
): Promise<Result[]> {
  const results: Result[] = [];
  await loader.db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      results.push(...(await insert(tx, batch)));
      loader.progress(table, start + batch.length, rows.length);
    }
  });
  return results;
}

/** Zero-padded, so generated names sort in creation order. */
export function padded(index: number, width: number): string {
  return String(index).padStart(width, "0");
}

/** A date as YYYY-MM-DD, `days` after 2012-01-01. */
export function dayAfterEpoch(days: number): string {
  return new Date(Date.UTC(2012, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}
