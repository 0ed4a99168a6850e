import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { distinctValuesQuery } from "../../src/db/distinct-values.ts";
import { rawRows } from "../../src/db/raw-rows.ts";
import { event } from "../../src/events/schema.ts";
import { testDatabase } from "../helpers/database.ts";
import { makeEvent } from "../helpers/factories.ts";

let database: Database;

async function countries(): Promise<string[]> {
  const rows = await rawRows<{ value: string }>(database.db, distinctValuesQuery(event.country));
  return rows.map((row) => row.value);
}
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test("each non-null value of an indexed column comes once, in order", async () => {
  const { db } = database;
  assert.deepEqual(await countries(), []);
  for (const country of ["PL", "DE", null, "PL", "AU", null, "DE"]) {
    const made = await makeEvent(db);
    await db.update(event).set({ country }).where(eq(event.id, made.id));
  }
  assert.deepEqual(await countries(), ["AU", "DE", "PL"]);
});
