import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { badge } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeCommunityRole,
  makeEvent,
  makeOrganization,
  makePerson,
  makeSuperuser,
  makeTask,
  PASSWORD,
  referenceId,
} from "../helpers/factories.ts";

interface Answer {
  results: { id: number; text: string; fullname?: string }[];
  more: boolean;
}

let t: TestApp;
let admin: Client;
before(async () => {
  t = await startTestApp();
  const person = await makeAdmin(t.db, { personal: "Zzadmin", family: "Lookups" });
  admin = await new Client(t.app).logIn(person.username, PASSWORD);
});
after(() => t.close());

async function lookup(url: string): Promise<Answer> {
  const response = await admin.get(url);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Answer;
}
const texts = (answer: Answer) => answer.results.map((result) => result.text);
const ids = (answer: Answer) => answer.results.map((result) => result.id);

describe("events", () => {
  test("match the slug, newest first", async () => {
    await makeEvent(t.db, { slug: "2020-01-01-zzslug-old", start: "2020-01-01" });
    await makeEvent(t.db, { slug: "2024-01-01-zzslug-new", start: "2024-01-01" });
    assert.deepEqual(texts(await lookup("/select_lookups/events/?term=ZZSLUG")), [
      "2024-01-01-zzslug-new",
      "2020-01-01-zzslug-old",
    ]);
  });

  test("come 25 to a page, with more telling whether another page follows", async () => {
    for (let day = 1; day <= 27; day++) {
      await makeEvent(t.db, { slug: `2023-01-${String(day).padStart(2, "0")}-zzpaged` });
    }
    const first = await lookup("/select_lookups/events/?term=zzpaged");
    const second = await lookup("/select_lookups/events/?term=zzpaged&page=2");
    assert.equal(first.results.length, 25);
    assert.equal(first.more, true);
    assert.equal(second.results.length, 2);
    assert.equal(second.more, false);
  });

  test("for awards are, until training progress exists, all events", async () => {
    const answer = await lookup("/select_lookups/events_for_awards/?term=zzslug");
    assert.equal(answer.results.length, 2);
  });

  test("for TTT are only TTT-tagged events, and with a trainee only those where they are a learner", async () => {
    const trainee = await makePerson(t.db);
    const attended = await makeEvent(t.db, { slug: "2025-01-01-zzttt-attended", tags: ["TTT"] });
    await makeEvent(t.db, { slug: "2025-01-01-zzttt-other", tags: ["TTT"] });
    await makeEvent(t.db, { slug: "2025-01-01-zzttt-swc", tags: ["SWC"] });
    await makeTask(t.db, { personId: trainee.id, eventId: attended.id, role: "learner" });
    assert.deepEqual(texts(await lookup("/select_lookups/ttt_events/?term=zzttt")).sort(), [
      "2025-01-01-zzttt-attended",
      "2025-01-01-zzttt-other",
    ]);
    assert.deepEqual(texts(await lookup(`/select_lookups/ttt_events/?term=zzttt&trainee=${trainee.id}`)), [
      "2025-01-01-zzttt-attended",
    ]);
  });

  test("a trainee that is not an id is refused with 400", async () => {
    const response = await admin.get("/select_lookups/ttt_events/?trainee=abc");
    assert.equal(response.statusCode, 400);
  });
});

describe("organisations", () => {
  test("match domain or full name, ordered by full name, and carry the full name", async () => {
    await makeOrganization(t.db, { domain: "zzorg-b.example.org", fullname: "Alpha zz" });
    await makeOrganization(t.db, { domain: "beta.example.org", fullname: "Beta zzorg" });
    const answer = await lookup("/select_lookups/organizations/?term=zzorg");
    assert.deepEqual(texts(answer), ["Alpha zz <zzorg-b.example.org>", "Beta zzorg <beta.example.org>"]);
    assert.equal(answer.results[0]?.fullname, "Alpha zz");
  });

  test("take % and _ in the term literally", async () => {
    await makeOrganization(t.db, { domain: "zzlit1.example.org", fullname: "Half_Done" });
    await makeOrganization(t.db, { domain: "zzlit2.example.org", fullname: "HalfXDone" });
    assert.deepEqual(texts(await lookup("/select_lookups/organizations/?term=f_D")), [
      "Half_Done <zzlit1.example.org>",
    ]);
  });

  test("administrator organisations are only the six seeded ones, by domain, without full name", async () => {
    const answer = await lookup("/select_lookups/admin_orgs/");
    assert.deepEqual(
      answer.results.map((result) => result.text.replace(/.*<(.*)>$/, "$1")),
      [
        "carpentries.org",
        "carpentries.org/community-lessons/",
        "datacarpentry.org",
        "librarycarpentry.org",
        "self-organized",
        "software-carpentry.org",
      ],
    );
    assert.ok(!("fullname" in (answer.results[0] ?? {})));
  });
});

describe("persons", () => {
  test("match email and show the display string, ordered by family name", async () => {
    await makePerson(t.db, { personal: "Ada", family: "Zzlovelace", email: "ada@zzmail.example" });
    await makePerson(t.db, { personal: "Charles", family: "Zzbabbage", email: "charles@zzmail.example" });
    assert.deepEqual(texts(await lookup("/select_lookups/persons/?term=zzmail")), [
      "Charles Zzbabbage <charles@zzmail.example>",
      "Ada Zzlovelace <ada@zzmail.example>",
    ]);
  });

  test("a two-word term matches personal and family names in either order", async () => {
    const grace = await makePerson(t.db, { personal: "Grace", family: "Zzhopper" });
    assert.deepEqual(ids(await lookup("/select_lookups/persons/?term=gra%20zzhop")), [grace.id]);
    assert.deepEqual(ids(await lookup("/select_lookups/persons/?term=zzhop%20gra")), [grace.id]);
  });

  test("admins are superusers and members of the administrators group only", async () => {
    await makePerson(t.db, { personal: "Zzadminlookup", family: "Member" });
    const boss = await makeSuperuser(t.db, { personal: "Zzadminlookup", family: "Boss" });
    const staff = await makeAdmin(t.db, { personal: "Zzadminlookup", family: "Staff" });
    assert.deepEqual(ids(await lookup("/select_lookups/admins/?term=zzadminlookup")), [boss.id, staff.id]);
  });

  test("instructors are persons with an instructor community role", async () => {
    const instructor = await makePerson(t.db, { personal: "Zzteacher", family: "Yes" });
    const trainer = await makePerson(t.db, { personal: "Zzteacher", family: "Trainer" });
    await makePerson(t.db, { personal: "Zzteacher", family: "No" });
    await makeCommunityRole(t.db, { personId: instructor.id });
    await makeCommunityRole(t.db, { personId: instructor.id });
    await makeCommunityRole(t.db, { personId: trainer.id, config: "trainer" });
    assert.deepEqual(ids(await lookup("/select_lookups/instructors/?term=zzteacher")), [instructor.id]);
  });
});

describe("awards", () => {
  test("filter by badge and person, match the badge name, and read person/badge/date/event", async () => {
    const holder = await makePerson(t.db, { personal: "Zzawardee", family: "One", email: null });
    const event = await makeEvent(t.db, { slug: "2024-05-05-zzaward" });
    const instructorAward = await makeAward(t.db, {
      personId: holder.id,
      badge: "instructor",
      awarded: "2024-05-06",
      eventId: event.id,
    });
    const trainerAward = await makeAward(t.db, {
      personId: holder.id,
      badge: "trainer",
      awarded: "2024-06-01",
    });
    const byPerson = await lookup(`/select_lookups/awards/?person=${holder.id}`);
    assert.deepEqual(texts(byPerson), [
      "Zzawardee One/Instructor/2024-05-06/2024-05-05-zzaward",
      "Zzawardee One/Trainer/2024-06-01/None",
    ]);
    const trainerId = await referenceId(t.db, badge, "trainer");
    assert.deepEqual(ids(await lookup(`/select_lookups/awards/?person=${holder.id}&badge=${trainerId}`)), [
      trainerAward.id,
    ]);
    assert.deepEqual(ids(await lookup(`/select_lookups/awards/?term=zzawardee&page=1`)), [
      instructorAward.id,
      trainerAward.id,
    ]);
    assert.deepEqual(ids(await lookup(`/select_lookups/awards/?person=${holder.id}&term=TRAIN`)), [
      trainerAward.id,
    ]);
  });
});
