import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import {
  activeEvents,
  attendanceColumns,
  currentEvents,
  metadataChangedEvents,
  ongoingEvents,
  pastEvents,
  publishedEvents,
  tttEvents,
  unpublishedEvents,
  upcomingEvents,
} from "../../src/events/queries.ts";
import { event } from "../../src/events/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { makeEvent, makePerson, makeTask } from "../helpers/factories.ts";

// The helpers on crafted dates around a chosen "today".
const TODAY = "2030-06-15";

let t: TestApp;
const ids: Record<string, number> = {};

type Options = { start?: string | null; end?: string | null; tags?: string[]; unpublished?: boolean };

async function crafted(name: string, options: Options, extra: Partial<typeof event.$inferInsert> = {}) {
  const row = await makeEvent(t.db, {
    slug: `${name}-${process.pid}`,
    start: options.start === undefined ? null : options.start,
    end: options.end === undefined ? null : options.end,
    tags: options.tags ?? [],
  });
  const complete = {
    country: "NO",
    venue: "Library",
    address: "Main street 1",
    latitude: 59.9,
    longitude: 10.7,
    url: `https://example.org/${name}-${process.pid}/`,
  };
  const values = { ...(options.unpublished ? {} : complete), ...extra };
  if (Object.keys(values).length > 0) await t.db.update(event).set(values).where(eq(event.id, row.id));
  ids[name] = row.id;
}

before(async () => {
  t = await startTestApp();
  await crafted("upcoming", { start: "2030-06-20", end: "2030-06-21" });
  await crafted("starts-today", { start: TODAY, end: "2030-06-16" });
  await crafted("ongoing", { start: "2030-06-14", end: "2030-06-16" });
  await crafted("ends-today", { start: "2030-06-10", end: TODAY });
  await crafted("started-no-end", { start: "2030-06-14" });
  await crafted("past", { start: "2030-06-01", end: "2030-06-02" });
  await crafted("past-no-end", { start: "2030-06-01" });
  await crafted("ended-yesterday", { start: "2030-06-13", end: "2030-06-14" });
  await crafted("undated", { unpublished: true });
  await crafted("no-url", { start: "2030-06-20", end: "2030-06-21" }, { url: null });
  await crafted("no-venue", { start: "2030-06-20", end: "2030-06-21" }, { venue: "" });
  await crafted("cancelled", { start: "2030-06-20", end: "2030-06-21", tags: ["cancelled"] });
  await crafted("stalled", { start: "2030-06-20", end: "2030-06-21", tags: ["stalled"] });
  await crafted("unresponsive", { start: "2030-06-20", end: "2030-06-21", tags: ["unresponsive"] });
  await crafted("completed", { start: "2030-06-20", end: "2030-06-21" }, { completed: true });
  await crafted("cancelled-unpublished", { start: "2030-06-20", tags: ["cancelled"], unpublished: true });
  await crafted("ttt", { start: "2030-06-20", end: "2030-06-21", tags: ["TTT", "SWC"] });
  await crafted("metadata", { start: "2030-06-20", end: "2030-06-21" }, { metadataChanged: true });
});
after(() => t.close());

async function namesWhere(condition: SQL, orderBy: SQL[] = [asc(event.slug)]): Promise<string[]> {
  const rows = await t.db
    .select({ id: event.id })
    .from(event)
    .where(and(condition, inArray(event.id, Object.values(ids))))
    .orderBy(...orderBy);
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return rows.map((row) => byId.get(row.id) ?? "?");
}

const sorted = (names: string[]) => [...names].sort();

describe("event query helpers", () => {
  test("active leaves out completed, stalled, cancelled and unresponsive events", async () => {
    const names = await namesWhere(activeEvents());
    for (const gone of ["completed", "stalled", "cancelled", "unresponsive", "cancelled-unpublished"]) {
      assert.ok(!names.includes(gone), gone);
    }
    assert.ok(names.includes("upcoming") && names.includes("undated"));
  });

  test("past events started and ended (or have no end) before today; undated ones never are", async () => {
    assert.deepEqual(sorted(await namesWhere(pastEvents(TODAY))), [
      "ended-yesterday",
      "past",
      "past-no-end",
      "started-no-end",
    ]);
  });

  test("published events have every place, date and URL field and are not cancelled", async () => {
    const names = await namesWhere(publishedEvents());
    for (const gone of ["undated", "no-url", "no-venue", "cancelled", "cancelled-unpublished"]) {
      assert.ok(!names.includes(gone), gone);
    }
    for (const kept of ["upcoming", "past", "stalled", "completed", "ttt"])
      assert.ok(names.includes(kept), kept);
  });

  test("unpublished events are active events with something missing, ordered by slug", async () => {
    assert.deepEqual(await namesWhere(unpublishedEvents()), ["no-url", "no-venue", "undated"]);
  });

  test("upcoming events are published ones starting after today", async () => {
    const names = await namesWhere(upcomingEvents(TODAY));
    assert.ok(names.includes("upcoming") && names.includes("completed") && names.includes("stalled"));
    for (const gone of ["starts-today", "ongoing", "no-url", "cancelled"])
      assert.ok(!names.includes(gone), gone);
  });

  test("ongoing events are published ones running today; one without an end is not", async () => {
    assert.deepEqual(sorted(await namesWhere(ongoingEvents(TODAY))), [
      "ends-today",
      "ongoing",
      "starts-today",
    ]);
  });

  test("current events are upcoming or ongoing, and active", async () => {
    const names = await namesWhere(currentEvents(TODAY));
    assert.deepEqual(sorted(names), ["ends-today", "metadata", "ongoing", "starts-today", "ttt", "upcoming"]);
  });

  test("metadata_changed and ttt pick the flagged and the TTT-tagged events", async () => {
    assert.deepEqual(await namesWhere(metadataChangedEvents()), ["metadata"]);
    assert.deepEqual(await namesWhere(tttEvents()), ["ttt"]);
  });

  test("a changed today moves events between past, ongoing and upcoming", async () => {
    assert.ok((await namesWhere(upcomingEvents("2030-06-19"))).includes("upcoming"));
    assert.ok(!(await namesWhere(upcomingEvents("2030-06-20"))).includes("upcoming"));
    assert.ok((await namesWhere(ongoingEvents("2030-06-20"))).includes("upcoming"));
    assert.ok((await namesWhere(pastEvents("2030-06-22"))).includes("upcoming"));
  });
});

describe("attendance annotation", () => {
  test("counts learner tasks and takes the larger of that and the typed-in number", async () => {
    const id = ids.ongoing ?? 0;
    for (let n = 0; n < 3; n++) {
      await makeTask(t.db, { personId: (await makePerson(t.db)).id, eventId: id, role: "learner" });
    }
    await makeTask(t.db, { personId: (await makePerson(t.db)).id, eventId: id, role: "instructor" });
    const read = async () => (await t.db.select(attendanceColumns()).from(event).where(eq(event.id, id)))[0];
    assert.deepEqual(await read(), { learnerTasksCount: 3, attendance: 3 });
    await t.db.update(event).set({ manualAttendance: 20 }).where(eq(event.id, id));
    assert.deepEqual(await read(), { learnerTasksCount: 3, attendance: 20 });
  });
});
