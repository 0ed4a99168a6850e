import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { person, socialAuth } from "../../src/accounts/schema.ts";
import { comment } from "../../src/comments/schema.ts";
import { task } from "../../src/events/schema.ts";
import { revision, version } from "../../src/history/schema.ts";
import { initialMergeValues } from "../../src/people/merge/forms.ts";
import { award, personDomain } from "../../src/people/schema.ts";
import { knowledgeDomain } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeComment,
  makeCommunityRoleConfig,
  makeCommunityRoleOf,
  makeEvent,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const mergeUrl = (a: number, b: number) => `/workshops/persons/merge/?person_a=${a}&person_b=${b}`;

async function merge(a: number, b: number, choices: Record<string, string> = {}) {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  const response = await client.submit(mergeUrl(a, b), { ...initialMergeValues(), ...choices });
  const next = response.statusCode === 303 ? await client.get("/workshops/persons/merge/") : undefined;
  return { response, flashes: next?.body ?? "" };
}

async function find(id: number) {
  const [row] = await t.db.select().from(person).where(eq(person.id, id));
  return row;
}

const tasksOf = async (personId: number) =>
  (await t.db.select().from(task).where(eq(task.personId, personId))).map((row) => row.eventId).sort();

describe("merging two persons", () => {
  test("keeping A deletes B and sends the admin to A's page", async () => {
    const a = await makePerson(t.db, { personal: "Ada" });
    const b = await makePerson(t.db, { personal: "Augusta" });
    const { response, flashes } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/workshops/person/${a.id}/`);
    assert.match(flashes, /Persons were merged successfully\. You were redirected to the base person\./);
    assert.equal(await find(b.id), undefined);
    assert.equal((await find(a.id))?.personal, "Ada");
  });

  test("keeping B's record gives B A's chosen values and deletes A", async () => {
    const a = await makePerson(t.db, { personal: "Ada", isActive: false });
    const b = await makePerson(t.db, { personal: "Augusta", isActive: true });
    const { response } = await merge(a.id, b.id, { id: "obj_b" });
    assert.equal(response.headers.location, `/workshops/person/${b.id}/`);
    assert.equal(await find(a.id), undefined);
    const merged = await find(b.id);
    assert.equal(merged?.personal, "Ada");
    assert.equal(merged?.username, a.username, "the username moves once A is gone");
    assert.equal(merged?.email, a.email);
    assert.equal(merged?.isActive, false);
  });

  test("the surviving record can take the other's username, email and handles", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    await t.db
      .update(person)
      .set({ github: "b-gh", mastodon: "b@example.social" })
      .where(eq(person.id, b.id));
    await t.db.insert(socialAuth).values({ provider: "github", uid: `${a.id}01`, userId: a.id });
    await merge(a.id, b.id, {
      username: "obj_b",
      email: "obj_b",
      github: "obj_b",
      mastodon: "obj_b",
      family: "obj_b",
    });
    const merged = await find(a.id);
    assert.equal(merged?.username, b.username);
    assert.equal(merged?.email, b.email);
    assert.equal(merged?.github, "b-gh");
    assert.equal(merged?.mastodon, "b@example.social");
    assert.equal(merged?.family, b.family);
    assert.ok((merged?.lastUpdatedAt.getTime() ?? 0) > a.lastUpdatedAt.getTime());
    const logins = await t.db.select().from(socialAuth).where(eq(socialAuth.userId, a.id));
    assert.deepEqual(logins, [], "a changed GitHub username ends the old GitHub logins");
  });

  test("records a version of the surviving person, by the admin", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db, { personal: "Augusta" });
    await merge(a.id, b.id, { personal: "obj_b" });
    const [stored] = await t.db
      .select()
      .from(version)
      .innerJoin(revision, eq(revision.id, version.revisionId))
      .where(eq(version.objectId, String(a.id)));
    assert.equal(stored?.reversion_revision.userId, admin.id);
    assert.equal(JSON.parse(stored?.reversion_version.serializedData ?? "[]")[0].fields.personal, "Augusta");
  });
});

describe("related records", () => {
  test("combining awards keeps one per badge and warns about the dropped duplicate", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    await makeAward(t.db, { personId: a.id, badge: "instructor" });
    await makeAward(t.db, { personId: b.id, badge: "instructor" });
    await makeAward(t.db, { personId: b.id, badge: "trainer" });
    const { flashes } = await merge(a.id, b.id, { award_set: "combine" });
    const awards = await t.db.select().from(award).where(eq(award.personId, a.id));
    assert.equal(awards.length, 2);
    assert.match(
      flashes,
      /The award &quot;Instructor&quot; of .* was removed: the merged person already had it\./,
    );
  });

  test("combining tasks keeps one per event and role", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const shared = await makeEvent(t.db);
    const other = await makeEvent(t.db);
    await makeTask(t.db, { personId: a.id, eventId: shared.id });
    await makeTask(t.db, { personId: b.id, eventId: shared.id });
    await makeTask(t.db, { personId: b.id, eventId: shared.id, role: "helper" });
    await makeTask(t.db, { personId: b.id, eventId: other.id });
    await merge(a.id, b.id, { task_set: "combine" });
    const rows = await t.db.select().from(task).where(eq(task.personId, a.id));
    assert.equal(rows.length, 3);
  });

  test("choosing the merged person's tasks replaces the surviving person's", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const aEvent = await makeEvent(t.db);
    const bEvent = await makeEvent(t.db);
    await makeTask(t.db, { personId: a.id, eventId: aEvent.id });
    await makeTask(t.db, { personId: b.id, eventId: bEvent.id });
    await merge(a.id, b.id, { task_set: "obj_b" });
    assert.deepEqual(await tasksOf(a.id), [bEvent.id]);
  });

  test("combining knowledge domains links each one once", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const domains = await t.db.select().from(knowledgeDomain).limit(2);
    const [first, second] = domains.map((row) => row.id);
    if (first === undefined || second === undefined) throw new Error("seeded knowledge domains are missing");
    await t.db.insert(personDomain).values([
      { personId: a.id, knowledgedomainId: first },
      { personId: b.id, knowledgedomainId: first },
      { personId: b.id, knowledgedomainId: second },
    ]);
    await merge(a.id, b.id, { domains: "combine" });
    const linked = await t.db.select().from(personDomain).where(eq(personDomain.personId, a.id));
    assert.deepEqual(linked.map((row) => row.knowledgedomainId).sort(), [first, second].sort());
  });

  test("comments about the merged person move with combine; otherwise the other side's are hidden", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const aboutB = await makeComment(t.db, { on: "workshops.person", objectPk: b.id, comment: "about B" });
    await merge(a.id, b.id, { comments: "combine" });
    const [moved] = await t.db.select().from(comment).where(eq(comment.id, aboutB.id));
    assert.equal(moved?.objectPk, String(a.id));

    const c = await makePerson(t.db);
    const d = await makePerson(t.db);
    const aboutD = await makeComment(t.db, { on: "workshops.person", objectPk: d.id });
    await merge(c.id, d.id, { comments: "obj_a" });
    const [hidden] = await t.db.select().from(comment).where(eq(comment.id, aboutD.id));
    assert.equal(hidden?.isRemoved, true);
  });

  test("comments written by the merged person get the surviving author when combined", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const other = await makePerson(t.db);
    const written = await makeComment(t.db, { on: "workshops.person", objectPk: other.id, userId: b.id });
    await merge(a.id, b.id, { comment_comments: "combine" });
    const [row] = await t.db.select().from(comment).where(eq(comment.id, written.id));
    assert.equal(row?.userId, a.id);
  });

  test("awards the merged person gave stay given, by the surviving person", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const someone = await makePerson(t.db);
    const given = await makeAward(t.db, { personId: someone.id, awardedById: b.id });
    const { response } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(award).where(eq(award.id, given.id));
    assert.equal(row?.awardedById, a.id);
  });
});

describe("a merge the database refuses", () => {
  test("rolls everything back and shows what blocks the delete", async () => {
    const a = await makePerson(t.db, { personal: "Ada" });
    const b = await makePerson(t.db, { personal: "Augusta" });
    const aAward = await makeAward(t.db, { personId: a.id, badge: "instructor" });
    const config = await makeCommunityRoleConfig(t.db, { name: "merge-blocker", badge: "instructor" });
    await makeCommunityRoleOf(t.db, { configId: config.id, personId: a.id, awardId: aAward.id });
    const bEvent = await makeEvent(t.db);
    await makeTask(t.db, { personId: b.id, eventId: bEvent.id });

    const { response } = await merge(a.id, b.id, {
      award_set: "obj_b",
      task_set: "combine",
      personal: "obj_b",
    });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /The award &quot;Instructor&quot; of Ada/);
    assert.match(response.body, /merge-blocker of Ada/);
    assert.ok(await find(b.id), "the merged person is still there");
    assert.equal((await find(a.id))?.personal, "Ada");
    assert.deepEqual(await tasksOf(b.id), [bEvent.id]);
    const kept = await t.db
      .select()
      .from(award)
      .where(and(eq(award.id, aAward.id), eq(award.personId, a.id)));
    assert.equal(kept.length, 1);
  });
});
