import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { eventCurriculum, eventTag } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import {
  administratorId,
  curriculumId,
  fieldErrorsOf,
  mixMatchCurriculumId,
  postForm,
  storedEvent,
  tagId,
} from "./form-helpers.ts";

const ADD = "/workshops/events/add/";
let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let valid: Record<string, string | string[]>;
let sequence = 0;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  const host = await makeOrganization(t.db);
  valid = {
    host: String(host.id),
    sponsor: String(host.id),
    administrator: await administratorId(t.db),
    tags: [await tagId(t.db, "SWC")],
  };
});
after(() => t.close());

const nextSlug = () => `2026-06-${String((++sequence % 28) + 1).padStart(2, "0")}-create${sequence}`;

async function create(fields: Record<string, string | string[]>) {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  return postForm(client, ADD, { ...valid, ...fields });
}

/** Submits the form with one bad value: the page comes back with the error beside the field. */
async function refusedPage(fields: Record<string, string | string[]>, field: string, message: string) {
  const slug = typeof fields.slug === "string" ? fields.slug : nextSlug();
  const response = await create({ slug, ...fields });
  assert.equal(response.statusCode, 200);
  assert.ok(
    fieldErrorsOf(response.body, field).includes(message),
    `${field}: ${fieldErrorsOf(response.body, field)}`,
  );
  assert.equal(await storedEvent(t.db, slug), undefined);
  return response;
}

async function assertRefused(fields: Record<string, string | string[]>, field: string, message: string) {
  await refusedPage(fields, field, message);
}

describe("creating an event", () => {
  test("shows the form with the website-import placeholder above it", async () => {
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const page = await client.get(ADD);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<div id="event-import" data-import-url="\/workshops\/events\/import\/" data-mode="create"><\/div>/,
    );
    assert.match(page.body, /name="slug"/);
    assert.doesNotMatch(page.body, /name="lessons"/);
  });

  test("saves the event with its tags and curricula, a history version, a comment and a reports link", async () => {
    const slug = nextSlug();
    const response = await create({
      slug,
      tags: [await tagId(t.db, "SWC"), await tagId(t.db, "DC")],
      curricula: [await curriculumId(t.db, "dc-socsci-r")],
      contact: "a@example.org, b@example.org",
      comment: "Planned at the *meeting*.",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/workshops/event/${slug}/`);
    const row = await storedEvent(t.db, slug);
    assert.ok(row);
    assert.equal(row.url, null);
    assert.equal(row.contact, "a@example.org;b@example.org");
    assert.match(
      row.instructorsPre,
      new RegExp(`^https://workshop-reports\\.carpentries\\.org/\\?key=[0-9a-f]{40}&slug=${slug}$`),
    );
    assert.equal((await t.db.select().from(eventTag).where(eq(eventTag.eventId, row.id))).length, 2);
    assert.equal(
      (await t.db.select().from(eventCurriculum).where(eq(eventCurriculum.eventId, row.id))).length,
      1,
    );
    assert.equal(
      (
        await t.db
          .select()
          .from(version)
          .where(eq(version.objectId, String(row.id)))
      ).length,
      1,
    );
    const [note] = await t.db
      .select()
      .from(comment)
      .where(and(eq(comment.objectPk, String(row.id)), eq(comment.userName, "Automatic comment")));
    assert.equal(note?.comment, "Planned at the *meeting*.");
  });

  test("gives an online event Internet as venue and address and no coordinates", async () => {
    const slug = nextSlug();
    await create({ slug, country: "W3", venue: "Room 1", latitude: "1.5", longitude: "2.5" });
    const row = await storedEvent(t.db, slug);
    assert.deepEqual(
      [row?.venue, row?.address, row?.latitude, row?.longitude],
      ["Internet", "Internet", null, null],
    );
  });

  test("allows open applications on an event tagged TTT", async () => {
    const slug = nextSlug();
    const response = await create({ slug, tags: [await tagId(t.db, "TTT")], open_TTT_applications: "on" });
    assert.equal(response.statusCode, 303);
    assert.equal((await storedEvent(t.db, slug))?.openTttApplications, true);
  });
});

describe("creating an event: refused input", () => {
  test("refuses a missing slug", () => assertRefused({ slug: "" }, "slug", "This field is required."));
  test("refuses a slug with characters other than letters, digits, - and _", () =>
    assertRefused({ slug: "2026-01-01-oslo!" }, "slug", "consisting of letters, numbers"));
  test("refuses a slug not in YYYY-MM-DD-location form", () =>
    assertRefused({ slug: "oslo-2026" }, "slug", "YYYY-MM-DD-location"));
  test("refuses a slug another event has", async () => {
    const other = await makeEvent(t.db);
    const response = await create({ slug: other.slug });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "slug"), /Event with this Slug already exists\./);
  });
  test("refuses an unreadable start date", () =>
    assertRefused({ start: "1 May" }, "start", "Enter a valid date."));
  test("refuses an end date before the start date", () =>
    assertRefused({ start: "2026-05-02", end: "2026-05-01" }, "end", "Must not be earlier than start date."));
  test("refuses a missing host", () => assertRefused({ host: "" }, "host", "This field is required."));
  test("refuses a missing organiser", () =>
    assertRefused({ sponsor: "" }, "sponsor", "This field is required."));
  test("refuses an administrator that is not one of the administrator organisations", () =>
    assertRefused({ administrator: String(valid.host) }, "administrator", "Select a valid choice."));
  test("refuses an event without tags", () => assertRefused({ tags: [] }, "tags", "This field is required."));
  test("refuses open applications without the TTT tag", () =>
    assertRefused({ open_TTT_applications: "on" }, "open_TTT_applications", "non-TTT event"));
  test("refuses a DC curriculum without the DC tag", async () =>
    assertRefused({ curricula: [await curriculumId(t.db, "dc-socsci-r")] }, "tags", "Missing tags: DC"));
  test("refuses the Mix & Match curriculum without the Circuits tag", async () =>
    assertRefused({ curricula: [await mixMatchCurriculumId(t.db)] }, "tags", "Missing tags: Circuits"));
  test("refuses the don't-know-yet curriculum, which is not offered", async () =>
    assertRefused(
      { curricula: [await curriculumId(t.db, "unknown")] },
      "curricula",
      "Select a valid choice.",
    ));
  test("refuses a GitHub repository as the website", () =>
    assertRefused({ url: "https://github.com/someone/2026-01-01-oslo" }, "url", "Enter a valid value."));
  test("refuses a website another event has", async () => {
    const slug = nextSlug();
    await create({ slug, url: "https://example.org/taken-site/" });
    await assertRefused(
      { url: "https://example.org/taken-site/" },
      "url",
      "Event with this URL already exists.",
    );
  });
  test("refuses a negative manual attendance", () =>
    assertRefused({ manual_attendance: "-1" }, "manual_attendance", "greater than or equal to 0"));
  test("refuses a reports link that is not a web address", () =>
    assertRefused({ instructors_pre: "not a link" }, "instructors_pre", "Enter a valid URL."));
  test("refuses a latitude that is not a number", () =>
    assertRefused({ latitude: "north" }, "latitude", "Enter a number."));
  test("keeps what was typed when the form comes back", async () => {
    const response = await refusedPage({ venue: "Kept Hall", tags: [] }, "tags", "This field is required.");
    assert.match(response.body, /value="Kept Hall"/);
  });
});

describe("creating an event: access", () => {
  test("forbids a logged-in admin without the add_event permission", async () => {
    const reader = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(reader.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
  });
});
