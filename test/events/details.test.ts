import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { event, eventTag } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeAward, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "McGonagall" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const pathOf = (slug: string) => `/workshops/event/${slug}/`;
const findEvent = async (id: number) => (await t.db.select().from(event).where(eq(event.id, id)))[0];
const versionsOf = (id: number) =>
  t.db
    .select()
    .from(version)
    .where(eq(version.objectId, String(id)));

describe("the event page", () => {
  test("shows the event's fields, tasks, attendance and places to act", async () => {
    const row = await makeEvent(t.db, { tags: ["SWC"], start: "2018-09-01", end: "2018-09-30" });
    await t.db
      .update(event)
      .set({ latitude: 59.9, longitude: 10.7, contact: "a@x.org;b@y.org", url: "https://me.github.io/ws/" })
      .where(eq(event.id, row.id));
    const learner = await makePerson(t.db, { personal: "Harry", family: "Potter" });
    await makeTask(t.db, { personId: learner.id, eventId: row.id, role: "learner" });
    const page = await (await adminClient()).get(pathOf(row.slug));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<h1[^>]*>Event ${row.slug}</h1>`));
    assert.match(page.body, /Sep 01 - 30, 2018/);
    assert.match(page.body, new RegExp(`href="/workshops/person/${learner.id}/">Harry Potter</a>`));
    assert.match(page.body, /<th scope="row" class="w-25">Attendance<\/th><td>1 /);
    assert.match(page.body, /<div>a@x.org<\/div><div>b@y.org<\/div>/);
    assert.match(
      page.body,
      /href="\/workshops\/workshop_staff\/\?latitude=59.9&amp;longitude=10.7&amp;submit=Submit"/,
    );
    assert.match(page.body, new RegExp(`action="${pathOf(row.slug)}delete/"`));
    assert.match(page.body, new RegExp(`action="${pathOf(row.slug)}assign/"`));
    assert.match(page.body, /data-lookup="\/select_lookups\/admins\/"/);
    assert.match(page.body, new RegExp(`href="${pathOf(row.slug)}edit/"`));
    assert.match(page.body, /id="comments"/);
  });

  test("renders an event without dates, flagging what is missing", async () => {
    const row = await makeEvent(t.db, { start: null, end: null });
    const page = await (await adminClient()).get(pathOf(row.slug));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /\?\?\? - \?\?\?/);
    assert.match(page.body, /Error: this event has no URL./);
    assert.match(page.body, /No tasks\./);
  });

  test("answers 404 for an unknown slug and for one with characters no slug has", async () => {
    const client = await adminClient();
    assert.equal((await client.get(pathOf("2026-01-01-nowhere"))).statusCode, 404);
    assert.equal((await client.get("/workshops/event/a.b/")).statusCode, 404);
  });

  test("lets people comment on the event", async () => {
    const row = await makeEvent(t.db);
    const client = await adminClient();
    const response = await client.submit(
      pathOf(row.slug),
      {
        content_type: "workshops.event",
        object_pk: String(row.id),
        comment: "Hosts are lovely.",
        next: `${pathOf(row.slug)}#comments`,
      },
      "/comments/post/",
    );
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), new RegExp(`^${pathOf(row.slug)}`));
  });
});

describe("deleting an event", () => {
  test("deletes an event without tasks or awards, with its tag links, and records it", async () => {
    const row = await makeEvent(t.db, { tags: ["DC"] });
    const client = await adminClient();
    const response = await client.submit(pathOf(row.slug), {}, `${pathOf(row.slug)}delete/`);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/workshops/events/");
    assert.equal(await findEvent(row.id), undefined);
    assert.equal((await t.db.select().from(eventTag).where(eq(eventTag.eventId, row.id))).length, 0);
    const versions = await versionsOf(row.id);
    assert.ok(versions.some((v) => v.objectRepr === row.slug));
    const list = await client.get("/workshops/events/");
    assert.match(list.body, new RegExp(`${row.slug} was deleted successfully.`));
  });

  test("refuses with 409 and names the tasks and awards that refer to the event", async () => {
    const row = await makeEvent(t.db);
    const person = await makePerson(t.db, { personal: "Ron", family: "Weasley", email: null });
    await makeTask(t.db, { personId: person.id, eventId: row.id, role: "helper" });
    await makeAward(t.db, { personId: person.id, eventId: row.id });
    const response = await (await adminClient()).submit(pathOf(row.slug), {}, `${pathOf(row.slug)}delete/`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, new RegExp(`${row.slug}/Ron Weasley=Helper`));
    assert.match(response.body, /<h2 class="h5">Awards<\/h2>/);
    assert.ok(await findEvent(row.id));
  });

  test("is refused to an admin without the delete permission", async () => {
    const row = await makeEvent(t.db);
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    const response = await client.submit(pathOf(row.slug), {}, `${pathOf(row.slug)}delete/`);
    assert.equal(response.statusCode, 403);
    assert.ok(await findEvent(row.id));
  });
});

describe("assigning an event", () => {
  test("assigns an admin, records the change and goes back to the event", async () => {
    const row = await makeEvent(t.db);
    const other = await makeAdmin(t.db);
    const response = await (await adminClient()).submit(
      pathOf(row.slug),
      { person: String(other.id) },
      `${pathOf(row.slug)}assign/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, pathOf(row.slug));
    assert.equal((await findEvent(row.id))?.assignedToId, other.id);
    const [serialized] = JSON.parse((await versionsOf(row.id))[0]?.serializedData ?? "[]");
    assert.equal(serialized.fields.assigned_to, other.id);
  });

  test("clears the assignee when no person is given", async () => {
    const row = await makeEvent(t.db);
    await t.db.update(event).set({ assignedToId: admin.id }).where(eq(event.id, row.id));
    const response = await (await adminClient()).submit(
      pathOf(row.slug),
      { person: "" },
      `${pathOf(row.slug)}assign/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await findEvent(row.id))?.assignedToId, null);
  });

  test("changes nothing when the person is not an admin, or not a number", async () => {
    const row = await makeEvent(t.db);
    const someone = await makePerson(t.db);
    const client = await adminClient();
    await client.submit(pathOf(row.slug), { person: String(someone.id) }, `${pathOf(row.slug)}assign/`);
    await client.submit(pathOf(row.slug), { person: "abc" }, `${pathOf(row.slug)}assign/`);
    assert.equal((await findEvent(row.id))?.assignedToId, null);
    assert.equal((await versionsOf(row.id)).length, 0);
    const page = await client.get(pathOf(row.slug));
    assert.match(page.body, /Only an admin can be assigned/);
  });

  test("accepts a superuser as assignee", async () => {
    const row = await makeEvent(t.db);
    const boss = await makePerson(t.db, { isSuperuser: true });
    await (await adminClient()).submit(
      pathOf(row.slug),
      { person: String(boss.id) },
      `${pathOf(row.slug)}assign/`,
    );
    assert.equal((await findEvent(row.id))?.assignedToId, boss.id);
  });
});
