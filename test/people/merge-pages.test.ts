import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { initialMergeValues } from "../../src/people/merge/forms.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const mergeUrl = (a: number | string, b: number | string) =>
  `/workshops/persons/merge/?person_a=${a}&person_b=${b}`;

async function exists(id: number) {
  return (await t.db.select({ id: person.id }).from(person).where(eq(person.id, id))).length === 1;
}

describe("choosing the two persons", () => {
  test("without both persons shows the selection form with person lookups", async () => {
    const response = await (await adminClient()).get("/workshops/persons/merge/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>AMY: Merge Persons</);
    assert.match(response.body, /<form method="get" action="\/workshops\/persons\/merge\/"/);
    assert.match(response.body, /Person From/);
    assert.match(response.body, /name="person_a"[^>]*data-lookup="\/select_lookups\/persons\/"/);
    assert.match(response.body, /name="person_b"[^>]*data-lookup="\/select_lookups\/persons\/"/);
  });

  test("without both persons goes to a safe `next` address", async () => {
    const response = await (await adminClient()).get("/workshops/persons/merge/?next=/workshops/persons/");
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/workshops/persons/");
  });

  test("ignores a `next` address on another site", async () => {
    const response = await (await adminClient()).get("/workshops/persons/merge/?next=//evil.example/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Person From/);
  });

  test("the same person twice gets a warning and the selection form again", async () => {
    const someone = await makePerson(t.db);
    const response = await (await adminClient()).get(mergeUrl(someone.id, someone.id));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /You cannot merge the same person with themself\./);
    assert.match(response.body, /Person From/);
  });

  test("an id that names nobody is a 404", async () => {
    const someone = await makePerson(t.db);
    const client = await adminClient();
    assert.equal((await client.get(mergeUrl(someone.id, 999999))).statusCode, 404);
    assert.equal((await client.get(mergeUrl("abc", someone.id))).statusCode, 404);
  });
});

describe("the comparison page", () => {
  test("shows both records with one choice per field, A chosen, posting back to the same address", async () => {
    const a = await makePerson(t.db, { personal: "Ada", family: "Byron" });
    const b = await makePerson(t.db, { personal: "Ada", family: "Lovelace" });
    const response = await (await adminClient()).get(mergeUrl(a.id, b.id));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>AMY: Merge two persons</);
    assert.match(
      response.body,
      new RegExp(`action="/workshops/persons/merge/\\?person_a=${a.id}&amp;person_b=${b.id}"`),
    );
    assert.match(response.body, new RegExp(`name="person_a" value="${a.id}"`));
    assert.match(response.body, /Byron/);
    assert.match(response.body, /Lovelace/);
    for (const name of ["id", "username", "email", "mastodon", "is_active", "award_set", "comments"]) {
      assert.match(response.body, new RegExp(`name="${name}" value="obj_a" checked`), name);
    }
    assert.match(response.body, /name="task_set" value="combine"/);
    assert.doesNotMatch(response.body, /name="username" value="combine"/);
    assert.match(response.body, /name="consent_set" value="most_recent" checked/);
  });
});

describe("refusing a bad merge form", () => {
  for (const [field, value] of [
    ["username", "combine"],
    ["task_set", "everything"],
    ["consent_set", "obj_b"],
    ["id", "obj_c"],
  ] as const) {
    test(`${field}=${value} is shown beside the field and nothing is merged`, async () => {
      const a = await makePerson(t.db);
      const b = await makePerson(t.db);
      const client = await adminClient();
      const url = mergeUrl(a.id, b.id);
      const response = await client.submit(url, { ...initialMergeValues(), [field]: value });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Fix errors in the form\./);
      assert.match(
        response.body,
        new RegExp(
          `id="id_${field}_errors"[^>]*>\\s*<div>Select a valid choice\\. ${value} is not one of the available choices\\.`,
        ),
      );
      assert.ok(await exists(a.id));
      assert.ok(await exists(b.id));
    });
  }

  test("a POST naming the same person twice merges nothing", async () => {
    const a = await makePerson(t.db);
    const response = await (await adminClient()).submit(
      mergeUrl(a.id, a.id),
      initialMergeValues(),
      mergeUrl(a.id, a.id),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /You cannot merge the same person with themself\./);
    assert.ok(await exists(a.id));
  });
});

describe("who may merge", () => {
  test("an admin without delete_person is refused", async () => {
    const viewer = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.change_person"],
    });
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(mergeUrl(a.id, b.id))).statusCode, 403);
    const adminPage = await (await adminClient()).get(mergeUrl(a.id, b.id));
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(adminPage.body)?.[1] ?? "";
    const response = await client.post(mergeUrl(a.id, b.id), {
      csrfmiddlewaretoken: token,
      ...initialMergeValues(),
    });
    assert.equal(response.statusCode, 403);
    assert.ok(await exists(b.id));
  });

  test("anonymous visitors are sent to log in", async () => {
    const response = await new Client(t.app).get("/workshops/persons/merge/");
    assert.equal(response.statusCode, 302);
    assert.match(response.headers.location ?? "", /^\/account\/login\//);
  });
});
