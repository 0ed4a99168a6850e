import { count, eq, getTableName, type SQL, sql } from "drizzle-orm";
import { bigint, check, type PgTable, pgTable, text } from "drizzle-orm/pg-core";
import type { Executor } from "./client.ts";

/**
 * The number of rows of the large tables whose lists open unfiltered, kept exact by statement
 * triggers (migration 0005_row_counts): counting 100,000 persons on every page of their list would
 * cost more than the rest of the page.
 */
export const rowCount = pgTable(
  "amy_row_count",
  {
    tableName: text("table_name").primaryKey(),
    rowCount: bigint("row_count", { mode: "number" }).notNull(),
  },
  (table) => [check("amy_row_count_row_count_check", sql`${table.rowCount} >= 0`)],
);

/** The tables migration 0005 keeps a count of. */
const COUNTED_TABLES = new Set([
  "workshops_person",
  "workshops_event",
  "workshops_task",
  "workshops_organization",
]);

/** How many rows of the table meet the condition; with none, a counted table's count is read, not made. */
export async function countTableRows(db: Executor, table: PgTable, condition?: SQL): Promise<number> {
  const name = getTableName(table);
  if (!condition && COUNTED_TABLES.has(name)) {
    const [row] = await db
      .select({ rows: rowCount.rowCount })
      .from(rowCount)
      .where(eq(rowCount.tableName, name));
    if (row) return row.rows;
  }
  const [row] = await db.select({ n: count() }).from(table).where(condition);
  return row?.n ?? 0;
}
