import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { eventRelations } from "../../src/events/details-queries.ts";
import { findEventById } from "../../src/events/form-queries.ts";
import { event, eventCurriculum, eventLesson } from "../../src/events/schema.ts";
import { curriculum, language, lesson } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { makeEventCategory, makeMembership } from "../helpers/membership-factories.ts";

// What the event page shows beside the event's own columns (eventRelations): read in one statement,
// for an event that has every relation and for one that has only its host.

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "McGonagall" });
});
after(() => t.close());

const pathOf = (slug: string) => `/workshops/event/${slug}/`;

async function loaded(id: number) {
  const row = await findEventById(t.db, id);
  if (!row) throw new Error("event not found");
  return row;
}

/** Runs `work`, counting the statements sent to the database (through Drizzle's driver client). */
async function countingStatements<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const client = (db as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } })
    .session.client;
  const query = client.query;
  let count = 0;
  client.query = (...args: unknown[]) => {
    count++;
    return query.apply(client, args);
  };
  try {
    return { result: await work(), count };
  } finally {
    client.query = query;
  }
}

const CURRICULA = ["Software Carpentry (shell, git, Python)", "Data Carpentry (Geospatial)"];
const LESSONS = ["swc/r", "swc/make", "swc/python"];

/** An event with every relation; `n` keeps the organisations' names (unique) apart. */
async function fullyRelatedEvent(n: number) {
  const host = await makeOrganization(t.db, { fullname: `Hogwarts School ${n}` });
  const sponsor = await makeOrganization(t.db, { fullname: `Ministry of Magic ${n}` });
  const administrator = await makeOrganization(t.db, { fullname: `Gringotts Bank ${n}` });
  const assignee = await makeAdmin(t.db, { personal: "Albus", family: "Dumbledore" });
  const [french] = await t.db.select().from(language).where(eq(language.subtag, "fr"));
  const membershipRow = await makeMembership(t.db, { name: "Zzrelations Membership" });
  const category = await makeEventCategory(t.db, { name: "Zzrelations category" });
  const row = await makeEvent(t.db, { hostId: host.id, tags: ["online", "SWC", "DC"] });
  await t.db
    .update(event)
    .set({
      sponsorId: sponsor.id,
      administratorId: administrator.id,
      assignedToId: assignee.id,
      languageId: french?.id ?? null,
      membershipId: membershipRow.id,
      eventCategoryId: category.id,
      manualAttendance: 2,
    })
    .where(eq(event.id, row.id));
  for (const { id } of await t.db.select().from(curriculum).where(inArray(curriculum.name, CURRICULA))) {
    await t.db.insert(eventCurriculum).values({ eventId: row.id, curriculumId: id });
  }
  for (const { id } of await t.db.select().from(lesson).where(inArray(lesson.name, LESSONS))) {
    await t.db.insert(eventLesson).values({ eventId: row.id, lessonId: id });
  }
  for (const family of ["Potter", "Granger", "Weasley"]) {
    const learner = await makePerson(t.db, { personal: "Learner", family });
    await makeTask(t.db, { personId: learner.id, eventId: row.id, role: "learner" });
  }
  const helper = await makePerson(t.db);
  await makeTask(t.db, { personId: helper.id, eventId: row.id, role: "helper" });
  return { row, host, sponsor, administrator, assignee, french, membershipRow, category };
}

describe("the event page's relations", () => {
  test("reads an event with every relation in one statement", async () => {
    const made = await fullyRelatedEvent(1);
    const { result, count } = await countingStatements(t.db, async () =>
      eventRelations(t.db, await loaded(made.row.id), "2026-06-01"),
    );
    assert.equal(count, 2, "one statement to load the event, one for its relations");
    assert.deepEqual(result, {
      host: { domain: made.host.domain, fullname: "Hogwarts School 1" },
      sponsor: { domain: made.sponsor.domain, fullname: "Ministry of Magic 1" },
      administrator: { domain: made.administrator.domain, fullname: "Gringotts Bank 1" },
      assignee: {
        id: made.assignee.id,
        personal: "Albus",
        middle: "",
        family: "Dumbledore",
        email: made.assignee.email,
      },
      language: made.french?.name,
      tags: [
        { name: "DC", details: "Data Carpentry workshop" },
        { name: "SWC", details: "Software Carpentry workshop" },
        { name: "online", details: "Event held entirely online" },
      ],
      curricula: ["Data Carpentry (Geospatial)", "Software Carpentry (shell, git, Python)"],
      lessons: ["swc/make", "swc/python", "swc/r"],
      learnerTasksCount: 3,
      attendance: 3,
      membership: {
        id: made.membershipRow.id,
        label: "Zzrelations Membership Partner membership Jan 01 - Dec 31, 2026",
      },
      allocatedBenefit: undefined,
      eventCategory: { id: made.category.id, name: "Zzrelations category" },
    });
  });

  test("reads an event with only its host, the typed-in attendance standing", async () => {
    const row = await makeEvent(t.db);
    await t.db.update(event).set({ manualAttendance: 7 }).where(eq(event.id, row.id));
    const { result, count } = await countingStatements(t.db, async () =>
      eventRelations(t.db, await loaded(row.id), "2026-06-01"),
    );
    assert.equal(count, 2);
    assert.equal(result.host?.fullname.startsWith("Organisation "), true);
    assert.deepEqual(
      { ...result, host: undefined },
      {
        host: undefined,
        sponsor: undefined,
        administrator: undefined,
        assignee: undefined,
        language: undefined,
        tags: [],
        curricula: [],
        lessons: [],
        learnerTasksCount: 0,
        attendance: 7,
        membership: undefined,
        allocatedBenefit: undefined,
        eventCategory: undefined,
      },
    );
  });

  test("shows every relation on the page", async () => {
    const made = await fullyRelatedEvent(2);
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const page = await client.get(pathOf(made.row.slug));
    assert.equal(page.statusCode, 200);
    const cell = (label: string) =>
      new RegExp(`<th scope="row" class="w-25">${label}</th><td>(.*?)</td>`).exec(page.body)?.[1];
    assert.equal(
      cell("Host Site"),
      `<a href="/fiscal/organization/${made.host.domain}/">Hogwarts School 2</a>`,
    );
    assert.equal(
      cell("Organiser"),
      `<a href="/fiscal/organization/${made.sponsor.domain}/">Ministry of Magic 2</a>`,
    );
    assert.equal(
      cell("Administrator"),
      `<a href="/fiscal/organization/${made.administrator.domain}/">Gringotts Bank 2</a>`,
    );
    assert.match(
      page.body,
      new RegExp(`<a href="/workshops/person/${made.assignee.id}/">Albus Dumbledore</a>`),
    );
    assert.equal(cell("Language"), made.french?.name);
    assert.match(
      cell("Tags") ?? "",
      /title="Data Carpentry workshop">DC<\/span>.*title="Software Carpentry workshop">SWC<\/span>.*title="Event held entirely online">online<\/span>/,
    );
    assert.equal(cell("Curricula"), "Data Carpentry (Geospatial), Software Carpentry (shell, git, Python)");
    assert.equal(cell("Lessons"), "swc/make, swc/python, swc/r");
    assert.match(cell("Attendance") ?? "", /^3 .*\(typed in: 2; learner tasks: 3\)/);
    assert.match(page.body, /Zzrelations Membership Partner membership Jan 01 - Dec 31, 2026<\/a>/);
    assert.match(page.body, /Zzrelations category/);
  });

  test("shows a dash for each relation an event lacks", async () => {
    const row = await makeEvent(t.db, { start: null, end: null });
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const page = await client.get(pathOf(row.slug));
    assert.equal(page.statusCode, 200);
    for (const label of ["Organiser", "Administrator", "Tags", "Curricula", "Lessons", "Language"]) {
      assert.match(page.body, new RegExp(`<th scope="row" class="w-25">${label}</th><td>—</td>`), label);
    }
    assert.match(page.body, /Not assigned/);
  });
});
