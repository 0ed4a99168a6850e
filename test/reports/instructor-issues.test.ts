import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeAward, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";

const REPORT = "/reports/instructor_issues/";

let t: TestApp;
let html: string;
type Person = Awaited<ReturnType<typeof makePerson>>;
type Event = Awaited<ReturnType<typeof makeEvent>>;
const PERSONS = [
  "noAirport",
  "twoBadges",
  "withAirport",
  "trainee",
  "mixed",
  "stalledOnly",
  "badgedTrainee",
] as const;
const EVENTS = ["training", "laterTraining", "stalled", "workshop"] as const;
let people: Record<(typeof PERSONS)[number], Person>;
let events: Record<(typeof EVENTS)[number], Event>;

before(async () => {
  t = await startTestApp();
  const admin = await makeAdmin(t.db);
  const make = (personal: string, email?: string | null) =>
    makePerson(t.db, { personal, family: "Issue", ...(email === undefined ? {} : { email }) });
  people = {
    noAirport: await make("Nomad"),
    twoBadges: await make("Double", null),
    withAirport: await make("Settled"),
    trainee: await make("Trainee"),
    mixed: await make("Mixed"),
    stalledOnly: await make("Stalled"),
    badgedTrainee: await make("Badged"),
  };
  await t.db.update(person).set({ airportIata: "WAW" }).where(eq(person.id, people.withAirport.id));
  await makeAward(t.db, { personId: people.noAirport.id });
  await makeAward(t.db, { personId: people.twoBadges.id, badge: "swc-instructor" });
  await makeAward(t.db, { personId: people.twoBadges.id, badge: "dc-instructor" });
  await makeAward(t.db, { personId: people.withAirport.id });
  await makeAward(t.db, { personId: people.badgedTrainee.id, badge: "lc-instructor" });
  events = {
    training: await makeEvent(t.db, { tags: ["TTT"], start: "2026-02-01" }),
    laterTraining: await makeEvent(t.db, { tags: ["TTT"], start: "2026-03-01" }),
    stalled: await makeEvent(t.db, { tags: ["TTT", "stalled"] }),
    workshop: await makeEvent(t.db, { tags: ["SWC"] }),
  };
  const learner = (who: keyof typeof people, at: keyof typeof events) =>
    makeTask(t.db, { personId: people[who].id, eventId: events[at].id, role: "learner" });
  await learner("trainee", "laterTraining");
  await learner("trainee", "training");
  await learner("mixed", "training");
  await learner("mixed", "stalled");
  await learner("stalledOnly", "stalled");
  await learner("badgedTrainee", "training");
  await makeTask(t.db, { personId: people.noAirport.id, eventId: events.workshop.id, role: "learner" });
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  html = (await client.get(REPORT)).body;
});
after(() => t.close());

function section(heading: string): string {
  const start = html.indexOf(`>${heading}<`);
  assert.ok(start >= 0, `no section "${heading}"`);
  const next = html.indexOf("<section", start);
  return html.slice(start, next < 0 ? undefined : next);
}

const count = (text: string, id: number) => text.split(`href="/workshops/person/${id}/"`).length - 1;

test("lists instructors without an airport, once each, and not those with one", () => {
  const locations = section("Instructor Locations");
  assert.equal(count(locations, people.noAirport.id), 1);
  assert.equal(count(locations, people.twoBadges.id), 1);
  assert.equal(count(locations, people.withAirport.id), 0);
  assert.equal(count(locations, people.trainee.id), 0);
});

test("offers a mail link to instructors with an address and a cross to those without", () => {
  const locations = section("Instructor Locations");
  assert.match(locations, new RegExp(`mailto:${people.noAirport.email}\\?subject=`));
  assert.match(locations, /No email address for Double Issue/);
});

test("lists unbadged trainees with their trainings in date order", () => {
  const incomplete = section("Incomplete Trainees");
  assert.equal(count(incomplete, people.trainee.id), 1);
  assert.equal(count(incomplete, people.mixed.id), 1);
  const first = incomplete.indexOf(events.training.slug);
  const later = incomplete.indexOf(events.laterTraining.slug);
  assert.ok(first >= 0 && later > first);
  assert.ok(!incomplete.includes(events.stalled.slug));
});

test("leaves badged persons and non-training tasks out of the trainee lists", () => {
  assert.equal(count(section("Incomplete Trainees"), people.badgedTrainee.id), 0);
  assert.equal(count(section("Stalled Trainees"), people.badgedTrainee.id), 0);
  assert.equal(count(section("Incomplete Trainees"), people.noAirport.id), 0);
});

test("lists stalled trainees only when they have no training in progress", () => {
  const stalled = section("Stalled Trainees");
  assert.equal(count(stalled, people.stalledOnly.id), 1);
  assert.equal(count(stalled, people.mixed.id), 0);
  assert.ok(stalled.includes(events.stalled.slug));
});

test("the old address leads to the report", async () => {
  const response = await new Client(t.app).get("/workshops/reports/instructor_issues/");
  assert.equal(response.headers.location, REPORT);
});
