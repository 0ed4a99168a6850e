import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person, socialAuth } from "../../src/accounts/schema.ts";
import { comment } from "../../src/comments/schema.ts";
import { version } from "../../src/history/schema.ts";
import { qualification } from "../../src/people/schema.ts";
import { lesson } from "../../src/reference/schema.ts";
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

const VALID = { personal: "Hermione", family: "Granger", gender: "F", airport_iata: "LHR" };

async function createWith(fields: Record<string, string>) {
  const client = await adminClient();
  return client.submit("/workshops/persons/add/", { ...VALID, ...fields });
}

async function storedPerson(id: number) {
  const [row] = await t.db.select().from(person).where(eq(person.id, id));
  assert.ok(row);
  return row;
}

function createdId(location: unknown): number {
  const match = /^\/workshops\/person\/(\d+)\/$/.exec(String(location));
  assert.ok(match, `redirected to ${location}`);
  return Number(match[1]);
}

describe("creating a person", () => {
  test("saves an inactive person with a generated username, the airport's location and a history version", async () => {
    const response = await createWith({ family: "Granger-Create", email: " Hermione.Create@Example.ORG " });
    assert.equal(response.statusCode, 303);
    const created = await storedPerson(createdId(response.headers.location));
    assert.equal(created.username, "granger-create_hermione");
    assert.equal(created.email, "hermione.create@example.org");
    assert.equal(created.isActive, false);
    assert.equal(created.airportCountry, "GB");
    assert.equal(created.airportTimezone, "Europe/London");
    assert.ok(created.airportLat > 51 && created.airportLat < 52);
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(created.id)));
    assert.equal(versions.length, 1);
  });

  test("keeps country and time-zone overrides entered together with the airport", async () => {
    const response = await createWith({ family: "Override", country: "IE", timezone: "Europe/Dublin" });
    const created = await storedPerson(createdId(response.headers.location));
    assert.equal(created.country, "IE");
    assert.equal(created.timezone, "Europe/Dublin");
  });

  test("stores lessons as qualifications and the comment as an automatic comment", async () => {
    const [python] = await t.db.select().from(lesson).where(eq(lesson.name, "swc/python"));
    assert.ok(python);
    const client = await adminClient();
    const page = await client.get("/workshops/persons/add/");
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const body = new URLSearchParams({ ...VALID, family: "Lessons", comment: "Met at the *conference*." });
    body.append("lessons", String(python.id));
    body.append("csrfmiddlewaretoken", token);
    const response = await client.request({
      method: "POST",
      url: "/workshops/persons/add/",
      payload: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const id = createdId(response.headers.location);
    const lessons = await t.db.select().from(qualification).where(eq(qualification.personId, id));
    assert.deepEqual(
      lessons.map((row) => row.lessonId),
      [python.id],
    );
    const comments = await t.db
      .select()
      .from(comment)
      .where(eq(comment.objectPk, String(id)));
    assert.equal(comments[0]?.userName, "Automatic comment");
  });

  test("pre-fills personal, family and email from the query string", async () => {
    const client = await adminClient();
    const page = await client.get(
      "/workshops/persons/add/?personal=Luna&family=Lovegood&email=luna%40example.org",
    );
    assert.match(page.body, /value="Luna"/);
    assert.match(page.body, /value="luna@example.org"/);
  });
});

describe("the person form refuses bad input and saves nothing", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["a missing personal name", { personal: " " }, "personal", /Enter the personal/],
    ["an invalid email", { email: "not-an-email" }, "email", /valid email/],
    ["a missing airport", { airport_iata: "" }, "airport_iata", /nearest major airport/],
    ["an unknown airport code", { airport_iata: "ZZZ" }, "airport_iata", /Invalid IATA code: ZZZ/],
    ["gender Other without a description", { gender: "O" }, "gender", /Describe the gender/],
    ["a description without gender Other", { gender: "F", gender_other: "x" }, "gender", /Choose “Other”/],
    ["an invalid GitHub username", { github: "-bad-" }, "github", /not a valid GitHub username/],
    ["a Bluesky handle with @", { bluesky: "@alice.bsky.social" }, "bluesky", /Bluesky handle/],
    ["a Mastodon link", { mastodon: "https://mastodon.social/@alice" }, "mastodon", /Mastodon handle/],
    ["a bare ORCID id", { orcid: "0000-0002-1825-0097" }, "orcid", /full ORCID link/],
    ["an unknown country", { country: "XX" }, "country", /Choose a country/],
    ["an unknown time zone", { timezone: "Mars/Olympus" }, "timezone", /time zone/],
    ["an unknown lesson", { lessons: "999999" }, "lessons", /Choose only from the list/],
  ];
  for (const [what, fields, field, message] of cases) {
    test(`re-shows the form with an error on ${field} for ${what}`, async () => {
      const before = await t.db.$count(person);
      const response = await createWith({ family: `Bad-${field}`, ...fields });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, message);
      assert.match(response.body, new RegExp(`id="id_${field}_errors"`));
      assert.equal(await t.db.$count(person), before);
    });
  }

  test("refuses an email another person has, ignoring case", async () => {
    await makePerson(t.db, { email: "taken@example.org" });
    const response = await createWith({ email: "Taken@Example.org" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Another person already has this email address/);
  });

  test("refuses a GitHub username another person has", async () => {
    const other = await makePerson(t.db);
    await t.db.update(person).set({ github: "takenhub" }).where(eq(person.id, other.id));
    const response = await createWith({ github: "takenhub" });
    assert.match(response.body, /Another person already has this GitHub username/);
  });
});

describe("editing a person", () => {
  async function editForm(id: number) {
    const client = await adminClient();
    const page = await client.get(`/workshops/person/${id}/edit/`);
    assert.equal(page.statusCode, 200);
    return client;
  }

  test("clears stale country and time-zone overrides when the airport changes", async () => {
    const target = await makePerson(t.db, { family: "Mover" });
    await t.db
      .update(person)
      .set({ airportIata: "LHR", country: "IE", timezone: "Europe/Dublin" })
      .where(eq(person.id, target.id));
    const client = await editForm(target.id);
    const response = await client.submit(`/workshops/person/${target.id}/edit/`, {
      ...VALID,
      username: target.username,
      family: "Mover",
      airport_iata: "WAW",
      country: "IE",
      timezone: "Europe/Dublin",
    });
    assert.equal(response.statusCode, 303);
    const saved = await storedPerson(target.id);
    assert.equal(saved.airportCountry, "PL");
    assert.equal(saved.country, "");
    assert.equal(saved.timezone, "");
  });

  test("a new GitHub username ends the GitHub logins linked to the old one", async () => {
    const target = await makePerson(t.db, { family: "Hubber" });
    await t.db.update(person).set({ github: "oldhub" }).where(eq(person.id, target.id));
    await t.db.insert(socialAuth).values({ provider: "github", uid: "42", userId: target.id });
    const client = await editForm(target.id);
    await client.submit(`/workshops/person/${target.id}/edit/`, {
      ...VALID,
      username: target.username,
      github: "newhub",
    });
    assert.equal(await t.db.$count(socialAuth, eq(socialAuth.userId, target.id)), 0);
  });

  test("an unchanged GitHub username keeps the logins", async () => {
    const target = await makePerson(t.db, { family: "Keeper" });
    await t.db.update(person).set({ github: "samehub" }).where(eq(person.id, target.id));
    await t.db.insert(socialAuth).values({ provider: "github", uid: "43", userId: target.id });
    const client = await editForm(target.id);
    await client.submit(`/workshops/person/${target.id}/edit/`, {
      ...VALID,
      username: target.username,
      github: "samehub",
    });
    assert.equal(await t.db.$count(socialAuth, eq(socialAuth.userId, target.id)), 1);
  });

  test("refuses a username with spaces or one another person has", async () => {
    const target = await makePerson(t.db);
    const other = await makePerson(t.db);
    const client = await editForm(target.id);
    const spaced = await client.submit(`/workshops/person/${target.id}/edit/`, { ...VALID, username: "a b" });
    assert.match(spaced.body, /id="id_username_errors"/);
    const taken = await client.submit(`/workshops/person/${target.id}/edit/`, {
      ...VALID,
      username: other.username,
    });
    assert.match(taken.body, /Another person already has this username/);
  });

  test("a person may edit their own profile without being an admin", async () => {
    const member = await makePerson(t.db, { family: "Self" });
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    const response = await client.submit(`/workshops/person/${member.id}/edit/`, {
      ...VALID,
      username: member.username,
      family: "Selfedited",
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await storedPerson(member.id)).family, "Selfedited");
  });

  test("a member may not edit someone else", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    const response = await client.get(`/workshops/person/${admin.id}/edit/`);
    assert.equal(response.statusCode, 403);
  });

  test("an unknown person is a 404", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/workshops/person/999999/edit/")).statusCode, 404);
    assert.equal((await client.get("/workshops/person/abc/")).statusCode, 404);
  });
});
