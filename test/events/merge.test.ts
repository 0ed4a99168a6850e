import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { initialMergeValues } from "../../src/events/forms.ts";
import { mergedFields, mergedIds, splitDuplicateTasks } from "../../src/events/merge-rules.ts";
import { event, eventTag, task } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { award } from "../../src/people/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeComment,
  makeEvent,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { fieldErrorsOf, postForm, tagId } from "./form-helpers.ts";

const MERGE = "/workshops/events/merge/";
let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const pairUrl = (a: { id: number }, b: { id: number }) => `${MERGE}?event_a=${a.id}&event_b=${b.id}`;

async function merge(a: { id: number }, b: { id: number }, choices: Record<string, string>) {
  const client = await adminClient();
  const url = pairUrl(a, b);
  return postForm(client, url, {
    event_a: String(a.id),
    event_b: String(b.id),
    ...initialMergeValues(),
    ...choices,
  });
}

const eventRow = async (id: number) => (await t.db.select().from(event).where(eq(event.id, id)))[0];

describe("merge rules", () => {
  const row = (values: Partial<typeof event.$inferSelect>) => ({ ...(values as typeof event.$inferSelect) });
  test("combined venues are A's text then B's, combined contacts a semicolon list", () => {
    const choices = { ...initialMergeValues(), venue: "combine", contact: "combine" } as never;
    const merged = mergedFields(
      choices,
      row({ venue: "Hall ", contact: "a@x.org" }),
      row({ venue: "B", contact: "b@y.org" }),
    );
    assert.equal(merged.venue, "Hall B");
    assert.equal(merged.contact, "a@x.org;b@y.org");
  });
  test("combined many-to-many links are the union of both sides", () => {
    assert.deepEqual(mergedIds("combine", [1, 2], [2, 3]), [1, 2, 3]);
    assert.deepEqual(mergedIds("obj_b", [1, 2], [2, 3]), [2, 3]);
  });
  test("a merged task the base already has for the same person and role is dropped", () => {
    const split = splitDuplicateTasks(
      [
        { id: 1, personId: 7, roleId: 1 },
        { id: 2, personId: 8, roleId: 1 },
      ],
      [{ id: 3, personId: 7, roleId: 1 }],
    );
    assert.deepEqual(
      split.move.map((item) => item.id),
      [2],
    );
    assert.deepEqual(
      split.drop.map((item) => item.id),
      [1],
    );
  });
});

describe("merge pages", () => {
  test("shows the selection form without two events", async () => {
    const page = await (await adminClient()).get(MERGE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="event_a"/);
  });

  test("answers 404 for an unknown or non-numeric event id", async () => {
    const client = await adminClient();
    const known = await makeEvent(t.db);
    assert.equal((await client.get(`${MERGE}?event_a=${known.id}&event_b=999999`)).statusCode, 404);
    assert.equal((await client.get(`${MERGE}?event_a=abc&event_b=${known.id}`)).statusCode, 404);
  });

  test("compares both events with a choice per field, Use A by default", async () => {
    const a = await makeEvent(t.db, { tags: ["SWC"] });
    const b = await makeEvent(t.db);
    const page = await (await adminClient()).get(pairUrl(a, b));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="id_venue_combine"/);
    assert.doesNotMatch(page.body, /id="id_slug_combine"/);
    assert.match(page.body, /id="id_task_set_obj_a"[^>]*checked/);
  });

  test("forbids an admin who may change events but not delete them", async () => {
    const editor = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.change_event"],
    });
    const client = await new Client(t.app).logIn(editor.username, PASSWORD);
    assert.equal((await client.get(MERGE)).statusCode, 403);
  });
});

describe("merging two events", () => {
  test("keeps B with A's slug, combined tags and tasks, A's comments and awards; deletes A", async () => {
    const a = await makeEvent(t.db, { tags: ["SWC"] });
    const b = await makeEvent(t.db, { tags: ["DC"] });
    const [shared, onlyA] = [await makePerson(t.db), await makePerson(t.db)];
    await makeTask(t.db, { personId: shared.id, eventId: a.id });
    await makeTask(t.db, { personId: onlyA.id, eventId: a.id });
    await makeTask(t.db, { personId: shared.id, eventId: b.id });
    const prize = await makeAward(t.db, { personId: onlyA.id, eventId: a.id });
    const noteA = await makeComment(t.db, { on: "workshops.event", objectPk: a.id });
    const noteB = await makeComment(t.db, { on: "workshops.event", objectPk: b.id });
    const response = await merge(a, b, { id: "obj_b", slug: "obj_a", tags: "combine", task_set: "combine" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/workshops/event/${a.slug}/`);
    assert.equal(await eventRow(a.id), undefined);
    const base = await eventRow(b.id);
    assert.equal(base?.slug, a.slug);
    assert.match(base?.instructorsPre ?? "", new RegExp(`slug=${a.slug}$`));
    const tags = await t.db.select().from(eventTag).where(eq(eventTag.eventId, b.id));
    assert.deepEqual(
      tags.map((link) => String(link.tagId)).sort(),
      [await tagId(t.db, "SWC"), await tagId(t.db, "DC")].sort(),
    );
    const tasks = await t.db.select().from(task).where(eq(task.eventId, b.id));
    assert.deepEqual(tasks.map((item) => item.personId).sort(), [shared.id, onlyA.id].sort());
    assert.equal((await t.db.select().from(award).where(eq(award.id, prize.id)))[0]?.eventId, b.id);
    const [movedA] = await t.db.select().from(comment).where(eq(comment.id, noteA.id));
    const [hiddenB] = await t.db.select().from(comment).where(eq(comment.id, noteB.id));
    assert.equal(movedA?.objectPk, String(b.id));
    assert.equal(hiddenB?.isRemoved, true);
    assert.equal(
      (
        await t.db
          .select()
          .from(version)
          .where(eq(version.objectId, String(b.id)))
      ).length,
      1,
    );
  });

  test("takes the merged event's tasks instead of the kept event's own when told to", async () => {
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db);
    const [own, theirs] = [await makePerson(t.db), await makePerson(t.db)];
    const ownTask = await makeTask(t.db, { personId: own.id, eventId: a.id });
    await makeTask(t.db, { personId: theirs.id, eventId: b.id });
    await merge(a, b, { task_set: "obj_b" });
    const tasks = await t.db.select().from(task).where(eq(task.eventId, a.id));
    assert.deepEqual(
      tasks.map((item) => item.personId),
      [theirs.id],
    );
    assert.equal((await t.db.select().from(task).where(eq(task.id, ownTask.id))).length, 0);
  });

  test("refuses combine for a field that cannot be combined and changes nothing", async () => {
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db);
    const response = await merge(a, b, { slug: "combine" });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "slug"), /Select a valid choice\. combine is not one of/);
    assert.ok(await eventRow(b.id));
  });

  test("refuses combining venues that together exceed the column's length", async () => {
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db);
    await t.db
      .update(event)
      .set({ venue: "v".repeat(200) })
      .where(eq(event.id, a.id));
    await t.db
      .update(event)
      .set({ venue: "w".repeat(100) })
      .where(eq(event.id, b.id));
    const response = await merge(a, b, { venue: "combine" });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "venue"), /longer than 255 characters/);
    assert.ok(await eventRow(b.id));
  });

  test("refuses a missing choice", async () => {
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db);
    const client = await adminClient();
    const response = await postForm(client, pairUrl(a, b), { id: "obj_a" });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "venue"), /This field is required\./);
  });

  test("rolls everything back and says what still refers to the merged event", async () => {
    await t.db.execute(
      sql`create table merge_blocker (id serial primary key, event_id integer references workshops_event(id) on delete restrict)`,
    );
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db);
    const person = await makePerson(t.db);
    await makeTask(t.db, { personId: person.id, eventId: b.id });
    await t.db.execute(sql`insert into merge_blocker (event_id) values (${b.id})`);
    const response = await merge(a, b, { task_set: "obj_b" });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /merge_blocker/);
    assert.ok(await eventRow(b.id));
    assert.equal((await t.db.select().from(task).where(eq(task.eventId, b.id))).length, 1);
  });
});
