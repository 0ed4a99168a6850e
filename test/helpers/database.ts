import { readFile, writeFile } from "node:fs/promises";
import pg from "pg";
import { createPglite, type Database, openPostgres, wrapPglite } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { runSeeders } from "../../src/db/seed.ts";
import { referenceSeeders } from "../../src/modules.ts";

// The test run migrates one template database (global-setup.ts); each test file works on its own copy.
const SNAPSHOT_ENV = "AMY_TEST_PGLITE_SNAPSHOT";
const TEMPLATE_ENV = "AMY_TEST_TEMPLATE_DB";

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function prepare(database: Database): Promise<void> {
  await migrate(database);
  await runSeeders(database.db, referenceSeeders);
}

/** Called once per run: builds the migrated, seeded template. */
export async function createTemplate(snapshotPath: string): Promise<void> {
  const url = serverUrl();
  if (!url) {
    const client = await createPglite();
    const database = wrapPglite(client);
    await prepare(database);
    const dump = await client.dumpDataDir("none");
    await writeFile(snapshotPath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    process.env[SNAPSHOT_ENV] = snapshotPath;
    return;
  }
  const name = `amy_template_${process.pid}`;
  await adminQuery(url, `drop database if exists ${name}`);
  await adminQuery(url, `create database ${name}`);
  const database = openPostgres(withDatabase(url, name), 2);
  await prepare(database);
  await database.close();
  process.env[TEMPLATE_ENV] = name;
}

export async function dropTemplate(): Promise<void> {
  const url = serverUrl();
  const name = process.env[TEMPLATE_ENV];
  if (url && name) await adminQuery(url, `drop database if exists ${name}`);
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let copies = 0;

/** A fresh, migrated database of its own for one test file; `close()` throws it away. */
export async function testDatabase(): Promise<Database> {
  const url = serverUrl();
  if (!url) {
    const snapshot = process.env[SNAPSHOT_ENV];
    if (!snapshot) throw new Error("Run the tests with npm test (the global setup prepares the database).");
    const client = await createPglite({ loadDataDir: new Blob([await readFile(snapshot)]) });
    return wrapPglite(client);
  }
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error("Run the tests with npm test (the global setup prepares the database).");
  const name = `amy_test_${process.pid}_${copies++}`;
  await cloneTemplate(url, name, template);
  const database = openPostgres(withDatabase(url, name), 4);
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(url, `drop database if exists ${name}`);
    },
  };
}

async function cloneTemplate(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(url, `create database ${name} template ${template}`);
      return;
    } catch (error) {
      // Two files cloning at the same instant can see each other on the template: wait and retry.
      const busy = String((error as Error).message).includes("is being accessed by other users");
      if (!busy || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
