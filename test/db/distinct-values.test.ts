import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { distinctValues } from "../../src/db/distinct-values.ts";
import { event } from "../../src/events/schema.ts";
import { testDatabase } from "../helpers/database.ts";
import { makeEvent } from "../helpers/factories.ts";

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test("each non-null value of an indexed column comes once, in order", async () => {
  const { db } = database;
  assert.deepEqual(await distinctValues(db, event.country), []);
  for (const country of ["PL", "DE", null, "PL", "AU", null, "DE"]) {
    const made = await makeEvent(db);
    await db.update(event).set({ country }).where(eq(event.id, made.id));
  }
  assert.deepEqual(await distinctValues(db, event.country), ["AU", "DE", "PL"]);
});
