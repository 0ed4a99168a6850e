import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { projectPath } from "../paths.ts";
import type { Database } from "./client.ts";

const migrationsFolder = projectPath("src/db/migrations");
// Any constant works: it keeps two processes that migrate the same server from racing.
const MIGRATION_LOCK_ID = 4_206_931;

export async function migrate(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // The embedded database is held by this process alone (see lock.ts).
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lockHolder = await database.pool.connect();
  try {
    await lockHolder.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await lockHolder.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    lockHolder.release();
  }
}

/** True when the database lacks migrations this code has (checked before serving on a server database). */
export async function hasPendingMigrations(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  // Before the first migration the table does not exist: the query fails, and everything is pending.
  const result = await database.db
    .execute(sql`select max(created_at) as applied from drizzle.__drizzle_migrations`)
    .catch(() => undefined);
  const rows = (result as { rows?: { applied: string | null }[] } | undefined)?.rows;
  const applied = Number(rows?.[0]?.applied ?? 0);
  return applied < newest;
}
