import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { count, eq, like, type SQL } from "drizzle-orm";
import { dashboardEvents, listAssignableAdmins } from "../../src/dashboard/queries.ts";
import { runSeeders } from "../../src/db/seed.ts";
import { event, eventTag, task } from "../../src/events/schema.ts";
import { demoSeeders } from "../../src/modules.ts";
import { organization } from "../../src/organizations/schema.ts";
import { listWorkshopIssues } from "../../src/reports/workshop-issues-queries.ts";
import { testDatabase } from "../helpers/database.ts";

let database: Awaited<ReturnType<typeof testDatabase>>;
const today = new Date().toISOString().slice(0, 10);

before(async () => {
  database = await testDatabase();
  await runSeeders(database.db, demoSeeders);
});
after(() => database.close());

const total = async (table: typeof event | typeof task | typeof eventTag) =>
  (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

test("loading the demo twice adds its workshops and tasks only once", async () => {
  const before = { events: await total(event), tasks: await total(task), tags: await total(eventTag) };
  assert.ok(before.events >= 20);
  await runSeeders(database.db, demoSeeders);
  assert.deepEqual(
    { events: await total(event), tasks: await total(task), tags: await total(eventTag) },
    before,
  );
});

test("has current, unpublished, self-organised, training, completed and online workshops", async () => {
  const db = database.db;
  const [selfOrganized] = await db
    .select()
    .from(organization)
    .where(eq(organization.domain, "self-organized"));
  assert.ok(selfOrganized);
  const eventsWhere = async (where: SQL) =>
    (await db.select({ n: count() }).from(event).where(where))[0]?.n ?? 0;
  assert.ok((await eventsWhere(eq(event.administratorId, selfOrganized.id))) >= 3);
  assert.ok((await eventsWhere(like(event.slug, "%-ttt"))) >= 3);
  assert.ok((await eventsWhere(eq(event.completed, true))) >= 3);
  assert.ok((await eventsWhere(eq(event.country, "W3"))) >= 3);
  const dashboard = await dashboardEvents(db, today, null);
  assert.ok(dashboard.current.length > 0);
  assert.ok(dashboard.inProgress.length > 0);
  assert.ok((await listWorkshopIssues(db, today, null)).length > 0);
});

test("assigns some workshops to an admin who can be assigned events", async () => {
  const rows = await database.db.selectDistinct({ id: event.assignedToId }).from(event);
  const assignees = rows.flatMap((row) => (row.id === null ? [] : [row.id]));
  assert.ok(assignees.length > 0);
  const admins = await listAssignableAdmins(database.db);
  for (const id of assignees)
    assert.ok(
      admins.some((admin) => admin.id === id),
      `person ${id} is not an admin`,
    );
});
