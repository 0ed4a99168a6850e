import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { recordChange, rowFields } from "../../src/history/index.ts";
import { revision, version } from "../../src/history/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** Changes a person the way an admin page will: the update and its history in one transaction. */
async function changePerson(
  id: number,
  changes: Partial<typeof person.$inferInsert>,
  by: { id: number } | null = admin,
  comment?: string,
) {
  return t.db.transaction(async (tx) => {
    const [row] = await tx.update(person).set(changes).where(eq(person.id, id)).returning();
    if (!row) throw new Error("no such person");
    await recordChange(tx, {
      user: by,
      comment,
      objects: [
        {
          contentType: "workshops.person",
          id: row.id,
          repr: `${row.personal} ${row.family}`,
          fields: rowFields(person, row),
        },
      ],
    });
  });
}

async function versionIdsOf(personId: number) {
  const rows = await t.db
    .select({ id: version.id })
    .from(version)
    .where(eq(version.objectId, String(personId)))
    .orderBy(version.id);
  return rows.map((row) => row.id);
}

describe("recording a change", () => {
  test("stores a revision with its author and a version of the object, without the password", async () => {
    const member = await makePerson(t.db, { personal: "Ada", family: "Byron" });
    await changePerson(member.id, { family: "Lovelace" }, admin, "Married name");
    const [stored] = await t.db
      .select()
      .from(version)
      .innerJoin(revision, eq(revision.id, version.revisionId))
      .where(eq(version.objectId, String(member.id)));
    assert.equal(stored?.reversion_revision.userId, admin.id);
    assert.equal(stored?.reversion_revision.comment, "Married name");
    assert.equal(stored?.reversion_version.objectRepr, "Ada Lovelace");
    assert.equal(stored?.reversion_version.format, "json");
    const [serialized] = JSON.parse(stored?.reversion_version.serializedData ?? "[]");
    assert.equal(serialized.model, "workshops.person");
    assert.equal(serialized.pk, String(member.id));
    assert.equal(serialized.fields.family, "Lovelace");
    assert.equal(serialized.fields.username, member.username);
    assert.ok(!("password" in serialized.fields));
    assert.ok(!("id" in serialized.fields));
    assert.doesNotMatch(stored?.reversion_version.serializedData ?? "", /argon2/);
  });

  test("is undone with the transaction it belongs to", async () => {
    const member = await makePerson(t.db);
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordChange(tx, {
          user: admin,
          objects: [{ contentType: "workshops.person", id: member.id, repr: "x", fields: {} }],
        });
        throw new Error("the change failed");
      }),
    );
    assert.deepEqual(await versionIdsOf(member.id), []);
  });
});

describe("recently changed", () => {
  test("lists changes newest first, with the author's name and a link to the version", async () => {
    const member = await makePerson(t.db, { personal: "Grace", family: "Hopper" });
    await changePerson(member.id, { middle: "Brewster" });
    await changePerson(member.id, { family: "Murray Hopper" });
    const [, newest] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get("/workshops/log/");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Recently changed<\/title>/);
    assert.match(
      page.body,
      new RegExp(
        `<td>Minerva</td><td>changed <a href="/workshops/version/${newest}/">Grace Murray Hopper</a>`,
      ),
    );
    assert.ok(page.body.indexOf("Grace Murray Hopper") < page.body.indexOf("Grace Hopper"));
  });

  test("a change without a known author, or whose author was deleted, shows Unknown user", async () => {
    const member = await makePerson(t.db, { personal: "Katherine", family: "Johnson" });
    const author = await makeAdmin(t.db, { personal: "Temporary" });
    await changePerson(member.id, { middle: "G" }, author);
    await t.db.delete(person).where(eq(person.id, author.id));
    await changePerson(member.id, { middle: "Coleman" }, null);
    const page = await (await adminClient()).get("/workshops/log/");
    assert.doesNotMatch(page.body, /Temporary/);
    assert.equal(page.body.match(/<td>Unknown user<\/td><td>changed <a[^>]*>Katherine Johnson/g)?.length, 2);
  });

  test("shows 25 changes per page", async () => {
    const member = await makePerson(t.db, { personal: "Paged" });
    for (let i = 0; i < 30; i++) await changePerson(member.id, { middle: `M${i}` });
    const client = await adminClient();
    const first = await client.get("/workshops/log/");
    assert.equal(first.body.match(/<td>Minerva<\/td>/g)?.length, 25);
    assert.match(first.body, /href="\/workshops\/log\/\?page=2"/);
  });

  test("the admin menu links to it; members may not open it", async () => {
    assert.match(
      (await (await adminClient()).get("/dashboard/admin/")).body,
      /href="\/workshops\/log\/"[^>]*>Recently changed/,
    );
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get("/workshops/log/")).statusCode, 403);
  });
});

describe("an object's history", () => {
  test("compares a version with the one before it, field by field, words marked", async () => {
    const member = await makePerson(t.db, { personal: "Mary", family: "Jackson" });
    await changePerson(member.id, { family: "Winston Jackson" }, admin, "First edit");
    await changePerson(member.id, { family: "Winston Jackson Smith", isActive: false }, admin, "Second edit");
    const [, second] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get(`/workshops/version/${second}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Mary Winston Jackson Smith<\/title>/);
    assert.match(page.body, /Person: Mary Winston Jackson Smith/);
    assert.match(page.body, /Changed on <time[^>]*>[^<]+<\/time> by Minerva\./);
    assert.match(page.body, /First edit/);
    assert.match(page.body, /Second edit/);
    assert.match(
      page.body,
      /<ins class="text-success-emphasis"><span class="visually-hidden">added: <\/span> Smith<\/ins>/,
    );
    assert.match(
      page.body,
      /<th scope="row">Is active<span class="visually-hidden"> \(changed\)<\/span><\/th><td><del[^>]*><span[^>]*>removed: <\/span>Yes<\/del><\/td><td><ins[^>]*><span[^>]*>added: <\/span>No<\/ins>/,
    );
    assert.doesNotMatch(page.body, /Password/);
    assert.doesNotMatch(page.body, /This is the first version/);
  });

  test("the first version is shown on its own, with a note that it is new", async () => {
    const member = await makePerson(t.db, { personal: "Dorothy" });
    await changePerson(member.id, { middle: "J" });
    const [first] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get(`/workshops/version/${first}/`);
    assert.match(page.body, /This is the first version of this record/);
    assert.match(page.body, /<th scope="col">Value<\/th>/);
  });

  test("links to the record's page while the record exists", async () => {
    const member = await makePerson(t.db, { personal: "Katherine" });
    await changePerson(member.id, { middle: "C" });
    const [first] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get(`/workshops/version/${first}/`);
    assert.match(page.body, new RegExp(`<a href="/workshops/person/${member.id}/">View newest</a>`));
  });

  test("version_id1 and version_id2 choose the versions, and the radio buttons show the choice", async () => {
    const member = await makePerson(t.db, { personal: "Annie" });
    for (const middle of ["A", "B", "C"]) await changePerson(member.id, { middle });
    const [first, , third] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get(
      `/workshops/version/${first}/?version_id1=${third}&version_id2=${first}`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="version_id1" value="${first}" checked`));
    assert.match(page.body, new RegExp(`name="version_id2" value="${third}" checked`));
    assert.match(page.body, /<del[^>]*><span[^>]*>removed: <\/span>A<\/del>/);
    assert.match(page.body, /<ins[^>]*><span[^>]*>added: <\/span>C<\/ins>/);
  });

  test("ids that are not numbers give a warning and the default comparison", async () => {
    const member = await makePerson(t.db, { personal: "Evelyn" });
    for (const middle of ["A", "B"]) await changePerson(member.id, { middle });
    const [, second] = await versionIdsOf(member.id);
    const page = await (await adminClient()).get(
      `/workshops/version/${second}/?version_id1=abc&version_id2=1`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /alert-warning/);
    assert.match(page.body, /The versions to compare were not understood/);
    assert.match(page.body, /<del[^>]*><span[^>]*>removed: <\/span>A<\/del>/);
  });

  test("versions of another object get 404", async () => {
    const one = await makePerson(t.db);
    const other = await makePerson(t.db);
    await changePerson(one.id, { middle: "A" });
    await changePerson(other.id, { middle: "B" });
    const [mine] = await versionIdsOf(one.id);
    const [theirs] = await versionIdsOf(other.id);
    const response = await (await adminClient()).get(
      `/workshops/version/${mine}/?version_id1=${mine}&version_id2=${theirs}`,
    );
    assert.equal(response.statusCode, 404);
  });

  test("an unknown or malformed version id gets 404", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/workshops/version/999999/")).statusCode, 404);
    assert.equal((await client.get("/workshops/version/abc/")).statusCode, 404);
    assert.equal((await client.get("/workshops/version/99999999999999999999/")).statusCode, 404);
  });

  test("a version whose stored data cannot be read still shows its page", async () => {
    const member = await makePerson(t.db);
    await changePerson(member.id, { middle: "A" });
    const [id] = await versionIdsOf(member.id);
    await t.db
      .update(version)
      .set({ serializedData: "{broken" })
      .where(eq(version.id, id ?? 0));
    const page = await (await adminClient()).get(`/workshops/version/${id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This version stores no fields/);
  });

  test("members may not see it", async () => {
    const member = await makePerson(t.db);
    await changePerson(member.id, { middle: "A" });
    const [id] = await versionIdsOf(member.id);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(`/workshops/version/${id}/`)).statusCode, 403);
  });
});
