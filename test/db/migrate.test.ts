import assert from "node:assert/strict";
import { test } from "node:test";
import { createPglite, wrapPglite } from "../../src/db/client.ts";
import { hasPendingMigrations, migrate } from "../../src/db/migrate.ts";
import { testDatabase } from "../helpers/database.ts";

test("a migrated database has no pending migrations", async () => {
  const database = await testDatabase();
  try {
    assert.equal(await hasPendingMigrations(database), false);
  } finally {
    await database.close();
  }
});

test("an empty database has pending migrations until it is migrated, and migrating twice is harmless", async () => {
  const database = wrapPglite(await createPglite());
  try {
    assert.equal(await hasPendingMigrations(database), true);
    await migrate(database);
    await migrate(database);
    assert.equal(await hasPendingMigrations(database), false);
  } finally {
    await database.close();
  }
});
