import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";

/** Runs a hand-written statement and returns its rows, as both drivers answer `{ rows }`. */
export async function rawRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The rows of a query as one array of JSON objects (keyed by column name), in the query's order. */
export function rowsAsArray(query: SQLWrapper): SQL {
  return sql`array(select row_to_json(row) from (${query}) as row)`;
}
