import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { event } from "../../../src/events/schema.ts";
import { version } from "../../../src/history/schema.ts";
import { eventCategory } from "../../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeEvent, makePerson, PASSWORD } from "../../helpers/factories.ts";
import { makeEventCategory } from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const LIST = "/offering/event-categories/";
const CREATE = "/offering/event-categories/create/";

async function categoryNamed(name: string) {
  const [row] = await t.db.select().from(eventCategory).where(eq(eventCategory.name, name));
  return row;
}

/** The names in the list's table, in order. */
function listedNames(html: string, prefix: string): string[] {
  return [...html.matchAll(/<a href="\/offering\/event-categories\/[0-9a-f-]+\/">([^<]+)<\/a>/g)]
    .map((match) => match[1] ?? "")
    .filter((name) => name.startsWith(prefix));
}

describe("the event categories list", () => {
  test("lists categories by name with their columns and a New button", async () => {
    await makeEventCategory(t.db, { name: "list-b" });
    await makeEventCategory(t.db, { name: "list-a", active: false });
    const page = await (await adminClient()).get(`${LIST}?items_per_page=all`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Event Categories<\/title>/);
    assert.deepEqual(listedNames(page.body, "list-"), ["list-a", "list-b"]);
    assert.match(page.body, /href="\/offering\/event-categories\/create\/">New event category</);
    assert.match(page.body, /Last updated at/);
  });

  test("filters on active and sorts by order_by, descending with a minus", async () => {
    await makeEventCategory(t.db, { name: "filter-x" });
    await makeEventCategory(t.db, { name: "filter-y", active: false });
    const client = await adminClient();
    const active = await client.get(`${LIST}?active=true&items_per_page=all`);
    assert.deepEqual(listedNames(active.body, "filter-"), ["filter-x"]);
    const inactive = await client.get(`${LIST}?active=3&items_per_page=all`);
    assert.deepEqual(listedNames(inactive.body, "filter-"), ["filter-y"]);
    const any = await client.get(`${LIST}?active=unknown&order_by=-name&items_per_page=all`);
    assert.deepEqual(listedNames(any.body, "filter-"), ["filter-y", "filter-x"]);
  });

  test("accepts last_modified_at as last_updated_at, and shows an error for an unknown ordering", async () => {
    const client = await adminClient();
    const older = await makeEventCategory(t.db, { name: "order-older" });
    await makeEventCategory(t.db, { name: "order-newer" });
    await t.db
      .update(eventCategory)
      .set({ lastUpdatedAt: new Date(Date.now() + 60_000) })
      .where(eq(eventCategory.id, older.id));
    const byUpdate = await client.get(`${LIST}?order_by=-last_modified_at&items_per_page=all`);
    assert.equal(byUpdate.statusCode, 200);
    assert.deepEqual(listedNames(byUpdate.body, "order-"), ["order-older", "order-newer"]);
    const bad = await client.get(`${LIST}?order_by=nonsense`);
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /not one of the choices/);
  });

  test("pages the list", async () => {
    for (const n of [1, 2, 3]) await makeEventCategory(t.db, { name: `page-${n}` });
    const page = await (await adminClient()).get(`${LIST}?items_per_page=1&page=2&active=true`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Page 2 of/);
  });
});

describe("creating an event category", () => {
  test("shows the form with Active ticked", async () => {
    const page = await (await adminClient()).get(CREATE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Create a new event category<\/title>/);
    assert.match(page.body, /name="active" type="checkbox" value="on" class="form-check-input" checked/);
  });

  test("saves it, records a version and goes to its page", async () => {
    const client = await adminClient();
    const response = await client.submit(CREATE, {
      name: "Workshop",
      description: "A regular workshop",
      active: "on",
    });
    assert.equal(response.statusCode, 303);
    const row = await categoryNamed("Workshop");
    assert.ok(row);
    assert.equal(row.active, true);
    assert.equal(response.headers.location, `/offering/event-categories/${row.id}/`);
    const versions = await t.db.select().from(version).where(eq(version.objectId, row.id));
    assert.equal(versions.length, 1);
    const page = await client.get(String(response.headers.location));
    assert.match(page.body, /<title>AMY: Event Category &quot;Workshop&quot;<\/title>/);
    assert.match(page.body, /was created successfully/);
  });

  test("re-shows the form with an error on description when it is missing, and saves nothing", async () => {
    const response = await (await adminClient()).submit(CREATE, { name: "No description" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_description_errors"[^>]*><div>This field is required./);
    assert.match(response.body, /Please fix errors in the form below./);
    assert.equal(await categoryNamed("No description"), undefined);
  });

  test("re-shows the form with an error on name when it is longer than 100 characters", async () => {
    const response = await (await adminClient()).submit(CREATE, { name: "n".repeat(101), description: "d" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_name_errors"/);
  });

  test("is refused to an admin without the add permission", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(CREATE)).statusCode, 403);
    assert.equal((await client.get(LIST)).statusCode, 200);
    const page = await client.get(LIST);
    assert.match(page.body, /disabled title="You may not add event categories"/);
  });
});

describe("an event category's page", () => {
  test("answers 404 for a malformed or unknown id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/offering/event-categories/not-a-uuid/")).statusCode, 404);
    assert.equal((await client.get("/offering/event-categories/not-a-uuid/edit/")).statusCode, 404);
    const unknown = "/offering/event-categories/3f1c5a52-0000-4000-8000-000000000000/";
    assert.equal((await client.get(unknown)).statusCode, 404);
  });

  test("sends anonymous visitors to log in and refuses plain users", async () => {
    const row = await makeEventCategory(t.db);
    const anonymous = await new Client(t.app).get(`/offering/event-categories/${row.id}/`);
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/account\/login\/\?next=/);
    const plain = await makePerson(t.db);
    const client = await new Client(t.app).logIn(plain.username, PASSWORD);
    assert.equal((await client.get(`/offering/event-categories/${row.id}/`)).statusCode, 403);
  });
});

describe("editing an event category", () => {
  test("saves the change, moves last_updated_at and records a version", async () => {
    const row = await makeEventCategory(t.db, { name: "Before" });
    const client = await adminClient();
    const form = await client.get(`/offering/event-categories/${row.id}/edit/`);
    assert.match(form.body, /value="Before"/);
    const response = await client.submit(`/offering/event-categories/${row.id}/edit/`, {
      name: "After",
      description: "Changed",
    });
    assert.equal(response.statusCode, 303);
    const saved = await categoryNamed("After");
    assert.equal(saved?.active, false);
    assert.ok(saved && saved.lastUpdatedAt > row.lastUpdatedAt);
    const versions = await t.db.select().from(version).where(eq(version.objectId, row.id));
    assert.equal(versions.length, 1);
  });

  test("re-shows the form when the name is emptied", async () => {
    const row = await makeEventCategory(t.db);
    const response = await (await adminClient()).submit(`/offering/event-categories/${row.id}/edit/`, {
      name: " ",
      description: "x",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_name_errors"/);
  });
});

describe("deleting an event category", () => {
  test("deletes an unused one and goes to the list", async () => {
    const row = await makeEventCategory(t.db);
    const client = await adminClient();
    const response = await client.submit(
      `/offering/event-categories/${row.id}/`,
      {},
      `/offering/event-categories/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal(await categoryNamed(row.name), undefined);
  });

  test("refuses with 409 while an event uses it, listing the event", async () => {
    const row = await makeEventCategory(t.db);
    const used = await makeEvent(t.db);
    await t.db.update(event).set({ eventCategoryId: row.id }).where(eq(event.id, used.id));
    const response = await (await adminClient()).submit(
      `/offering/event-categories/${row.id}/`,
      {},
      `/offering/event-categories/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, new RegExp(used.slug));
    assert.ok(await categoryNamed(row.name));
  });

  test("answers 405 to a GET", async () => {
    const row = await makeEventCategory(t.db);
    const response = await (await adminClient()).get(`/offering/event-categories/${row.id}/delete/`);
    assert.equal(response.statusCode, 405);
  });
});
