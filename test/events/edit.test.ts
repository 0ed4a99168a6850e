import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { eventLesson, eventTag } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { lesson } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import { administratorId, fieldErrorsOf, postForm, storedEvent, tagId } from "./form-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let hostId: string;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  hostId = String((await makeOrganization(t.db)).id);
});
after(() => t.close());

const editPath = (slug: string) => `/workshops/event/${slug}/edit/`;

async function validFields(slug: string) {
  return {
    slug,
    host: hostId,
    sponsor: hostId,
    administrator: await administratorId(t.db),
    tags: [await tagId(t.db, "LC")],
  };
}

async function edit(slug: string, fields: Record<string, string | string[]>) {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  return postForm(client, editPath(slug), { ...(await validFields(slug)), ...fields });
}

describe("editing an event", () => {
  test("shows the stored values, the lessons field, the title and the update-from-website control", async () => {
    const stored = await makeEvent(t.db, { tags: ["SWC"] });
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const page = await client.get(editPath(stored.slug));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="slug"[^>]*value="${stored.slug}"`));
    assert.match(page.body, /name="lessons"/);
    assert.match(page.body, /id="event-import"[^>]*data-mode="update"/);
  });

  test("saves new values, replaces the tags, sets lessons, records a version and files the comment", async () => {
    const stored = await makeEvent(t.db, { tags: ["SWC", "DC"] });
    const [shell] = await t.db.select().from(lesson).limit(1);
    assert.ok(shell);
    const slug = `${stored.slug}-renamed`;
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const response = await postForm(client, editPath(stored.slug), {
      ...(await validFields(slug)),
      venue: "New Hall",
      lessons: [String(shell.id)],
      comment: "Moved.",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/workshops/event/${slug}/`);
    const row = await storedEvent(t.db, slug);
    assert.equal(row?.venue, "New Hall");
    const tags = await t.db.select().from(eventTag).where(eq(eventTag.eventId, stored.id));
    assert.deepEqual(
      tags.map((link) => String(link.tagId)),
      [await tagId(t.db, "LC")],
    );
    assert.equal((await t.db.select().from(eventLesson).where(eq(eventLesson.eventId, stored.id))).length, 1);
    assert.equal(
      (
        await t.db
          .select()
          .from(version)
          .where(eq(version.objectId, String(stored.id)))
      ).length,
      1,
    );
    assert.equal(
      (
        await t.db
          .select()
          .from(comment)
          .where(eq(comment.objectPk, String(stored.id)))
      ).length,
      1,
    );
  });

  test("keeps its own slug and website without calling them taken", async () => {
    const stored = await makeEvent(t.db);
    await edit(stored.slug, { url: `https://example.org/${stored.slug}/` });
    const response = await edit(stored.slug, { url: `https://example.org/${stored.slug}/` });
    assert.equal(response.statusCode, 303);
  });

  test("keeps the reports link of a completed event", async () => {
    const stored = await makeEvent(t.db);
    await edit(stored.slug, { completed: "on", instructors_pre: "https://example.org/own-report" });
    assert.equal((await storedEvent(t.db, stored.slug))?.instructorsPre, "https://example.org/own-report");
  });

  test("accepts adding the TTT tag and opening applications in the same save", async () => {
    const stored = await makeEvent(t.db, { tags: ["SWC"] });
    const response = await edit(stored.slug, {
      tags: [await tagId(t.db, "TTT")],
      open_TTT_applications: "on",
    });
    assert.equal(response.statusCode, 303);
  });

  test("re-shows the form with an error and saves nothing when the end is before the start", async () => {
    const stored = await makeEvent(t.db, { start: "2026-03-01", end: "2026-03-02" });
    const response = await edit(stored.slug, { start: "2026-03-05", end: "2026-03-04", venue: "Changed" });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "end"), /Must not be earlier than start date\./);
    const row = await storedEvent(t.db, stored.slug);
    assert.equal(row?.start, "2026-03-01");
    assert.equal(row?.venue, "");
  });

  test("answers 404 for an unknown slug", async () => {
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    assert.equal((await client.get(editPath("2026-01-01-no-such-event"))).statusCode, 404);
  });

  test("forbids an admin who may change events but not add tasks", async () => {
    const stored = await makeEvent(t.db);
    const editor = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.change_event"],
    });
    const client = await new Client(t.app).logIn(editor.username, PASSWORD);
    assert.equal((await client.get(editPath(stored.slug))).statusCode, 403);
  });
});
