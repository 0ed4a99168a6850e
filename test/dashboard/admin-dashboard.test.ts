import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { dashboardEvents } from "../../src/dashboard/queries.ts";
import { event } from "../../src/events/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makePerson, makeSuperuser, makeTask, PASSWORD } from "../helpers/factories.ts";

const DASHBOARD = "/dashboard/admin/";
const TODAY = "2030-06-15";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

let counter = 0;
/** An event with every field a website listing needs, assigned as told. */
async function makePublished(
  options: { start: string | null; end: string | null; tags?: string[]; assignedToId?: number | null },
  changes: Partial<typeof event.$inferInsert> = {},
) {
  counter++;
  const row = await makeEvent(t.db, {
    start: options.start,
    end: options.end,
    tags: options.tags ?? ["SWC"],
  });
  await t.db
    .update(event)
    .set({
      url: `https://example.org/dashboard-${counter}-${process.pid}/`,
      country: "PL",
      venue: "Library",
      address: "1 Main Street",
      latitude: 52.2,
      longitude: 21.0,
      assignedToId: options.assignedToId ?? null,
      ...changes,
    })
    .where(eq(event.id, row.id));
  return row;
}

const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug);

describe("current workshops on a given day", () => {
  let admin: Awaited<ReturnType<typeof makeAdmin>>;
  before(async () => {
    admin = await makeAdmin(t.db);
  });

  test("lists upcoming and ongoing published events by start, and leaves out past and unfinished ones", async () => {
    const a = { assignedToId: admin.id };
    const later = await makePublished({ start: "2030-07-01", end: "2030-07-02", ...a });
    const ongoing = await makePublished({ start: "2030-06-14", end: "2030-06-15", ...a });
    const tomorrow = await makePublished({ start: "2030-06-16", end: null, ...a });
    await makePublished({ start: "2030-06-10", end: "2030-06-14", ...a });
    await makePublished({ start: "2030-06-14", end: null, ...a });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", ...a }, { url: null });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", ...a }, { venue: "" });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", ...a }, { completed: true });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", tags: ["SWC", "cancelled"], ...a });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", tags: ["DC", "stalled"], ...a });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", tags: ["LC", "unresponsive"], ...a });
    const rows = (await dashboardEvents(t.db, TODAY, admin.id)).current;
    assert.deepEqual(slugs(rows), [ongoing.slug, tomorrow.slug, later.slug]);
  });

  test("shows only the main tags of a current event", async () => {
    const other = await makeAdmin(t.db);
    await makePublished({
      start: "2030-07-01",
      end: "2030-07-02",
      tags: ["TTT", "online", "LC"],
      assignedToId: other.id,
    });
    const [row] = (await dashboardEvents(t.db, TODAY, other.id)).current;
    assert.deepEqual(row?.tags.sort(), ["LC", "TTT"]);
  });

  test("lists active unpublished events newest first with their instructor count and what they lack", async () => {
    const owner = await makeAdmin(t.db);
    const a = { assignedToId: owner.id };
    const noUrl = await makePublished({ start: "2030-05-01", end: "2030-05-02", ...a }, { url: null });
    const undated = await makePublished({ start: null, end: null, ...a });
    const noPlace = await makePublished({ start: "2030-08-01", end: null, ...a }, { latitude: null });
    await makePublished({ start: "2030-07-01", end: "2030-07-02", ...a });
    await makePublished({ start: null, end: null, ...a }, { completed: true });
    await makeTask(t.db, { personId: owner.id, eventId: noPlace.id });
    const rows = (await dashboardEvents(t.db, TODAY, owner.id)).inProgress;
    assert.deepEqual(slugs(rows), [undated.slug, noPlace.slug, noUrl.slug]);
    const byslug = new Map(rows.map((row) => [row.slug, row]));
    assert.equal(byslug.get(noPlace.slug)?.instructors, 1);
    assert.equal(byslug.get(noPlace.slug)?.hasLocation, false);
    assert.equal(byslug.get(noUrl.slug)?.hasUrl, false);
    assert.equal(byslug.get(noUrl.slug)?.hasLocation, true);
    assert.equal(byslug.get(undated.slug)?.hasDates, false);
  });
});

describe("whose events the dashboard shows (assigned_to)", () => {
  let viewer: Awaited<ReturnType<typeof makeAdmin>>;
  let colleague: Awaited<ReturnType<typeof makeAdmin>>;
  let boss: Awaited<ReturnType<typeof makeSuperuser>>;
  let client: Client;
  const mine = "2099-01-01-mine";
  const theirs = "2099-01-01-theirs";
  const bosses = "2099-01-01-bosses";
  const nobodys = "2099-01-01-nobodys";

  before(async () => {
    viewer = await makeAdmin(t.db);
    colleague = await makeAdmin(t.db);
    boss = await makeSuperuser(t.db);
    for (const [slug, assignedToId] of [
      [mine, viewer.id],
      [theirs, colleague.id],
      [bosses, boss.id],
      [nobodys, null],
    ] as const) {
      const row = await makeEvent(t.db, { slug, start: null, end: null, tags: ["SWC"] });
      await t.db.update(event).set({ assignedToId }).where(eq(event.id, row.id));
    }
    client = await new Client(t.app).logIn(viewer.username, PASSWORD);
  });

  const shown = (html: string) =>
    [mine, theirs, bosses, nobodys].filter((slug) => html.includes(`>${slug}<`));

  test("shows the viewer's own events when no one is chosen", async () => {
    const response = await client.get(DASHBOARD);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(shown(response.body), [mine]);
    assert.match(response.body, /id="assignment-form"/);
    assert.match(response.body, new RegExp(`<option value="${viewer.id}" selected`));
  });

  test("shows only unassigned events when assigned_to is empty", async () => {
    assert.deepEqual(shown((await client.get(`${DASHBOARD}?assigned_to=`)).body), [nobodys]);
  });

  test("shows another administrator's or a superuser's events when chosen", async () => {
    assert.deepEqual(shown((await client.get(`${DASHBOARD}?assigned_to=${colleague.id}`)).body), [theirs]);
    assert.deepEqual(shown((await client.get(`${DASHBOARD}?assigned_to=${boss.id}`)).body), [bosses]);
  });

  test("falls back to unassigned events when assigned_to names someone who cannot be assigned", async () => {
    const plain = await makePerson(t.db);
    for (const value of [String(plain.id), "999999", "abc"]) {
      assert.deepEqual(shown((await client.get(`${DASHBOARD}?assigned_to=${value}`)).body), [nobodys], value);
    }
  });

  test("shows a steering-committee member the unassigned events, as they cannot be assigned any", async () => {
    const member = await makePerson(t.db, { groups: ["steering committee"] });
    const theirClient = await new Client(t.app).logIn(member.username, PASSWORD);
    const response = await theirClient.get(DASHBOARD);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(shown(response.body), [nobodys]);
  });

  test("offers superusers and administrators once each, and no one else", async () => {
    const plain = await makePerson(t.db, { groups: ["steering committee"] });
    const both = await makeSuperuser(t.db, { groups: ["administrators"] });
    const html = (await client.get(DASHBOARD)).body;
    const form = html.slice(
      html.indexOf('id="assignment-form"'),
      html.indexOf("</form>", html.indexOf('id="assignment-form"')),
    );
    assert.equal(form.split(`value="${both.id}"`).length - 1, 1);
    assert.ok(form.includes(`value="${boss.id}"`));
    assert.ok(!form.includes(`value="${plain.id}"`));
  });

  test("warns about events whose website data changed, linking to the filtered events list", async () => {
    await t.db.update(event).set({ metadataChanged: true }).where(eq(event.slug, mine));
    const html = (await client.get(DASHBOARD)).body;
    assert.match(html, /1 of your events had data on website updated/);
    assert.match(html, /href="\/workshops\/events\/\?state=metadata_changed"/);
    assert.doesNotMatch((await client.get(`${DASHBOARD}?assigned_to=`)).body, /had data on website updated/);
  });

  test("lists a current event of the viewer in the current workshops", async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const row = await makePublished({ start: soon, end: soon, assignedToId: viewer.id });
    const html = (await client.get(DASHBOARD)).body;
    const current = html.slice(html.indexOf("Current workshops"), html.indexOf("In progress workshops"));
    assert.ok(current.includes(`>${row.slug}<`));
  });
});

describe("access", () => {
  test("sends a member without admin rights away", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(DASHBOARD)).statusCode, 403);
  });
});
