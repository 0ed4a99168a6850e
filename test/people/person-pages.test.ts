import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person, personGroup, socialAuth } from "../../src/accounts/schema.ts";
import { version } from "../../src/history/schema.ts";
import { badge, tag } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAward,
  makeEvent,
  makePerson,
  makeSuperuser,
  makeTask,
  PASSWORD,
  referenceId,
} from "../helpers/factories.ts";
import { type FakeGithub, startFakeGithub } from "../helpers/fake-github.ts";

let t: TestApp;
let github: FakeGithub;
let superuser: Awaited<ReturnType<typeof makeSuperuser>>;
before(async () => {
  github = await startFakeGithub();
  t = await startTestApp(github.config);
  superuser = await makeSuperuser(t.db, { personal: "Albus" });
});
after(async () => {
  await t.close();
  await github.close();
});

const superClient = () => new Client(t.app).logIn(superuser.username, PASSWORD);

describe("the persons list", () => {
  test("filters by badge and by the tags of workshops taught, and sorts by email", async () => {
    const marker = `List${Date.now()}`;
    const instructor = await makePerson(t.db, {
      family: marker,
      email: `b-${marker}@example.org`.toLowerCase(),
    });
    const trainer = await makePerson(t.db, {
      family: marker,
      email: `a-${marker}@example.org`.toLowerCase(),
    });
    await makeAward(t.db, { personId: instructor.id, badge: "instructor" });
    await makeAward(t.db, { personId: trainer.id, badge: "trainer" });
    const workshop = await makeEvent(t.db, { tags: ["SWC"] });
    await makeTask(t.db, { personId: instructor.id, eventId: workshop.id, role: "instructor" });
    const client = await superClient();

    const byBadge = await client.get(
      `/workshops/persons/?badges=${await referenceId(t.db, badge, "trainer")}&items_per_page=all`,
    );
    assert.match(byBadge.body, new RegExp(`a-${marker.toLowerCase()}`));
    assert.doesNotMatch(byBadge.body, new RegExp(`b-${marker.toLowerCase()}`));
    assert.match(byBadge.body, /TRAINER/);
    const trainerId = await referenceId(t.db, badge, "trainer");
    assert.match(byBadge.body, new RegExp(`<option value="${trainerId}" selected[^>]*>Trainer</option>`));

    const byTag = await client.get(
      `/workshops/persons/?taught_workshops=${await referenceId(t.db, tag, "SWC")}`,
    );
    assert.match(byTag.body, new RegExp(`b-${marker.toLowerCase()}`));
    assert.doesNotMatch(byTag.body, new RegExp(`a-${marker.toLowerCase()}`));

    const sorted = await client.get("/workshops/persons/?order_by=email&items_per_page=all");
    assert.ok(
      sorted.body.indexOf(`a-${marker.toLowerCase()}`) < sorted.body.indexOf(`b-${marker.toLowerCase()}`),
    );
  });

  test("ignores an unknown sort and bad filter values instead of failing", async () => {
    const client = await superClient();
    const response = await client.get("/workshops/persons/?order_by=password&badges=abc&page=x");
    assert.equal(response.statusCode, 200);
  });
});

describe("the person page", () => {
  test("shows the profile, badges, tasks with counts and a history line", async () => {
    const target = await makePerson(t.db, { personal: "Neville", family: "Detail" });
    await makeAward(t.db, { personId: target.id, badge: "instructor" });
    const training = await makeEvent(t.db, { administratorDomain: "carpentries.org", tags: ["TTT"] });
    const workshop = await makeEvent(t.db);
    await makeTask(t.db, { personId: target.id, eventId: training.id, role: "instructor" });
    await makeTask(t.db, { personId: target.id, eventId: workshop.id, role: "instructor" });
    const client = await superClient();
    await client.submit(`/workshops/person/${target.id}/edit/`, {
      username: target.username,
      personal: "Neville",
      family: "Detail",
      gender: "U",
      airport_iata: "LHR",
    });
    const page = await client.get(`/workshops/person/${target.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Instructor: 1 · Trainer: 1/);
    assert.match(page.body, /\/workshops\/badge\/instructor\//);
    assert.match(page.body, new RegExp(workshop.slug));
    assert.match(page.body, /Last modified\s*on/);
  });

  test("warns when the person is inactive or has no airport", async () => {
    const target = await makePerson(t.db, { isActive: false, personal: "Quiet" });
    const client = await superClient();
    const page = await client.get(`/workshops/person/${target.id}/`);
    assert.match(page.body, /is not active/);
    assert.match(page.body, /has no airport/);
  });
});

describe("deleting a person", () => {
  test("deletes a person nothing refers to", async () => {
    const target = await makePerson(t.db);
    const client = await superClient();
    const response = await client.submit(
      `/workshops/person/${target.id}/`,
      {},
      `/workshops/person/${target.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(await t.db.$count(person, eq(person.id, target.id)), 0);
  });

  test("lists the tasks and awards that block the delete and removes nothing", async () => {
    const target = await makePerson(t.db);
    const workshop = await makeEvent(t.db);
    await makeTask(t.db, { personId: target.id, eventId: workshop.id });
    await makeAward(t.db, { personId: target.id });
    const client = await superClient();
    const response = await client.submit(
      `/workshops/person/${target.id}/`,
      {},
      `/workshops/person/${target.id}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Tasks/);
    assert.match(response.body, /Awards/);
    assert.equal(await t.db.$count(person, eq(person.id, target.id)), 1);
  });

  test("is refused to an admin without delete_person, and GET is not allowed", async () => {
    const target = await makePerson(t.db);
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    const page = await client.get(`/workshops/person/${target.id}/`);
    assert.equal(page.statusCode, 200);
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const response = await client.post(`/workshops/person/${target.id}/delete/`, {
      csrfmiddlewaretoken: token,
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await client.get(`/workshops/person/${target.id}/delete/`)).statusCode, 405);
  });
});

describe("archiving a person", () => {
  test("wipes contact details and logins, keeps names, and leaves one history version", async () => {
    const target = await makePerson(t.db, {
      personal: "Gilderoy",
      family: "Lockhart",
      groups: ["administrators"],
    });
    await t.db
      .update(person)
      .set({ github: "gilderoy", airportIata: "LHR", affiliation: "Hogwarts", isSuperuser: true })
      .where(eq(person.id, target.id));
    await t.db.insert(socialAuth).values({ provider: "github", uid: "77", userId: target.id });
    const client = await superClient();
    await client.submit(`/workshops/person/${target.id}/edit/`, {
      username: target.username,
      personal: "Gilderoy",
      family: "Lockhart",
      gender: "M",
      airport_iata: "LHR",
    });
    const response = await client.submit(
      `/workshops/person/${target.id}/`,
      {},
      `/workshops/person/${target.id}/archive/`,
    );
    assert.equal(response.statusCode, 303);
    const [archived] = await t.db.select().from(person).where(eq(person.id, target.id));
    assert.ok(archived?.archivedAt);
    assert.equal(archived.email, null);
    assert.equal(archived.github, null);
    assert.equal(archived.affiliation, "");
    assert.equal(archived.gender, "U");
    assert.equal(archived.isActive, false);
    assert.equal(archived.isSuperuser, false);
    assert.equal(archived.personal, "Gilderoy");
    assert.equal(await t.db.$count(personGroup, eq(personGroup.personId, target.id)), 0);
    assert.equal(await t.db.$count(socialAuth, eq(socialAuth.userId, target.id)), 0);
    assert.equal(await t.db.$count(version, eq(version.objectId, String(target.id))), 1);
  });

  test("a member may archive themselves and is sent to the login page", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    const home = await client.get(`/workshops/person/${member.id}/edit/`);
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(home.body)?.[1] ?? "";
    const response = await client.post(`/workshops/person/${member.id}/archive/`, {
      csrfmiddlewaretoken: token,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/account/login/");
    const other = await makePerson(t.db);
    const again = await new Client(t.app).logIn(other.username, PASSWORD);
    const page = await again.get(`/workshops/person/${other.id}/edit/`);
    const otherToken = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const refused = await again.post(`/workshops/person/${member.id}/archive/`, {
      csrfmiddlewaretoken: otherToken,
    });
    assert.equal(refused.statusCode, 403);
  });
});

describe("login rights", () => {
  test("the permissions page sets the active and superuser flags and the groups", async () => {
    const target = await makePerson(t.db, { isActive: false });
    const client = await superClient();
    const page = await client.get(`/workshops/person/${target.id}/permissions/`);
    const groupId = /<option value="(\d+)"[^>]*>administrators<\/option>/.exec(page.body)?.[1];
    assert.ok(groupId);
    const response = await client.submit(`/workshops/person/${target.id}/permissions/`, {
      is_active: "on",
      groups: groupId,
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db.select().from(person).where(eq(person.id, target.id));
    assert.equal(saved?.isActive, true);
    assert.equal(saved?.isSuperuser, false);
    assert.equal(await t.db.$count(personGroup, eq(personGroup.personId, target.id)), 1);
  });

  test("refuses a group that does not exist and changes nothing", async () => {
    const target = await makePerson(t.db, { isActive: false });
    const client = await superClient();
    await client.submit(`/workshops/person/${target.id}/permissions/`, { is_active: "on", groups: "999999" });
    const [saved] = await t.db.select().from(person).where(eq(person.id, target.id));
    assert.equal(saved?.isActive, false);
  });

  test("allowing GitHub login links the id GitHub gives for the username", async () => {
    const target = await makePerson(t.db);
    await t.db.update(person).set({ github: "Octo-Sync" }).where(eq(person.id, target.id));
    github.users.set("octo-sync", 4242);
    const client = await superClient();
    const response = await client.submit(
      `/workshops/person/${target.id}/`,
      {},
      `/workshops/person/${target.id}/sync_usersocialauth/`,
    );
    assert.equal(response.statusCode, 303);
    const [link] = await t.db.select().from(socialAuth).where(eq(socialAuth.userId, target.id));
    assert.equal(link?.uid, "4242");
    assert.equal(link?.provider, "github");
  });

  test("allowing GitHub login is not possible for an unknown GitHub user or an inactive person", async () => {
    const unknown = await makePerson(t.db);
    await t.db.update(person).set({ github: "nobody-here" }).where(eq(person.id, unknown.id));
    const inactive = await makePerson(t.db, { isActive: false });
    await t.db.update(person).set({ github: "sleepy" }).where(eq(person.id, inactive.id));
    github.users.set("sleepy", 5151);
    const client = await superClient();
    for (const target of [unknown, inactive]) {
      await client.submit(
        `/workshops/person/${target.id}/`,
        {},
        `/workshops/person/${target.id}/sync_usersocialauth/`,
      );
      assert.equal(await t.db.$count(socialAuth, eq(socialAuth.userId, target.id)), 0);
    }
    const page = await client.get(`/workshops/person/${inactive.id}/`);
    assert.match(page.body, /could not be allowed/);
  });

  test("a GitHub outage is reported, not a 500", async () => {
    const target = await makePerson(t.db);
    await t.db.update(person).set({ github: "outage" }).where(eq(person.id, target.id));
    github.failUser = 502;
    try {
      const client = await superClient();
      const response = await client.submit(
        `/workshops/person/${target.id}/`,
        {},
        `/workshops/person/${target.id}/sync_usersocialauth/`,
      );
      assert.equal(response.statusCode, 303);
      const page = await client.get(`/workshops/person/${target.id}/`);
      assert.match(page.body, /HTTP status 502/);
    } finally {
      github.failUser = undefined;
    }
  });
});
