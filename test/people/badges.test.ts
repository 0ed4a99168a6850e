import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { badge } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeAward, makeEvent, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "McGonagall" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** The person names in the awards table, top to bottom. */
function holders(html: string): string[] {
  return [...html.matchAll(/<td><a href="\/workshops\/person\/\d+\/">([^<]+)<\/a><\/td>/g)].map(
    (m) => m[1] ?? "",
  );
}

describe("badge list", () => {
  test("lists every badge by name with how many people hold it", async () => {
    await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "mentee" });
    await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "mentee" });
    const client = await adminClient();
    const response = await client.get("/workshops/badges/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>All Badges<\/h1>/);
    assert.match(
      response.body,
      /<a href="\/workshops\/badge\/mentee\/">mentee<\/a><\/td><td>Mentee<\/td><td>[^<]*<\/td><td class="text-end">2<\/td>/,
    );
    const names = [...response.body.matchAll(/href="\/workshops\/badge\/([^/]+)\/"/g)].map((m) => m[1]);
    assert.deepEqual(names, [...names].sort());
  });
});

describe("badge details", () => {
  test("answers 404 for a badge name that does not exist", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/workshops/badge/no-such-badge/")).statusCode, 404);
  });

  test("shows the badge, its holders with links, and an Award new link for the badge", async () => {
    const holder = await makePerson(t.db, { personal: "Ada", family: "Lovelace" });
    const event = await makeEvent(t.db, { slug: "2026-02-01-maintainers" });
    await makeAward(t.db, {
      personId: holder.id,
      badge: "maintainer",
      eventId: event.id,
      awardedById: admin.id,
    });
    const [row] = await t.db.select().from(badge).where(eq(badge.name, "maintainer"));
    const client = await adminClient();
    const response = await client.get("/workshops/badge/maintainer/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Badge Maintainer<\/h1>/);
    assert.match(response.body, new RegExp(`href="/workshops/awards/add/\\?badge=${row?.id}"`));
    assert.match(response.body, new RegExp(`<a href="/workshops/person/${holder.id}/">Ada Lovelace</a>`));
    assert.match(response.body, /<a href="\/workshops\/event\/2026-02-01-maintainers\/">/);
    assert.match(
      response.body,
      new RegExp(`<a href="/workshops/person/${admin.id}/">Minerva McGonagall</a>`),
    );
    assert.doesNotMatch(
      response.body,
      new RegExp(holder.email ?? "-"),
      "emails wait for the contact consent",
    );
    assert.match(
      response.body,
      /action="\/workshops\/award\/\d+\/delete\/\?next=%2Fworkshops%2Fbadge%2Fmaintainer%2F"/,
    );
  });

  test("says none awarded when nobody holds the badge", async () => {
    const client = await adminClient();
    const response = await client.get("/workshops/badge/organizer/");
    assert.match(response.body, /None awarded\./);
  });

  test("filters by award dates and by event", async () => {
    const event = await makeEvent(t.db);
    const early = await makePerson(t.db, { personal: "Early", family: "Bird" });
    const middle = await makePerson(t.db, { personal: "Middle", family: "Way" });
    const late = await makePerson(t.db, { personal: "Late", family: "Comer" });
    await makeAward(t.db, { personId: early.id, badge: "creator", awarded: "2025-01-01" });
    await makeAward(t.db, {
      personId: middle.id,
      badge: "creator",
      awarded: "2025-06-01",
      eventId: event.id,
    });
    await makeAward(t.db, { personId: late.id, badge: "creator", awarded: "2025-12-01" });
    const client = await adminClient();
    const dates = await client.get(
      "/workshops/badge/creator/?awarded_after=2025-03-01&awarded_before=2025-12-01",
    );
    assert.deepEqual(holders(dates.body), ["Middle Way", "Late Comer"]);
    const byEvent = await client.get(`/workshops/badge/creator/?event=${event.id}`);
    assert.deepEqual(holders(byEvent.body), ["Middle Way"]);
  });

  test("orders by award date by default and by family name when asked", async () => {
    const client = await adminClient();
    const byDate = await client.get("/workshops/badge/creator/");
    assert.deepEqual(holders(byDate.body), ["Early Bird", "Middle Way", "Late Comer"]);
    const newest = await client.get("/workshops/badge/creator/?order_by=-awarded");
    assert.deepEqual(holders(newest.body), ["Late Comer", "Middle Way", "Early Bird"]);
    const byFamily = await client.get("/workshops/badge/creator/?order_by=person__family");
    assert.deepEqual(holders(byFamily.body), ["Early Bird", "Late Comer", "Middle Way"]);
    const reversed = await client.get("/workshops/badge/creator/?order_by=-person__family");
    assert.deepEqual(holders(reversed.body), ["Middle Way", "Late Comer", "Early Bird"]);
  });

  test("shows an error beside a bad date instead of failing, and ignores that filter", async () => {
    const client = await adminClient();
    const response = await client.get("/workshops/badge/creator/?awarded_after=31-12-2025");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_awarded_after_errors"/);
    assert.equal(holders(response.body).length, 3);
  });

  test("shows 25 holders a page", async () => {
    for (let i = 0; i < 26; i++)
      await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "member" });
    const client = await adminClient();
    assert.equal(holders((await client.get("/workshops/badge/member/")).body).length, 25);
    assert.equal(holders((await client.get("/workshops/badge/member/?page=2")).body).length, 1);
  });

  test("disables Award new and hides Delete for an admin without the award permissions", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    const response = await client.get("/workshops/badge/creator/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<button type="button" class="btn btn-primary" disabled[^>]*>Award new/);
    assert.doesNotMatch(response.body, /\/delete\//);
  });
});
