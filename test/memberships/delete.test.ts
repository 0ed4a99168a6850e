import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { communityRole } from "../../src/community-roles/schema.ts";
import { member, membership } from "../../src/memberships/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeCommunityRole,
  makeEvent,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { makeMember, makeMembership, makeMembershipTask } from "../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const detailsPath = (id: number) => `/fiscal/membership/${id}/`;
const deletePath = (id: number) => `/fiscal/membership/${id}/delete/`;

async function postDelete(client: Client, id: number) {
  return client.submit(detailsPath(id), {}, deletePath(id));
}

async function exists(id: number): Promise<boolean> {
  return (await t.db.select().from(membership).where(eq(membership.id, id))).length > 0;
}

describe("deleting a membership", () => {
  test("deletes it with its members and goes to the list (case 59)", async () => {
    const row = await makeMembership(t.db, { name: "Doomed" });
    await makeMember(t.db, { membershipId: row.id });
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const response = await postDelete(client, row.id);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/fiscal/memberships/");
    assert.equal(await exists(row.id), false);
    assert.equal((await t.db.select().from(member).where(eq(member.membershipId, row.id))).length, 0);
    const list = await client.get("/fiscal/memberships/");
    assert.match(list.body, /Doomed Partner membership [^<]* was deleted successfully./);
  });

  test("makes its predecessor forget the roll-over", async () => {
    const next = await makeMembership(t.db);
    const previous = await makeMembership(t.db, { rolledToMembershipId: next.id });
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    assert.equal((await postDelete(client, next.id)).statusCode, 303);
    const [row] = await t.db.select().from(membership).where(eq(membership.id, previous.id));
    assert.equal(row?.rolledToMembershipId, null);
  });

  test("refuses while persons, seat tasks, events or community roles refer to it, listing them (409)", async () => {
    const row = await makeMembership(t.db, { name: "Protected" });
    const hermione = await makePerson(t.db, { personal: "Hermione", family: "Granger" });
    await makeMembershipTask(t.db, { membershipId: row.id, personId: hermione.id, role: "billing_contact" });
    const event = await makeEvent(t.db, { slug: "2026-05-05-seat-event" });
    const harry = await makePerson(t.db, { personal: "Harry", family: "Potter" });
    await makeTask(t.db, {
      personId: harry.id,
      eventId: event.id,
      role: "learner",
      seatMembershipId: row.id,
    });
    await makeEvent(t.db, { slug: "2026-06-06-member-event", membershipId: row.id });
    const ron = await makePerson(t.db, { personal: "Ron", family: "Weasley" });
    const role = await makeCommunityRole(t.db, { personId: ron.id });
    await t.db.update(communityRole).set({ membershipId: row.id }).where(eq(communityRole.id, role.id));

    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const response = await postDelete(client, row.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<title>AMY: Failed to delete<\/title>/);
    assert.match(
      response.body,
      /<section aria-label="Persons \(membership tasks\)">[\s\S]*Hermione Granger[^<]* \(role: Billing Contact\)/,
    );
    assert.match(
      response.body,
      /<section aria-label="Tasks holding a seat">[\s\S]*learner Harry Potter[^<]* at 2026-05-05-seat-event/,
    );
    assert.match(response.body, /<section aria-label="Events">[\s\S]*2026-06-06-member-event/);
    assert.match(response.body, /<section aria-label="Community roles">[\s\S]*Ron Weasley/);
    assert.match(response.body, new RegExp(`<a href="${detailsPath(row.id)}">Go back</a>`));
    assert.equal(await exists(row.id), true);
  });

  test("answers 404 for a membership that does not exist and 405 to a GET", async () => {
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const other = await makeMembership(t.db);
    const page = await client.get(detailsPath(other.id));
    const missing = await client.post(deletePath(99999), { csrfmiddlewaretoken: csrfTokenIn(page.body) });
    assert.equal(missing.statusCode, 404);
    const row = await makeMembership(t.db);
    const get = await client.get(deletePath(row.id));
    assert.equal(get.statusCode, 405);
    assert.equal(get.headers.allow, "POST");
    assert.equal(await exists(row.id), true);
  });
});

describe("who may delete memberships", () => {
  test("sends anonymous visitors to log in", async () => {
    const row = await makeMembership(t.db);
    const response = await new Client(t.app).post(deletePath(row.id), {});
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\//);
    assert.equal(await exists(row.id), true);
  });

  test("refuses admins without delete_membership and people who are not admins", async () => {
    const row = await makeMembership(t.db);
    for (const person of [
      await makePerson(t.db, { groups: ["steering committee"] }),
      await makePerson(t.db, { permissions: ["workshops.delete_membership"] }),
    ]) {
      const client = await new Client(t.app).logIn(person.username, PASSWORD);
      const response = await client.post(deletePath(row.id), {});
      assert.equal(response.statusCode, 403);
    }
    assert.equal(await exists(row.id), true);
  });
});
