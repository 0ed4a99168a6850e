import { join } from "node:path";
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";
import { StatementCachingClient } from "./statement-cache.ts";

type Schema = typeof schema;
/** The database handle every query function takes: the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A query function accepts the database or a transaction. */
export type Executor = Db | Tx;

export type Database =
  | { kind: "pglite"; db: Db; close(): Promise<void> }
  | { kind: "postgres"; db: Db; pool: pg.Pool; close(): Promise<void> };

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  const unlock = lockDataDir(options.dataDir);
  try {
    const client = await createPglite({ dataDir: join(options.dataDir, "pglite") });
    return wrapPglite(client, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * An embedded database with the extensions the migrations create (PGlite must load them itself).
 * PGlite is imported here, so a server on PostgreSQL never loads it.
 */
export async function createPglite(options: PGliteOptions = {}): Promise<PGlite> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: StatementCachingClient });
  return {
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    kind: "postgres",
    pool,
    close: () => pool.end(),
  };
}

export function wrapPglite(client: PGlite, onClose: () => void = () => {}): Database {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    async close() {
      await client.close();
      onClose();
    },
  };
}
