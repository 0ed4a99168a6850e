import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { version } from "../../../src/history/schema.ts";
import { accountOwner } from "../../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../../helpers/factories.ts";
import { makeAccount, makeAccountOwner, makeConsortium } from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const ownersPath = (id: string) => `/offering/accounts/${id}/owners/`;

async function orgAccount() {
  return makeAccount(t.db, { organizationId: (await makeOrganization(t.db)).id });
}

async function ownersOf(accountId: string) {
  return t.db.select().from(accountOwner).where(eq(accountOwner.accountId, accountId));
}

/** The management fields of a formset with `total` rows, the first `initial` of them stored. */
function management(total: number, initial: number) {
  return {
    "form-TOTAL_FORMS": String(total),
    "form-INITIAL_FORMS": String(initial),
    "form-MIN_NUM_FORMS": "0",
    "form-MAX_NUM_FORMS": "1000",
  };
}

describe("the owners page", () => {
  test("shows the stored owners and a blank row", async () => {
    const acc = await orgAccount();
    const owner = await makePerson(t.db, { personal: "Stored", family: "Owner" });
    await makeAccountOwner(t.db, {
      accountId: acc.id,
      personId: owner.id,
      permissionType: "billing_contact",
    });
    const page = await (await adminClient()).get(ownersPath(acc.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Change owners for Account organisation for/);
    assert.match(page.body, /name="form-TOTAL_FORMS" value="2"/);
    assert.match(page.body, /name="form-INITIAL_FORMS" value="1"/);
    assert.match(page.body, new RegExp(`<option value="${owner.id}" selected>Stored Owner`));
    assert.match(page.body, /<option value="billing_contact" selected>Billing Contact/);
  });

  test("answers 404 for an individual account and a malformed id", async () => {
    const person = await makePerson(t.db);
    const individual = await makeAccount(t.db, { personId: person.id });
    const client = await adminClient();
    assert.equal((await client.get(ownersPath(individual.id))).statusCode, 404);
    assert.equal((await client.get("/offering/accounts/nope/owners/")).statusCode, 404);
  });

  test("is refused to an admin without the owner permissions", async () => {
    const acc = await orgAccount();
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(ownersPath(acc.id))).statusCode, 403);
    const page = await client.get(`/offering/accounts/${acc.id}/`);
    assert.doesNotMatch(page.body, /\/owners\/"/);
  });
});

describe("saving the owners", () => {
  test("adds a new owner row marked editable and goes to the account, recording a version", async () => {
    const consortium = await makeConsortium(t.db);
    const acc = await makeAccount(t.db, { consortiumId: consortium.id });
    const hermione = await makePerson(t.db, { personal: "Hermione" });
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(1, 0),
      "form-0-id": "",
      "form-0-account": acc.id,
      "form-0-person": String(hermione.id),
      "form-0-permission_type": "owner",
      "form-0-EDITABLE": "on",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/offering/accounts/${acc.id}/`);
    const rows = await ownersOf(acc.id);
    assert.deepEqual(
      rows.map((row) => [row.personId, row.permissionType, row.active]),
      [[hermione.id, "owner", true]],
    );
    assert.equal(
      (
        await t.db
          .select()
          .from(version)
          .where(eq(version.objectId, rows[0]?.id ?? ""))
      ).length,
      1,
    );
  });

  test("refuses a new row posted without EDITABLE, saving nothing", async () => {
    const acc = await orgAccount();
    const person = await makePerson(t.db);
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(1, 0),
      "form-0-person": String(person.id),
      "form-0-permission_type": "owner",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Row 1: This row was changed but/);
    assert.equal((await ownersOf(acc.id)).length, 0);
  });

  test("keeps an unchanged stored row without EDITABLE, and refuses a changed one", async () => {
    const acc = await orgAccount();
    const first = await makePerson(t.db);
    const second = await makePerson(t.db);
    const stored = await makeAccountOwner(t.db, { accountId: acc.id, personId: first.id });
    const client = await adminClient();
    const unchanged = await client.submit(ownersPath(acc.id), {
      ...management(1, 1),
      "form-0-id": stored.id,
      "form-0-person": String(first.id),
      "form-0-permission_type": "owner",
    });
    assert.equal(unchanged.statusCode, 303);
    const changed = await client.submit(ownersPath(acc.id), {
      ...management(1, 1),
      "form-0-id": stored.id,
      "form-0-person": String(second.id),
      "form-0-permission_type": "owner",
    });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /This row was changed but/);
    const [row] = await ownersOf(acc.id);
    assert.equal(row?.personId, first.id);
    const editable = await client.submit(ownersPath(acc.id), {
      ...management(1, 1),
      "form-0-id": stored.id,
      "form-0-person": String(second.id),
      "form-0-permission_type": "programmatic_contact",
      "form-0-EDITABLE": "on",
    });
    assert.equal(editable.statusCode, 303);
    const [saved] = await ownersOf(acc.id);
    assert.deepEqual([saved?.personId, saved?.permissionType], [second.id, "programmatic_contact"]);
  });

  test("deletes a row marked DELETE whatever its other values", async () => {
    const acc = await orgAccount();
    const stored = await makeAccountOwner(t.db, { accountId: acc.id, personId: (await makePerson(t.db)).id });
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(1, 1),
      "form-0-id": stored.id,
      "form-0-person": "",
      "form-0-permission_type": "nonsense",
      "form-0-DELETE": "on",
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await ownersOf(acc.id)).length, 0);
  });

  test("attaches rows to the account in the address, not the posted one", async () => {
    const acc = await orgAccount();
    const other = await orgAccount();
    const person = await makePerson(t.db);
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(1, 0),
      "form-0-account": other.id,
      "form-0-person": String(person.id),
      "form-0-permission_type": "billing_contact",
      "form-0-EDITABLE": "on",
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await ownersOf(acc.id)).length, 1);
    assert.equal((await ownersOf(other.id)).length, 0);
  });

  test("refuses an unknown person, an unknown permission type and missing fields", async () => {
    const acc = await orgAccount();
    const person = await makePerson(t.db);
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(3, 0),
      "form-0-person": "999999",
      "form-0-permission_type": "owner",
      "form-0-EDITABLE": "on",
      "form-1-person": String(person.id),
      "form-1-permission_type": "boss",
      "form-1-EDITABLE": "on",
      "form-2-person": String(person.id),
      "form-2-permission_type": "",
      "form-2-EDITABLE": "on",
    });
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_form-0-person_errors"[^>]*><div>Select a valid choice: choose a person/,
    );
    assert.match(
      response.body,
      /id="id_form-1-permission_type_errors"[^>]*><div>Select a valid choice: choose a permission/,
    );
    assert.match(response.body, /id="id_form-2-permission_type_errors"[^>]*><div>This field is required./);
    assert.equal((await ownersOf(acc.id)).length, 0);
  });

  test("shows one more blank row for Add another, saving nothing", async () => {
    const acc = await orgAccount();
    const person = await makePerson(t.db);
    const response = await (await adminClient()).submit(ownersPath(acc.id), {
      ...management(1, 0),
      "form-0-person": String(person.id),
      "form-0-permission_type": "owner",
      "form-0-EDITABLE": "on",
      add_row: "1",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /name="form-TOTAL_FORMS" value="2"/);
    assert.equal((await ownersOf(acc.id)).length, 0);
  });

  test("refuses a post without management data", async () => {
    const acc = await orgAccount();
    const response = await (await adminClient()).submit(ownersPath(acc.id), {});
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /could not be read/);
  });
});
