import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeCommunityRole,
  makeEvent,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { lessonId, listedIds, makeStaffPerson, STAFF, teaches } from "./staff-fixtures.ts";

let t: TestApp;
let client: Client;
before(async () => {
  t = await startTestApp();
  const admin = await makeAdmin(t.db, { personal: "Zed", family: "Zzadmin" });
  client = await new Client(t.app).logIn(admin.username, PASSWORD);
});
after(() => t.close());

const position = (ids: number[], person: { id: number }) => ids.indexOf(person.id);

describe("order", () => {
  test("is by family then personal name when no place is given", async () => {
    const b = await makeStaffPerson(t.db, { personal: "Anna", family: "Aaorder-B" });
    const a2 = await makeStaffPerson(t.db, { personal: "Bob", family: "Aaorder-A" });
    const a1 = await makeStaffPerson(t.db, { personal: "Alice", family: "Aaorder-A" });
    const ids = await listedIds(client, "");
    assert.ok(position(ids, a1) < position(ids, a2) && position(ids, a2) < position(ids, b));
  });

  test("is nearest first from the given coordinates, zero being a coordinate", async () => {
    const atZero = await makeStaffPerson(t.db, { family: "Zzzero", lat: 0.5, lon: 0.5 });
    const north = await makeStaffPerson(t.db, { family: "Aanorth", lat: 60, lon: 0 });
    const ids = await listedIds(client, "latitude=0&longitude=0");
    assert.equal(ids[0], atZero.id);
    assert.ok(position(ids, atZero) < position(ids, north));
    const fromNorth = await listedIds(client, "latitude=59&longitude=0.0");
    assert.equal(fromNorth[0], north.id);
  });

  test("is nearest first from the chosen airport", async () => {
    const warsaw = await makeStaffPerson(t.db, { family: "Zzwarsaw", lat: 52.2, lon: 21 });
    await makeStaffPerson(t.db, { family: "Aalima", lat: -12, lon: -77 });
    const ids = await listedIds(client, "airport_iata=waw");
    assert.equal(ids[0], warsaw.id);
  });
});

describe("form errors", () => {
  test("one coordinate alone is refused, and the list stays in name order", async () => {
    const response = await client.get(`${STAFF}?latitude=10`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Give both a latitude and a longitude/);
  });

  test("an airport together with a country is refused, and is not used for the order", async () => {
    const near = await makeStaffPerson(t.db, {
      family: "Zzzznear",
      lat: 52.2,
      lon: 21,
      airportCountry: "PL",
    });
    await makeStaffPerson(t.db, { family: "Aafar", lat: -40, lon: 170, airportCountry: "PL" });
    const response = await client.get(`${STAFF}?airport_iata=WAW&country=PL&items_per_page=all`);
    assert.match(response.body, /choose one of them, or none/);
    const ids = await listedIds(client, "airport_iata=WAW&country=PL");
    assert.ok(ids.includes(near.id));
    assert.notEqual(ids[0], near.id);
  });

  test("a latitude out of range is shown beside the field, and other filters still apply", async () => {
    const woman = await makeStaffPerson(t.db, { gender: "F" });
    const man = await makeStaffPerson(t.db, { gender: "M" });
    const response = await client.get(`${STAFF}?latitude=91&longitude=0&gender=F&items_per_page=all`);
    assert.match(response.body, /id="id_latitude_errors"[^>]*>.*between -90 and 90/s);
    assert.match(response.body, /name="latitude"[^>]*value="91"/);
    const ids = await listedIds(client, "latitude=91&longitude=0&gender=F");
    assert.ok(ids.includes(woman.id) && !ids.includes(man.id));
  });

  test("an unknown airport and an unknown lesson are refused as choices", async () => {
    const response = await client.get(`${STAFF}?airport_iata=QQQQ&lessons=999999`);
    assert.match(response.body, /id="id_airport_iata_errors"/);
    assert.match(response.body, /id="id_lessons_errors"[^>]*>.*Select a valid choice/s);
  });
});

describe("what a row shows", () => {
  test("counts taught workshops and trainings once per task, whoever administers them", async () => {
    const person = await makeStaffPerson(t.db, { family: "Zzcounts", email: "counts@example.org" });
    await makeAward(t.db, { personId: person.id, badge: "instructor" });
    await makeAward(t.db, { personId: person.id, badge: "trainer" });
    const noAdministrator = await makeEvent(t.db);
    const otherAdministrator = await makeEvent(t.db, { administratorDomain: "datacarpentry.org" });
    const training = await makeEvent(t.db, { administratorDomain: "carpentries.org", tags: ["TTT"] });
    for (const event of [noAdministrator, otherAdministrator, training]) {
      await makeTask(t.db, { personId: person.id, eventId: event.id, role: "instructor" });
    }
    await makeTask(t.db, { personId: person.id, eventId: noAdministrator.id, role: "helper" });
    const html = (await client.get(`${STAFF}?is_trainer=on`)).body;
    const row = html.slice(html.indexOf(`/workshops/person/${person.id}/`));
    assert.match(row, /^[^<]*<\/a><\/td><td>3<\/td>/);
    assert.match(html, /TRAINER/);
    assert.ok(!html.includes("counts@example.org"), "no email without a contact consent");

    const csv = parse((await client.get(`${STAFF}csv/?is_trainer=on`)).body) as string[][];
    const line = csv.find((fields) => fields[1] === "counts@example.org");
    assert.equal(line?.[4], "2");
    assert.equal(line?.[3], "yes");
  });

  test("shows the person's lessons, the searched ones in bold", async () => {
    const git = await lessonId(t.db, "swc/git");
    const sql = await lessonId(t.db, "swc/sql");
    const person = await makeStaffPerson(t.db);
    await teaches(t.db, person.id, [git, sql]);
    const html = (await client.get(`${STAFF}?lessons=${git}`)).body;
    assert.match(html, /<strong>swc\/git<\/strong>/);
    assert.match(html, /swc\/sql/);
    assert.ok(!html.includes("<strong>swc/sql</strong>"));
  });
});

describe("the CSV export", () => {
  test("has AMY's header and one line per person with effective country and lessons", async () => {
    const person = await makeStaffPerson(t.db, {
      personal: "Csv",
      family: "Exported",
      email: "csv@example.org",
      iata: "KRK",
      airportCountry: "PL",
      country: "DE",
      affiliation: "Somewhere",
    });
    await teaches(t.db, person.id, [await lessonId(t.db, "dc/r"), await lessonId(t.db, "dc/sql")]);
    await makeCommunityRole(t.db, { personId: person.id });
    const trainee = await makeStaffPerson(t.db, { personal: "Csv", family: "Trainee", airportCountry: "PL" });
    const training = await makeEvent(t.db, { tags: ["TTT"] });
    await makeTask(t.db, { personId: trainee.id, eventId: training.id, role: "learner" });
    const response = await client.get(`${STAFF}csv/?country=DE&country=PL`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/csv/);
    assert.match(String(response.headers["content-disposition"]), /attachment; filename="WorkshopStaff.csv"/);
    const rows = parse(response.body) as string[][];
    assert.deepEqual(rows[0], [
      "Name",
      "Email",
      "Is instructor",
      "Is trainer",
      "Taught times",
      "Is trainee",
      "Airport",
      "Country",
      "Lessons",
      "Affiliation",
    ]);
    assert.deepEqual(
      rows.find((row) => row[0] === "Csv Exported"),
      [
        "Csv Exported",
        "csv@example.org",
        "yes",
        "no",
        "0",
        "no",
        "KRK",
        "Germany",
        "dc/r dc/sql",
        "Somewhere",
      ],
    );
    assert.equal(rows.find((row) => row[0] === "Csv Trainee")?.[5], "yes");
  });
});

test("shows 25 persons a page with links to the next pages", async () => {
  for (let index = 0; index < 26; index++) await makeStaffPerson(t.db, { family: `Pager${index}` });
  const first = await client.get(STAFF);
  const rows = first.body.match(/href="\/workshops\/person\/\d+\/"/g) ?? [];
  assert.equal(rows.length, 25);
  assert.match(first.body, /href="\/workshops\/workshop_staff\/\?page=2"/);
});

test("shows a sentence when no one matches", async () => {
  const response = await client.get(`${STAFF}?country=AQ`);
  assert.match(response.body, /No matches\./);
});

test("members may not search for staff", async () => {
  const member = await makePerson(t.db);
  const memberClient = await new Client(t.app).logIn(member.username, PASSWORD);
  assert.equal((await memberClient.get(STAFF)).statusCode, 403);
  assert.equal((await memberClient.get(`${STAFF}csv/`)).statusCode, 403);
});
