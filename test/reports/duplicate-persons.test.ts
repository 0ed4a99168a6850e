import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq, inArray } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

const REPORT = "/reports/duplicate_persons/";
const REVIEW = "/reports/duplicate_persons/review/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "Admin" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** The section of the report under the given heading. */
function section(html: string, heading: string): string {
  const start = html.indexOf(heading);
  assert.ok(start >= 0, `no section "${heading}"`);
  const next = html.indexOf("<section", start);
  return html.slice(start, next < 0 ? undefined : next);
}

const linksTo = (html: string, id: number) => html.includes(`href="/workshops/person/${id}/"`);

async function review(ids: number[], at: Date) {
  await t.db.update(person).set({ duplicationReviewedOn: at }).where(inArray(person.id, ids));
}

describe("the duplicate persons report", () => {
  test("lists persons whose names are switched, ordered by email", async () => {
    const b = await makePerson(t.db, { personal: "Grace", family: "Hopper", email: "b-hopper@example.org" });
    const a = await makePerson(t.db, { personal: "Hopper", family: "Grace", email: "a-hopper@example.org" });
    const alone = await makePerson(t.db, { personal: "Hopper", family: "Solo" });
    const html = (await (await adminClient()).get(REPORT)).body;
    const switched = section(html, "Persons with switched names");
    assert.ok(linksTo(switched, a.id) && linksTo(switched, b.id));
    assert.ok(!linksTo(switched, alone.id));
    assert.ok(
      switched.indexOf(`/workshops/person/${a.id}/`) < switched.indexOf(`/workshops/person/${b.id}/`),
    );
  });

  test("lists persons with exactly the same names, but not names that differ in case", async () => {
    const one = await makePerson(t.db, { personal: "Alan", family: "Turing" });
    const two = await makePerson(t.db, { personal: "Alan", family: "Turing" });
    const lower = await makePerson(t.db, { personal: "alan", family: "turing" });
    const html = (await (await adminClient()).get(REPORT)).body;
    const same = section(html, "Persons with the same names");
    assert.ok(linksTo(same, one.id) && linksTo(same, two.id));
    assert.ok(!linksTo(same, lower.id));
  });

  test("offers radios for merging and a merge form that comes back to the report", async () => {
    const one = await makePerson(t.db, { personal: "Radia", family: "Perlman" });
    const two = await makePerson(t.db, { personal: "Radia", family: "Perlman" });
    const same = section((await (await adminClient()).get(REPORT)).body, "Persons with the same names");
    assert.match(same, new RegExp(`name="person_a" value="${one.id}"`));
    assert.match(same, new RegExp(`name="person_b" value="${two.id}"`));
    assert.match(same, /action="\/workshops\/persons\/merge\/"/);
    assert.match(same, /name="next" value="\/reports\/duplicate_persons\/"/);
    assert.match(same, new RegExp(`name="person_id" value="${one.id}"`));
  });

  test("leaves out reviewed persons until they are edited a minute or more after the review", async () => {
    const one = await makePerson(t.db, { personal: "Edsger", family: "Dijkstra" });
    const two = await makePerson(t.db, { personal: "Edsger", family: "Dijkstra" });
    const reviewedAt = new Date(Date.now() - 10 * 60_000);
    await review([one.id, two.id], reviewedAt);
    await t.db
      .update(person)
      .set({ lastUpdatedAt: new Date(reviewedAt.getTime() + 30_000) })
      .where(eq(person.id, one.id));
    const client = await adminClient();
    assert.ok(!linksTo((await client.get(REPORT)).body, one.id));

    await t.db
      .update(person)
      .set({ lastUpdatedAt: new Date(reviewedAt.getTime() + 60_000) })
      .where(inArray(person.id, [one.id, two.id]));
    const same = section((await client.get(REPORT)).body, "Persons with the same names");
    assert.ok(linksTo(same, one.id) && linksTo(same, two.id));
  });

  test("shows a pair only when both of its persons are unreviewed", async () => {
    const one = await makePerson(t.db, { personal: "Barbara", family: "Liskov" });
    const two = await makePerson(t.db, { personal: "Barbara", family: "Liskov" });
    await review([one.id], new Date());
    const html = (await (await adminClient()).get(REPORT)).body;
    assert.ok(!linksTo(html, one.id));
    assert.ok(!linksTo(html, two.id));
  });
});

describe("marking persons as reviewed", () => {
  async function postReview(client: Client, ids: number[]) {
    const token = csrfTokenIn((await client.get(REPORT)).body);
    const fields = new URLSearchParams({ csrfmiddlewaretoken: token });
    for (const id of ids) fields.append("person_id", String(id));
    return client.request({
      method: "POST",
      url: REVIEW,
      payload: fields.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  test("sets the review time without touching last updated, and says how many", async () => {
    const one = await makePerson(t.db, { personal: "Donald", family: "Knuth" });
    const two = await makePerson(t.db, { personal: "Donald", family: "Knuth" });
    const updatedBefore = new Date("2025-01-01T00:00:00Z");
    await t.db
      .update(person)
      .set({ lastUpdatedAt: updatedBefore })
      .where(inArray(person.id, [one.id, two.id]));
    const client = await adminClient();
    const response = await postReview(client, [one.id, two.id]);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, REPORT);
    const rows = await t.db
      .select()
      .from(person)
      .where(inArray(person.id, [one.id, two.id]));
    for (const row of rows) {
      assert.ok(row.duplicationReviewedOn);
      assert.equal(row.lastUpdatedAt.toISOString(), updatedBefore.toISOString());
    }
    const page = (await client.get(REPORT)).body;
    assert.match(page, /Marked 2 persons as reviewed/);
    assert.ok(!linksTo(page, one.id));
  });

  test("warns and changes nothing when no person is chosen", async () => {
    const client = await adminClient();
    const response = await postReview(client, []);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, REPORT);
    assert.match((await client.get(REPORT)).body, /alert-warning[\s\S]*choose at least one person/);
  });

  test("refuses a review without the CSRF token", async () => {
    const client = await adminClient();
    const response = await client.post(REVIEW, { person_id: String(admin.id) });
    assert.equal(response.statusCode, 403);
  });
});

test("members may not see the report", async () => {
  const member = await makePerson(t.db);
  const client = await new Client(t.app).logIn(member.username, PASSWORD);
  assert.equal((await client.get(REPORT)).statusCode, 403);
});

test("the old address leads to the report", async () => {
  const response = await new Client(t.app).get("/workshops/reports/duplicate_persons/");
  assert.equal(response.headers.location, REPORT);
});
