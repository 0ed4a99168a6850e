import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { curriculum, curriculumType, tag } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let viewer: Awaited<ReturnType<typeof makePerson>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  viewer = await makePerson(t.db, { groups: ["steering committee"] });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const viewerClient = () => new Client(t.app).logIn(viewer.username, PASSWORD);

async function makeTag(name: string, priority = 500, retired = false) {
  const [row] = await t.db
    .insert(tag)
    .values({ name, details: `About ${name}`, priority, retiredAt: retired ? new Date() : null })
    .returning();
  if (!row) throw new Error("tag not inserted");
  return row;
}

const tagRow = async (id: number) => (await t.db.select().from(tag).where(eq(tag.id, id)))[0];

describe("index and lists", () => {
  test("the index lists every reference table with its row count", async () => {
    const response = await (await adminClient()).get("/reference/");
    assert.equal(response.statusCode, 200);
    for (const title of [
      "Tags",
      "Roles",
      "Badges",
      "Lessons",
      "Knowledge domains",
      "Languages",
      "Curricula",
    ]) {
      assert.match(response.body, new RegExp(`>${title}</a>`));
    }
    assert.match(response.body, /href="\/reference\/continents\/">Continents<\/a><\/td><td>7</);
    assert.match(response.body, /href="\/workshops\/badges\/">Badges/);
  });

  test("lists tags by priority, with retired ones last and marked Retired", async () => {
    await makeTag("zz-retired-first", 1, true);
    await makeTag("zz-late-active", 100000);
    const body = (await (await adminClient()).get("/reference/tags/?items_per_page=all")).body;
    const order = ["<td>DC</td>", "<td>SWC</td>", "<td>zz-late-active</td>", "<td>zz-retired-first</td>"];
    const positions = order.map((text) => body.indexOf(text));
    assert.ok(
      positions.every((position) => position > 0),
      String(positions),
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.match(body.slice(positions[3]), /Retired/);
  });

  test("paginates long lists 25 rows to a page", async () => {
    const body = (await (await adminClient()).get("/reference/languages/?page=2")).body;
    assert.match(body, /Page 2 of \d+/);
    assert.equal(body.match(/<tr>/g)?.length, 26);
  });

  test("says so when a table has no rows", async () => {
    const body = (await (await adminClient()).get("/reference/curriculum-types/")).body;
    assert.match(body, /There are no curriculum types yet\./);
  });

  test("badges have no list here: AMY's badge pages list them", async () => {
    assert.equal((await (await adminClient()).get("/reference/badges/")).statusCode, 404);
  });
});

describe("editing", () => {
  test("saves the changes and goes back to the list with a message", async () => {
    const row = await makeTag("edit-me");
    const client = await adminClient();
    const url = `/reference/tags/${row.id}/edit/`;
    const response = await client.submit(url, { name: "edited", details: "New details", priority: "7" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/reference/tags/");
    assert.deepEqual(
      { ...(await tagRow(row.id)), retiredAt: undefined },
      { id: row.id, name: "edited", details: "New details", priority: 7, retiredAt: undefined },
    );
    assert.match((await client.get("/reference/tags/")).body, /The tag “edited” was saved\./);
  });

  test("shows the stored values in the form", async () => {
    const row = await makeTag("shown-tag", 42);
    const body = (await (await adminClient()).get(`/reference/tags/${row.id}/edit/`)).body;
    assert.match(body, /name="name"[^>]*value="shown-tag"/);
    assert.match(body, /name="priority"[^>]*value="42"/);
  });

  test("keeping a row's own unique name is not a clash", async () => {
    const row = await makeTag("keep-name");
    const response = await (await adminClient()).submit(`/reference/tags/${row.id}/edit/`, {
      name: "keep-name",
      details: "Changed",
      priority: "1",
    });
    assert.equal(response.statusCode, 303);
  });

  test("answers 404 for an id that does not exist or is not a number", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/reference/tags/999999/edit/")).statusCode, 404);
    assert.equal((await client.get("/reference/tags/abc/edit/")).statusCode, 404);
    assert.equal((await client.get("/reference/curriculum-types/1/edit/")).statusCode, 404);
    const missingUuid = "/reference/curriculum-types/0c23939f-de98-44c9-969e-29405841676c/edit/";
    assert.equal((await client.get(missingUuid)).statusCode, 404);
  });

  test("edits a curriculum type found by its UUID", async () => {
    const [row] = await t.db
      .insert(curriculumType)
      .values({ programCategory: "Core", name: "Old" })
      .returning();
    const response = await (await adminClient()).submit(`/reference/curriculum-types/${row?.id}/edit/`, {
      program_category: "Core",
      name: "New",
      description: "",
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db
      .select()
      .from(curriculumType)
      .where(eq(curriculumType.id, row?.id ?? ""));
    assert.equal(saved?.name, "New");
  });
});

describe("retiring and restoring", () => {
  test("retire stamps retired_at and restore clears it", async () => {
    const row = await makeTag("retire-me");
    const client = await adminClient();
    const retired = await client.submit("/reference/tags/", {}, `/reference/tags/${row.id}/retire/`);
    assert.equal(retired.statusCode, 303);
    assert.ok((await tagRow(row.id))?.retiredAt instanceof Date);
    const restored = await client.submit("/reference/tags/", {}, `/reference/tags/${row.id}/restore/`);
    assert.equal(restored.statusCode, 303);
    assert.equal((await tagRow(row.id))?.retiredAt, null);
  });

  test("a curriculum is retired through its active flag", async () => {
    const [row] = await t.db
      .insert(curriculum)
      .values({ slug: "retire-cur", name: "Retire curriculum" })
      .returning();
    const client = await adminClient();
    await client.submit("/reference/curricula/", {}, `/reference/curricula/${row?.id}/retire/`);
    const [saved] = await t.db
      .select()
      .from(curriculum)
      .where(eq(curriculum.id, row?.id ?? 0));
    assert.equal(saved?.active, false);
  });

  test("continents cannot be retired", async () => {
    const client = await adminClient();
    const response = await client.submit("/reference/continents/", {}, "/reference/continents/1/retire/");
    assert.equal(response.statusCode, 404);
  });

  test("answers 404 when retiring a row that does not exist", async () => {
    const client = await adminClient();
    const response = await client.submit("/reference/tags/", {}, "/reference/tags/999999/retire/");
    assert.equal(response.statusCode, 404);
  });
});

describe("access", () => {
  test("an admin without the add permission gets 403 on the add page", async () => {
    const client = await viewerClient();
    assert.equal((await client.get("/reference/tags/add/")).statusCode, 403);
    const page = await client.get("/reference/tags/");
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Add a tag/);
  });

  test("an admin without the change permission cannot retire", async () => {
    const row = await makeTag("not-yours");
    const client = await viewerClient();
    const response = await client.submit("/reference/tags/", {}, `/reference/tags/${row.id}/retire/`);
    assert.equal(response.statusCode, 403);
    assert.equal((await tagRow(row.id))?.retiredAt, null);
  });

  test("a person given only workshops.add_tag may add tags", async () => {
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.add_tag"],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get("/reference/tags/add/")).statusCode, 200);
    assert.equal((await client.get("/reference/lessons/add/")).statusCode, 403);
  });
});
