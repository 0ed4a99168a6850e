import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { eventFilterChoices } from "../../src/events/list-queries.ts";
import { event } from "../../src/events/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";

const LIST = "/workshops/events/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** A date `days` from today (UTC). */
function daysFromToday(days: number): string {
  const date = new Date(`${todayIso()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

let counter = 0;
async function published(prefix: string, start: string, end: string, tags: string[] = []) {
  counter++;
  const row = await makeEvent(t.db, { slug: `${prefix}-${counter}-${process.pid}`, start, end, tags });
  await t.db
    .update(event)
    .set({
      country: "NO",
      venue: "Library",
      address: "Street 1",
      latitude: 1,
      longitude: 2,
      url: `https://example.org/${row.slug}/`,
    })
    .where(eq(event.id, row.id));
  return row;
}

describe("the events list", () => {
  test("lists events with their tags, instructors, host and a link to each", async () => {
    const host = await makeOrganization(t.db, { fullname: "Oslo University" });
    const row = await makeEvent(t.db, {
      slug: `2026-02-02-oslo-${process.pid}`,
      hostId: host.id,
      tags: ["SWC"],
    });
    await makeTask(t.db, { personId: (await makePerson(t.db)).id, eventId: row.id, role: "instructor" });
    const page = await (await adminClient()).get(`${LIST}?host=${host.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>All Events<\/h1>/);
    assert.match(page.body, new RegExp(`href="/workshops/event/${row.slug}/">${row.slug}</a>`));
    assert.match(page.body, /class="badge text-bg-primary me-1" title="[^"]*">SWC</);
    assert.match(page.body, />Oslo University</);
    assert.match(page.body, /<td>1<\/td>/);
    assert.match(page.body, /2026-01-10 – 2026-01-11/);
    assert.match(page.body, /href="\/workshops\/events\/add\/">New event/);
  });

  test("filters by status with the helper's definition relative to today", async () => {
    const upcoming = await published("upcoming", daysFromToday(5), daysFromToday(6));
    const past = await published("past", daysFromToday(-6), daysFromToday(-5));
    const page = await (await adminClient()).get(`${LIST}?state=upcoming_events&items_per_page=all`);
    assert.ok(page.body.includes(upcoming.slug));
    assert.ok(!page.body.includes(past.slug));
    const pastPage = await (await adminClient()).get(`${LIST}?state=past_events&items_per_page=all`);
    assert.ok(pastPage.body.includes(past.slug));
    assert.ok(!pastPage.body.includes(upcoming.slug));
  });

  test("keeps events having any of the chosen tags", async () => {
    const host = await makeOrganization(t.db);
    const dc = await makeEvent(t.db, { hostId: host.id, tags: ["DC"] });
    const lc = await makeEvent(t.db, { hostId: host.id, tags: ["LC", "DC"] });
    const none = await makeEvent(t.db, { hostId: host.id });
    const page = await (await adminClient()).get(
      `${LIST}?host=${host.id}&tags=${await tagId("DC")}&tags=${await tagId("LC")}`,
    );
    assert.ok(page.body.includes(dc.slug) && page.body.includes(lc.slug));
    assert.ok(!page.body.includes(none.slug));
    assert.equal(
      page.body.split(`href="/workshops/event/${lc.slug}/"`).length,
      3,
      "listed once (view link too)",
    );
  });

  test("filters by completion, and 'unknown' filters nothing", async () => {
    const host = await makeOrganization(t.db);
    const done = await makeEvent(t.db, { hostId: host.id });
    await t.db.update(event).set({ completed: true }).where(eq(event.id, done.id));
    const open = await makeEvent(t.db, { hostId: host.id });
    const completed = await (await adminClient()).get(`${LIST}?host=${host.id}&completed=true`);
    assert.ok(completed.body.includes(done.slug) && !completed.body.includes(open.slug));
    assert.match(completed.body, /<tr class="table-success">/);
    const any = await (await adminClient()).get(`${LIST}?host=${host.id}&completed=unknown`);
    assert.ok(any.body.includes(done.slug) && any.body.includes(open.slug));
  });

  test("filters by the assigned admin and by country", async () => {
    const host = await makeOrganization(t.db);
    const mine = await makeEvent(t.db, { hostId: host.id });
    await t.db.update(event).set({ assignedToId: admin.id, country: "NZ" }).where(eq(event.id, mine.id));
    const other = await makeEvent(t.db, { hostId: host.id });
    const page = await (await adminClient()).get(`${LIST}?assigned_to=${admin.id}`);
    assert.ok(page.body.includes(mine.slug) && !page.body.includes(other.slug));
    assert.match(page.body, new RegExp(`href="/workshops/person/${admin.id}/">Minerva</a>`));
    const country = await (await adminClient()).get(`${LIST}?country=NZ`);
    assert.ok(country.body.includes(mine.slug) && !country.body.includes(other.slug));
  });

  test("ignores an invalid filter value, shows its error and still applies the others", async () => {
    const host = await makeOrganization(t.db);
    const row = await makeEvent(t.db, { hostId: host.id });
    const page = await (await adminClient()).get(`${LIST}?host=${host.id}&state=bogus&assigned_to=999999`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(row.slug));
    assert.match(page.body, /id="id_state_errors"[^>]*><div>Select a valid choice/);
    assert.match(page.body, /id="id_assigned_to_errors"/);
  });

  test("orders by slug when asked", async () => {
    const host = await makeOrganization(t.db);
    const b = await makeEvent(t.db, { hostId: host.id, slug: `2026-01-01-bbb-${process.pid}` });
    const a = await makeEvent(t.db, { hostId: host.id, slug: `2026-01-01-aaa-${process.pid}` });
    const asc = (await (await adminClient()).get(`${LIST}?host=${host.id}&order_by=slug`)).body;
    assert.ok(asc.indexOf(a.slug) < asc.indexOf(b.slug));
    const desc = (await (await adminClient()).get(`${LIST}?host=${host.id}&order_by=-slug`)).body;
    assert.ok(desc.indexOf(b.slug) < desc.indexOf(a.slug));
  });

  test("shows 25 events a page", async () => {
    const host = await makeOrganization(t.db);
    for (let n = 0; n < 27; n++) await makeEvent(t.db, { hostId: host.id });
    const first = await (await adminClient()).get(`${LIST}?host=${host.id}`);
    assert.equal(first.body.match(/aria-label="View /g)?.length, 25);
    const second = await (await adminClient()).get(`${LIST}?host=${host.id}&page=2`);
    assert.equal(second.body.match(/aria-label="View /g)?.length, 2);
  });

  test("says so when no event matches", async () => {
    const host = await makeOrganization(t.db);
    await makeEvent(t.db, { hostId: host.id });
    const page = await (await adminClient()).get(`${LIST}?host=${host.id}&completed=true`);
    assert.match(page.body, /No events\./);
  });
});

async function tagId(name: string): Promise<number> {
  const { referenceId } = await import("../helpers/factories.ts");
  const { tag } = await import("../../src/reference/schema.ts");
  return referenceId(t.db, tag, name);
}

describe("filter choices", () => {
  test("list the assignees, the requested host, the administrators, tags, countries and continents", async () => {
    const host = await makeOrganization(t.db, { fullname: "Choice Host University" });
    const assigned = await makeEvent(t.db, { slug: `choices-1-${process.pid}`, hostId: host.id });
    await t.db.update(event).set({ assignedToId: admin.id, country: "NZ" }).where(eq(event.id, assigned.id));
    const choices = await eventFilterChoices(t.db, String(host.id));
    assert.ok(
      choices.assignedTo.some((item) => item.value === String(admin.id) && /Minerva/.test(item.label)),
    );
    assert.deepEqual(choices.host, [{ value: String(host.id), label: "Choice Host University" }]);
    assert.ok(choices.tags.some((item) => item.label === "SWC"));
    assert.ok(choices.country.some((item) => item.value === "NZ" && item.label === "New Zealand"));
    assert.ok(choices.continent.length > 0);
    assert.deepEqual((await eventFilterChoices(t.db, undefined)).host, []);
    assert.deepEqual((await eventFilterChoices(t.db, "not-a-number")).host, []);
  });
});
