import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { communityRole, communityRoleInactivation } from "../../src/community-roles/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeCommunityRole,
  makeEvent,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import {
  continentId,
  day,
  domainId,
  instructorRole,
  knows,
  languageId,
  lessonId,
  listedIds,
  makeStaffPerson,
  speaks,
  teaches,
} from "./staff-fixtures.ts";

let t: TestApp;
let client: Client;
before(async () => {
  t = await startTestApp();
  const admin = await makeAdmin(t.db);
  client = await new Client(t.app).logIn(admin.username, PASSWORD);
});
after(() => t.close());

const includes = (ids: number[], ...persons: { id: number }[]) => persons.every((p) => ids.includes(p.id));
const excludes = (ids: number[], ...persons: { id: number }[]) => persons.every((p) => !ids.includes(p.id));

test("lists only persons who have an airport", async () => {
  const withAirport = await makeStaffPerson(t.db);
  const without = await makeStaffPerson(t.db, { iata: "" });
  const ids = await listedIds(client, "");
  assert.ok(includes(ids, withAirport));
  assert.ok(excludes(ids, without));
});

describe("location filters", () => {
  test("country matches the override country, else the airport's country", async () => {
    const airportOnly = await makeStaffPerson(t.db, { airportCountry: "PL" });
    const overridden = await makeStaffPerson(t.db, { airportCountry: "PL", country: "FR" });
    const ids = await listedIds(client, "country=PL");
    assert.ok(includes(ids, airportOnly));
    assert.ok(excludes(ids, overridden));
    assert.ok(includes(await listedIds(client, "country=FR&country=DE"), overridden));
  });

  test("continent matches the effective country, the airport's one included", async () => {
    const europe = await continentId(t.db, "Europe");
    const airportInEurope = await makeStaffPerson(t.db, { airportCountry: "DE" });
    const overrideInEurope = await makeStaffPerson(t.db, { airportCountry: "US", country: "IT" });
    const overrideOutside = await makeStaffPerson(t.db, { airportCountry: "DE", country: "JP" });
    const ids = await listedIds(client, `continent=${europe}`);
    assert.ok(includes(ids, airportInEurope, overrideInEurope));
    assert.ok(excludes(ids, overrideOutside));
  });
});

describe("skill filters", () => {
  test("lessons match persons who can teach all of them", async () => {
    const git = await lessonId(t.db, "swc/git");
    const shell = await lessonId(t.db, "swc/shell");
    const both = await makeStaffPerson(t.db);
    const one = await makeStaffPerson(t.db);
    await teaches(t.db, both.id, [git, shell]);
    await teaches(t.db, one.id, [git]);
    const ids = await listedIds(client, `lessons=${git}&lessons=${shell}`);
    assert.ok(includes(ids, both));
    assert.ok(excludes(ids, one));
  });

  test("languages match persons who speak all of them", async () => {
    const pl = await languageId(t.db, "pl");
    const es = await languageId(t.db, "es");
    const both = await makeStaffPerson(t.db);
    const one = await makeStaffPerson(t.db);
    await speaks(t.db, both.id, [pl, es]);
    await speaks(t.db, one.id, [es]);
    const ids = await listedIds(client, `languages=${pl}&languages=${es}`);
    assert.ok(includes(ids, both));
    assert.ok(excludes(ids, one));
  });

  test("domains match persons who know all of them", async () => {
    const physics = await domainId(t.db, "Physics");
    const chemistry = await domainId(t.db, "Chemistry");
    const both = await makeStaffPerson(t.db);
    const one = await makeStaffPerson(t.db);
    await knows(t.db, both.id, [physics, chemistry]);
    await knows(t.db, one.id, [physics]);
    const ids = await listedIds(client, `domains=${physics}&domains=${chemistry}`);
    assert.ok(includes(ids, both));
    assert.ok(excludes(ids, one));
  });

  test("gender matches the one code given", async () => {
    const female = await makeStaffPerson(t.db, { gender: "F" });
    const male = await makeStaffPerson(t.db, { gender: "M" });
    const ids = await listedIds(client, "gender=F");
    assert.ok(includes(ids, female));
    assert.ok(excludes(ids, male));
  });
});

describe("experience filters", () => {
  test("is_instructor needs an active instructor community role by the query rule", async () => {
    const open = await makeStaffPerson(t.db);
    const endsToday = await makeStaffPerson(t.db);
    const startsToday = await makeStaffPerson(t.db);
    const ended = await makeStaffPerson(t.db);
    const inactivated = await makeStaffPerson(t.db);
    const otherRole = await makeStaffPerson(t.db);
    const none = await makeStaffPerson(t.db);
    await instructorRole(t.db, open.id, { start: day(-30) });
    await instructorRole(t.db, endsToday.id, { start: day(-30), end: day(0) });
    await instructorRole(t.db, startsToday.id, { start: day(0) });
    await instructorRole(t.db, ended.id, { start: day(-30), end: day(-1) });
    const role = await instructorRole(t.db, inactivated.id);
    const [reason] = await t.db
      .insert(communityRoleInactivation)
      .values({ name: "Asked to stop" })
      .returning();
    await t.db.update(communityRole).set({ inactivationId: reason?.id }).where(eq(communityRole.id, role.id));
    await makeCommunityRole(t.db, { personId: otherRole.id, config: "trainer" });
    const ids = await listedIds(client, "is_instructor=on");
    assert.ok(includes(ids, open, endsToday));
    assert.ok(excludes(ids, startsToday, ended, inactivated, otherRole, none));
  });

  test("is_trainer needs the trainer badge", async () => {
    const trainer = await makeStaffPerson(t.db);
    const instructor = await makeStaffPerson(t.db);
    await makeAward(t.db, { personId: trainer.id, badge: "trainer" });
    await makeAward(t.db, { personId: instructor.id, badge: "instructor" });
    const ids = await listedIds(client, "is_trainer=on");
    assert.ok(includes(ids, trainer));
    assert.ok(excludes(ids, instructor));
  });

  test("was_helper and was_organizer need a task in that role", async () => {
    const event = await makeEvent(t.db);
    const helper = await makeStaffPerson(t.db);
    const organizer = await makeStaffPerson(t.db);
    await makeTask(t.db, { personId: helper.id, eventId: event.id, role: "helper" });
    await makeTask(t.db, { personId: organizer.id, eventId: event.id, role: "organizer" });
    const helpers = await listedIds(client, "was_helper=on");
    assert.ok(includes(helpers, helper) && excludes(helpers, organizer));
    const organizers = await listedIds(client, "was_organizer=on");
    assert.ok(includes(organizers, organizer) && excludes(organizers, helper));
  });

  test("is_in_progress_trainee needs a training that has not stalled and no instructor badge", async () => {
    const training = await makeEvent(t.db, { tags: ["TTT"] });
    const stalled = await makeEvent(t.db, { tags: ["TTT", "stalled"] });
    const trainee = await makeStaffPerson(t.db);
    const stalledTrainee = await makeStaffPerson(t.db);
    const badged = await makeStaffPerson(t.db);
    await makeTask(t.db, { personId: trainee.id, eventId: training.id, role: "learner" });
    await makeTask(t.db, { personId: stalledTrainee.id, eventId: stalled.id, role: "learner" });
    await makeTask(t.db, { personId: badged.id, eventId: training.id, role: "learner" });
    await makeAward(t.db, { personId: badged.id, badge: "instructor" });
    const ids = await listedIds(client, "is_in_progress_trainee=on");
    assert.ok(includes(ids, trainee));
    assert.ok(excludes(ids, stalledTrainee, badged));
  });

  test("filters combine: every one given must hold", async () => {
    const both = await makeStaffPerson(t.db, { gender: "O", airportCountry: "NO" });
    const onlyGender = await makeStaffPerson(t.db, { gender: "O", airportCountry: "SE" });
    const ids = await listedIds(client, "gender=O&country=NO");
    assert.ok(includes(ids, both));
    assert.ok(excludes(ids, onlyGender));
  });
});
