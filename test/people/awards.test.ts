import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { communityRole } from "../../src/community-roles/schema.ts";
import { award } from "../../src/people/schema.ts";
import { badge } from "../../src/reference/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeCommunityRoleConfig,
  makeCommunityRoleOf,
  makeEvent,
  makePerson,
  PASSWORD,
  referenceId,
} from "../helpers/factories.ts";

const ADD = "/workshops/awards/add/";
let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  await t.db.update(badge).set({ retiredAt: new Date() }).where(eq(badge.name, "member"));
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const badgeId = (name: string) => referenceId(t.db, badge, name);

async function awardsOf(personId: number) {
  return t.db.select().from(award).where(eq(award.personId, personId));
}

async function fields(personId: number, badgeName: string, extra: Record<string, string> = {}) {
  return {
    "award-person": String(personId),
    "award-badge": String(await badgeId(badgeName)),
    "award-awarded": "2026-03-01",
    ...extra,
  };
}

/** The errors shown beside a field of the award form. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="id_${field}_errors"[^>]*><div>([^<]+)</div>`).exec(html)?.[1];
}

describe("the award form", () => {
  test("offers current badges by title, without the legacy instructor badges or retired ones", async () => {
    const client = await adminClient();
    const response = await client.get(ADD);
    assert.equal(response.statusCode, 200);
    const select = /<select id="id_award-badge"[\s\S]*?<\/select>/.exec(response.body)?.[0] ?? "";
    const titles = [...select.matchAll(/<option value="\d+"[^>]*>([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(titles, [
      "Creator",
      "Instructor",
      "Maintainer",
      "Mentee",
      "Mentor",
      "Organizer",
      "Trainer",
    ]);
    assert.match(
      response.body,
      new RegExp(`name="award-awarded" type="date" class="form-control" value="${todayIso()}"`),
    );
  });

  test("refuses an admin without the add_award permission", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
    const person = await makePerson(t.db);
    const response = await client.submit("/workshops/badges/", await fields(person.id, "mentor"), ADD);
    assert.equal(response.statusCode, 403);
    assert.equal((await awardsOf(person.id)).length, 0);
  });
});

describe("awarding a badge", () => {
  test("saves the award, says so and goes to the badge's page", async () => {
    const person = await makePerson(t.db, {
      personal: "Grace",
      family: "Hopper",
      email: "grace@example.org",
    });
    const event = await makeEvent(t.db, { slug: "2026-02-20-mentoring" });
    const client = await adminClient();
    const response = await client.submit(
      ADD,
      await fields(person.id, "mentor", {
        "award-event": String(event.id),
        "award-awarded_by": String(admin.id),
      }),
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/workshops/badge/mentor/");
    const [saved] = await awardsOf(person.id);
    assert.equal(saved?.awarded, "2026-03-01");
    assert.equal(saved?.eventId, event.id);
    assert.equal(saved?.awardedById, admin.id);
    const page = await client.get("/workshops/badge/mentor/");
    assert.match(
      page.body,
      /Grace Hopper &lt;grace@example.org(&gt;|>)\/Mentor\/2026-03-01\/2026-02-20-mentoring was created successfully\./,
    );
  });

  test("goes to a safe next address when given one", async () => {
    const person = await makePerson(t.db);
    const client = await adminClient();
    const url = `${ADD}?next=${encodeURIComponent("/workshops/persons/")}`;
    const response = await client.submit(url, await fields(person.id, "mentor"));
    assert.equal(response.headers.location, "/workshops/persons/");
  });

  test("ignores a next address on another site and goes to the badge's page", async () => {
    const person = await makePerson(t.db);
    const client = await adminClient();
    const url = `${ADD}?next=${encodeURIComponent("//evil.example.org/")}`;
    const response = await client.submit(url, await fields(person.id, "mentor"));
    assert.equal(response.headers.location, "/workshops/badge/mentor/");
  });

  test("uses the badge and person fixed by the link, whatever the form sends", async () => {
    const locked = await makePerson(t.db, { personal: "Locked", family: "Person" });
    const other = await makePerson(t.db);
    const url = `${ADD}?badge=${await badgeId("trainer")}&person=${locked.id}`;
    const client = await adminClient();
    const form = await client.get(url);
    assert.match(
      form.body,
      /<select id="id_award-person"[^>]*><option value>[^<]*<\/option><option value="\d+" selected>Locked Person/,
    );
    assert.doesNotMatch(form.body, /id="id_award-person"[^>]*data-lookup/);
    const response = await client.submit(url, await fields(other.id, "mentor"));
    assert.equal(response.statusCode, 303);
    assert.equal((await awardsOf(other.id)).length, 0);
    const [saved] = await awardsOf(locked.id);
    assert.equal(saved?.badgeId, await badgeId("trainer"));
  });
});

describe("award form errors", () => {
  async function rejected(values: Record<string, string>, field: string) {
    const client = await adminClient();
    const response = await client.submit(ADD, values);
    assert.equal(response.statusCode, 200);
    const message = fieldError(response.body, field);
    assert.ok(message, `an error beside ${field}`);
    return response;
  }

  test("asks for the person when none is chosen", async () => {
    await rejected({ ...(await fields(1, "mentor")), "award-person": "" }, "award-person");
  });

  test("asks for the badge when none is chosen", async () => {
    const person = await makePerson(t.db);
    await rejected({ ...(await fields(person.id, "mentor")), "award-badge": "" }, "award-badge");
    assert.equal((await awardsOf(person.id)).length, 0);
  });

  test("asks for the award date when it is empty", async () => {
    const person = await makePerson(t.db);
    await rejected(await fields(person.id, "mentor", { "award-awarded": "" }), "award-awarded");
  });

  test("refuses a date that is not YYYY-MM-DD, keeping what was typed", async () => {
    const person = await makePerson(t.db);
    const response = await rejected(
      await fields(person.id, "mentor", { "award-awarded": "1 March" }),
      "award-awarded",
    );
    assert.match(response.body, /value="1 March"/);
  });

  test("refuses a person who does not exist", async () => {
    await rejected(await fields(999999, "mentor"), "award-person");
  });

  test("refuses a legacy instructor badge", async () => {
    const person = await makePerson(t.db);
    await rejected(await fields(person.id, "swc-instructor"), "award-badge");
    assert.equal((await awardsOf(person.id)).length, 0);
  });

  test("refuses a retired badge", async () => {
    const person = await makePerson(t.db);
    await rejected(await fields(person.id, "member"), "award-badge");
  });

  test("refuses an event that does not exist", async () => {
    const person = await makePerson(t.db);
    await rejected(await fields(person.id, "mentor", { "award-event": "999999" }), "award-event");
  });

  test("refuses an awarding person who does not exist", async () => {
    const person = await makePerson(t.db);
    await rejected(await fields(person.id, "mentor", { "award-awarded_by": "999999" }), "award-awarded_by");
  });

  test("refuses a badge the person already holds, saving nothing more", async () => {
    const person = await makePerson(t.db);
    await makeAward(t.db, { personId: person.id, badge: "mentor" });
    const client = await adminClient();
    const response = await client.submit(ADD, await fields(person.id, "mentor"));
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /class="alert alert-danger"[^>]*><p class="mb-0">This person already holds this badge/,
    );
    assert.equal((await awardsOf(person.id)).length, 1);
  });
});

describe("community roles on award", () => {
  test("gives the person the role configured to follow the badge, starting today and linked to the award", async () => {
    const config = await makeCommunityRoleConfig(t.db, { badge: "maintainer", autoassign: true });
    await makeCommunityRoleConfig(t.db, { badge: "maintainer", autoassign: false });
    const person = await makePerson(t.db);
    const client = await adminClient();
    await client.submit(ADD, await fields(person.id, "maintainer"));
    const [saved] = await awardsOf(person.id);
    const roles = await t.db.select().from(communityRole).where(eq(communityRole.personId, person.id));
    assert.equal(roles.length, 1);
    assert.equal(roles[0]?.configId, config.id);
    assert.equal(roles[0]?.awardId, saved?.id);
    assert.equal(roles[0]?.start, todayIso());
    assert.equal(roles[0]?.end, null);
  });

  test("gives no second role when the person already holds a running one of that kind", async () => {
    const config = await makeCommunityRoleConfig(t.db, { badge: "creator", autoassign: true });
    const person = await makePerson(t.db);
    await makeCommunityRoleOf(t.db, { configId: config.id, personId: person.id, end: "2999-12-31" });
    const client = await adminClient();
    const response = await client.submit(ADD, await fields(person.id, "creator"));
    assert.equal(response.statusCode, 303);
    const roles = await t.db
      .select()
      .from(communityRole)
      .where(and(eq(communityRole.personId, person.id), eq(communityRole.configId, config.id)));
    assert.equal(roles.length, 1);
  });

  test("gives a new role when the earlier one has ended", async () => {
    const config = await makeCommunityRoleConfig(t.db, { badge: "organizer", autoassign: true });
    const person = await makePerson(t.db);
    await makeCommunityRoleOf(t.db, { configId: config.id, personId: person.id, end: "2020-01-01" });
    const client = await adminClient();
    await client.submit(ADD, await fields(person.id, "organizer"));
    const roles = await t.db.select().from(communityRole).where(eq(communityRole.personId, person.id));
    assert.equal(roles.length, 2);
  });
});
