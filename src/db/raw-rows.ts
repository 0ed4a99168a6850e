import type { SQL } from "drizzle-orm";
import type { Executor } from "./client.ts";

/** Runs a hand-written statement and returns its rows, as both drivers answer `{ rows }`. */
export async function rawRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
