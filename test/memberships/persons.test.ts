import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { membershipTask } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";
import {
  makeMembership,
  makeMembershipTask,
  membershipPersonRoleId,
} from "../helpers/membership-factories.ts";
import { formsetPost, versionsOf } from "./workflow-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let hermione: Awaited<ReturnType<typeof makePerson>>;
let harry: Awaited<ReturnType<typeof makePerson>>;
let defaultRole: number;
let billing: number;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
  hermione = await makePerson(t.db, { personal: "Hermione", family: "Granger" });
  harry = await makePerson(t.db, { personal: "Harry", family: "Potter" });
  defaultRole = await membershipPersonRoleId(t.db, "default");
  billing = await membershipPersonRoleId(t.db, "billing_contact");
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const tasksUrl = (id: number) => `/fiscal/membership/${id}/tasks/`;

function tasksOf(membershipId: number) {
  return t.db
    .select({ id: membershipTask.id, personId: membershipTask.personId, roleId: membershipTask.roleId })
    .from(membershipTask)
    .where(eq(membershipTask.membershipId, membershipId))
    .orderBy(asc(membershipTask.id));
}

async function post(membershipId: number, fields: Record<string, string>) {
  return (await adminClient()).submit(tasksUrl(membershipId), fields);
}

describe("the persons page", () => {
  test("lists the persons by family name with their roles, the person lookup and every role", async () => {
    const membership = await makeMembership(t.db, { name: "Contacts" });
    await makeMembershipTask(t.db, { membershipId: membership.id, personId: harry.id, role: "default" });
    await makeMembershipTask(t.db, { membershipId: membership.id, personId: hermione.id, role: "default" });
    const page = await (await adminClient()).get(tasksUrl(membership.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Change person roles for Contacts Partner membership/);
    assert.match(page.body, /name="form-TOTAL_FORMS" value="3"/);
    assert.match(page.body, /name="form-INITIAL_FORMS" value="2"/);
    const grangerAt = page.body.indexOf(`<option value="${hermione.id}" selected>`);
    const potterAt = page.body.indexOf(`<option value="${harry.id}" selected>`);
    assert.ok(grangerAt > 0 && potterAt > grangerAt, "Granger's row comes before Potter's");
    assert.match(page.body, /data-lookup="\/select_lookups\/persons\/"/);
    assert.match(page.body, /data-lookup="\/select_lookups\/membership-person-roles\/"/);
    assert.match(page.body, />Billing Contact<\/option>/);
    assert.match(page.body, /name="form-0-DELETE"/);
  });

  test("answers 404 for a membership that does not exist", async () => {
    assert.equal((await (await adminClient()).get(tasksUrl(99999))).statusCode, 404);
  });
});

describe("saving persons", () => {
  test("links two new persons and goes back to the membership (case 49)", async () => {
    const membership = await makeMembership(t.db);
    const response = await post(
      membership.id,
      formsetPost(
        [
          { membership: membership.id, person: hermione.id, role: defaultRole, editable: true },
          { membership: membership.id, person: harry.id, role: defaultRole, editable: true },
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/membership/${membership.id}/`);
    assert.deepEqual(
      (await tasksOf(membership.id)).map((row) => [row.personId, row.roleId]),
      [
        [hermione.id, defaultRole],
        [harry.id, defaultRole],
      ],
    );
  });

  test("lets one person hold several roles, but not the same role twice", async () => {
    const membership = await makeMembership(t.db);
    const twice = await post(
      membership.id,
      formsetPost(
        [
          { person: hermione.id, role: defaultRole, editable: true },
          { person: hermione.id, role: defaultRole, editable: true },
        ],
        0,
      ),
    );
    assert.equal(twice.statusCode, 200);
    assert.match(twice.body, /Row 2: This person already has this role in the membership\./);
    assert.deepEqual(await tasksOf(membership.id), []);
    const two = await post(
      membership.id,
      formsetPost(
        [
          { person: hermione.id, role: defaultRole, editable: true },
          { person: hermione.id, role: billing, editable: true },
        ],
        0,
      ),
    );
    assert.equal(two.statusCode, 303);
    assert.equal((await tasksOf(membership.id)).length, 2);
  });

  test("refuses a role the person already holds in the membership", async () => {
    const membership = await makeMembership(t.db);
    const row = await makeMembershipTask(t.db, {
      membershipId: membership.id,
      personId: harry.id,
      role: "default",
    });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, person: harry.id, role: defaultRole },
          { person: harry.id, role: defaultRole, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.equal((await tasksOf(membership.id)).length, 1);
  });

  test("changes a row marked EDITABLE and deletes a row marked DELETE", async () => {
    const membership = await makeMembership(t.db);
    const first = await makeMembershipTask(t.db, {
      membershipId: membership.id,
      personId: hermione.id,
      role: "default",
    });
    const second = await makeMembershipTask(t.db, {
      membershipId: membership.id,
      personId: harry.id,
      role: "default",
    });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: first.id, person: hermione.id, role: billing, editable: true },
          { id: second.id, person: harry.id, role: defaultRole, delete: true },
        ],
        2,
      ),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await tasksOf(membership.id), [
      { id: first.id, personId: hermione.id, roleId: billing },
    ]);
    const versions = await versionsOf(t.db, "fiscal.membershiptask", second.id);
    assert.equal(versions.length, 1, "the deleted row's last state is kept");
  });

  test("refuses a changed row not marked EDITABLE and saves nothing else", async () => {
    const membership = await makeMembership(t.db);
    const row = await makeMembershipTask(t.db, {
      membershipId: membership.id,
      personId: hermione.id,
      role: "default",
    });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, person: hermione.id, role: billing },
          { person: harry.id, role: defaultRole, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Row 1: This row was changed but “Change” is not ticked/);
    assert.deepEqual(await tasksOf(membership.id), [
      { id: row.id, personId: hermione.id, roleId: defaultRole },
    ]);
  });

  test("refuses a person or a role that does not exist", async () => {
    const membership = await makeMembership(t.db);
    const response = await post(
      membership.id,
      formsetPost(
        [
          { person: 999999, role: defaultRole, editable: true },
          { person: harry.id, role: 999999, editable: true },
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_form-0-person_errors"[^>]*><div>Select a valid choice/);
    assert.match(response.body, /id="id_form-1-role_errors"[^>]*><div>Select a valid choice/);
    assert.deepEqual(await tasksOf(membership.id), []);
  });

  test("attaches new rows to the membership of the URL only", async () => {
    const membership = await makeMembership(t.db);
    const other = await makeMembership(t.db);
    const response = await post(
      membership.id,
      formsetPost([{ membership: other.id, person: harry.id, role: defaultRole, editable: true }], 0),
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await tasksOf(membership.id)).length, 1);
    assert.deepEqual(await tasksOf(other.id), []);
  });
});

describe("access", () => {
  test("refuses an admin who may not change memberships", async () => {
    const membership = await makeMembership(t.db);
    const person = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get(tasksUrl(membership.id))).statusCode, 403);
    const response = await client.submit(
      "/fiscal/memberships/",
      formsetPost([{ person: harry.id, role: defaultRole, editable: true }], 0),
      tasksUrl(membership.id),
    );
    assert.equal(response.statusCode, 403);
    assert.deepEqual(await tasksOf(membership.id), []);
  });

  test("lets an admin with change_membership in", async () => {
    const membership = await makeMembership(t.db);
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.change_membership"],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get(tasksUrl(membership.id))).statusCode, 200);
  });
});
