import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { count, eq, inArray } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import type { Database } from "../../src/db/client.ts";
import { countTableRows } from "../../src/db/row-counts.ts";
import { event } from "../../src/events/schema.ts";
import { countPersonsListed } from "../../src/people/list-queries.ts";
import { badge } from "../../src/reference/schema.ts";
import { testDatabase } from "../helpers/database.ts";
import { makeAward, makeEvent, makePerson, referenceId } from "../helpers/factories.ts";

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

async function countedAndActual(table: typeof person | typeof event) {
  const [actual] = await database.db.select({ n: count() }).from(table);
  return { counted: await countTableRows(database.db, table), actual: actual?.n };
}

test("the kept count follows multi-row inserts, deletes and rolled-back transactions", async () => {
  const { db } = database;
  const start = await countedAndActual(person);
  assert.equal(start.counted, start.actual);
  const added = await db
    .insert(person)
    .values([1, 2, 3].map((n) => ({ username: `counted_${n}`, personal: "Counted", family: `${n}` })))
    .returning({ id: person.id });
  assert.deepEqual(await countedAndActual(person), { counted: start.counted + 3, actual: start.counted + 3 });
  await db.delete(person).where(inArray(person.id, [added[0]?.id ?? 0, added[1]?.id ?? 0]));
  assert.deepEqual(await countedAndActual(person), { counted: start.counted + 1, actual: start.counted + 1 });
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.insert(person).values({ username: "rolled_back", personal: "Rolled", family: "Back" });
      throw new Error("roll back");
    }),
  );
  assert.deepEqual(await countedAndActual(person), { counted: start.counted + 1, actual: start.counted + 1 });
});

test("an insert that conflicts and does nothing leaves the count alone", async () => {
  const { db } = database;
  await makePerson(db, { username: "only_once" });
  const before = await countedAndActual(person);
  await db
    .insert(person)
    .values({ username: "only_once", personal: "Only", family: "Once" })
    .onConflictDoNothing();
  assert.deepEqual(await countedAndActual(person), before);
});

test("events are counted too, and a condition counts the matching rows", async () => {
  const { db } = database;
  const made = await makeEvent(db, { slug: "2026-01-01-counted" });
  const { counted, actual } = await countedAndActual(event);
  assert.equal(counted, actual);
  assert.equal(await countTableRows(db, event, eq(event.id, made.id)), 1);
});

test("a badge filter alone counts each holder once", async () => {
  const { db } = database;
  const holder = await makePerson(db, { username: "badge_holder" });
  await makeAward(db, { personId: holder.id, badge: "instructor" });
  await makeAward(db, { personId: holder.id, badge: "trainer" });
  const badgeIds = await Promise.all(["instructor", "trainer"].map((name) => referenceId(db, badge, name)));
  assert.equal(await countPersonsListed(db, { badgeIds, taughtTagIds: [], orderBy: undefined }), 1);
});
