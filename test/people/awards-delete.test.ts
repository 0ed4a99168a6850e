import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { award } from "../../src/people/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeCommunityRoleConfig,
  makeCommunityRoleOf,
  makePerson,
  PASSWORD,
} from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const exists = async (id: number) => (await t.db.select().from(award).where(eq(award.id, id))).length > 0;

test("deletes an award, says so and goes back to the badge's page", async () => {
  const person = await makePerson(t.db, { personal: "Alan", family: "Turing", email: null });
  const saved = await makeAward(t.db, { personId: person.id, badge: "mentor", awarded: "2026-01-15" });
  const client = await adminClient();
  const response = await client.submit("/workshops/badges/", {}, `/workshops/award/${saved.id}/delete/`);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, "/workshops/badge/mentor/");
  assert.equal(await exists(saved.id), false);
  const page = await client.get("/workshops/badge/mentor/");
  assert.match(page.body, /Alan Turing\/Mentor\/2026-01-15\/None was deleted successfully\./);
});

test("goes to a safe next address after deleting", async () => {
  const saved = await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "mentor" });
  const client = await adminClient();
  const next = encodeURIComponent("/workshops/badge/mentor/?order_by=-awarded");
  const response = await client.submit(
    "/workshops/badges/",
    {},
    `/workshops/award/${saved.id}/delete/?next=${next}`,
  );
  assert.equal(response.headers.location, "/workshops/badge/mentor/?order_by=-awarded");
});

test("ignores a next address on another site", async () => {
  const saved = await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "mentor" });
  const client = await adminClient();
  const next = encodeURIComponent("https://evil.example.org/");
  const response = await client.submit(
    "/workshops/badges/",
    {},
    `/workshops/award/${saved.id}/delete/?next=${next}`,
  );
  assert.equal(response.headers.location, "/workshops/badge/mentor/");
});

test("keeps an award a community role points at, and names the role", async () => {
  const person = await makePerson(t.db);
  const saved = await makeAward(t.db, { personId: person.id, badge: "trainer" });
  const config = await makeCommunityRoleConfig(t.db, { name: "Trainer", badge: "trainer" });
  await makeCommunityRoleOf(t.db, {
    configId: config.id,
    personId: person.id,
    awardId: saved.id,
    start: "2026-01-20",
  });
  const client = await adminClient();
  const response = await client.submit("/workshops/badges/", {}, `/workshops/award/${saved.id}/delete/`);
  assert.equal(response.statusCode, 409);
  assert.match(response.body, /was not deleted/);
  assert.match(response.body, /<li>Trainer, from 2026-01-20, with no end<\/li>/);
  assert.match(response.body, new RegExp(`href="/workshops/person/${person.id}/edit/">Go back`));
  assert.equal(await exists(saved.id), true);
});

test("answers 404 for an award that does not exist", async () => {
  const client = await adminClient();
  const response = await client.submit("/workshops/badges/", {}, "/workshops/award/999999/delete/");
  assert.equal(response.statusCode, 404);
});

test("refuses an admin without the delete_award permission", async () => {
  const saved = await makeAward(t.db, { personId: (await makePerson(t.db)).id, badge: "mentor" });
  const viewer = await makePerson(t.db, { groups: ["steering committee"] });
  const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
  const response = await client.submit("/workshops/badges/", {}, `/workshops/award/${saved.id}/delete/`);
  assert.equal(response.statusCode, 403);
  assert.equal(await exists(saved.id), true);
});
