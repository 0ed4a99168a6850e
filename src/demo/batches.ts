import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
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

export type CellValue = string | number | boolean | null;

/** A column set from a list of values: its name and the PostgreSQL type its values are cast to. */
export interface ValueColumn {
  name: string;
  type: "int" | "uuid" | "bool";
}

/**
 * Changes existing rows in multi-row statements of `size` rows, all in one transaction:
 * `update <table> set <column> = v.<column>, … from (values …) as v(id, …) where <table>.id = v.id`.
 * The first column is the row's id; each row of `rows` holds one value per column.
 */
export async function updateInBatches(
  loader: Loader,
  label: string,
  table: PgTable,
  columns: readonly [ValueColumn, ...ValueColumn[]],
  rows: readonly CellValue[][],
  size: number,
): Promise<void> {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const names = sql.raw(columns.map((column) => quoted(column.name)).join(", "));
  const assignments = sql.raw(
    columns
      .slice(1)
      .map((column) => `${quoted(column.name)} = v.${quoted(column.name)}`)
      .join(", "),
  );
  const key = sql.raw(
    `${quoted(getTableName(table))}.${quoted(columns[0].name)} = v.${quoted(columns[0].name)}`,
  );
  await loader.db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      const values = sql.join(
        batch.map(
          (row) =>
            sql`(${sql.join(
              row.map((value, index) => sql`${value}::${sql.raw(columns[index]?.type ?? "text")}`),
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      await tx.execute(
        sql`update ${table} set ${assignments} from (values ${values}) as v(${names}) where ${key}`,
      );
      loader.progress(label, start + batch.length, rows.length);
    }
  });
}
