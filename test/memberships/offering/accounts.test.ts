import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { group, groupPermission, permission } from "../../../src/accounts/schema.ts";
import { communityRole } from "../../../src/community-roles/schema.ts";
import { version } from "../../../src/history/schema.ts";
import { account, accountOwner } from "../../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import {
  makeAdmin,
  makeCommunityRole,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeAccountOwner,
  makeBenefit,
  makeConsortium,
  makePartnership,
} from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const LIST = "/offering/accounts/";
const CREATE = "/offering/accounts/create/";

async function accountsOf(column: "personId" | "organizationId" | "consortiumId", id: number) {
  return t.db.select().from(account).where(eq(account[column], id));
}

describe("the accounts list", () => {
  test("lists accounts newest first with the entity and type, and a New button", async () => {
    const first = await makeOrganization(t.db, { fullname: "Listed First Org" });
    await makeAccount(t.db, { organizationId: first.id });
    const consortium = await makeConsortium(t.db, { name: "Listed Consortium" });
    await makeAccount(t.db, { consortiumId: consortium.id });
    const page = await (await adminClient()).get(`${LIST}?items_per_page=all`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Accounts<\/title>/);
    const consortiumAt = page.body.indexOf("Listed Consortium");
    const orgAt = page.body.indexOf("Listed First Org");
    assert.ok(consortiumAt > 0 && orgAt > consortiumAt, "newest first");
    assert.match(page.body, /Listed Consortium<\/a><\/td><td>consortium<\/td>/);
    assert.match(page.body, /href="\/offering\/accounts\/create\/">New account</);
  });

  test("filters on type and active state", async () => {
    const person = await makePerson(t.db, { personal: "Filtered", family: "Individual" });
    const individual = await makeAccount(t.db, { personId: person.id });
    await t.db.update(account).set({ active: false }).where(eq(account.id, individual.id));
    const org = await makeOrganization(t.db, { fullname: "Filtered Org" });
    await makeAccount(t.db, { organizationId: org.id });
    const client = await adminClient();
    const individuals = await client.get(`${LIST}?account_type=individual&items_per_page=all`);
    assert.match(individuals.body, /Filtered Individual/);
    assert.doesNotMatch(individuals.body, /Filtered Org/);
    const inactive = await client.get(`${LIST}?active=false&items_per_page=all`);
    assert.match(inactive.body, /Filtered Individual/);
    assert.doesNotMatch(inactive.body, /Filtered Org/);
    const active = await client.get(`${LIST}?active=2&items_per_page=all`);
    assert.doesNotMatch(active.body, /Filtered Individual/);
    const bad = await client.get(`${LIST}?account_type=company`);
    assert.match(bad.body, /id="id_account_type_errors"/);
  });

  test("orders by the entity's name with generic_relation, and by type with generic_relation_content_type", async () => {
    const zed = await makeOrganization(t.db, { fullname: "Zed Sorting Org" });
    const abe = await makeOrganization(t.db, { fullname: "Abe Sorting Org" });
    await makeAccount(t.db, { organizationId: zed.id });
    await makeAccount(t.db, { organizationId: abe.id });
    const client = await adminClient();
    const byName = await client.get(
      `${LIST}?order_by=generic_relation&account_type=organisation&items_per_page=all`,
    );
    assert.equal(byName.statusCode, 200);
    assert.ok(byName.body.indexOf("Abe Sorting Org") < byName.body.indexOf("Zed Sorting Org"));
    const byNameDown = await client.get(`${LIST}?order_by=-generic_relation&items_per_page=all`);
    assert.ok(byNameDown.body.indexOf("Zed Sorting Org") < byNameDown.body.indexOf("Abe Sorting Org"));
    const byType = await client.get(`${LIST}?order_by=generic_relation_content_type,-account_type`);
    assert.equal(byType.statusCode, 200);
    assert.doesNotMatch(byType.body, /id="id_order_by_errors"/);
  });
});

describe("creating an account", () => {
  test("an individual account gets its person as owner, and a version", async () => {
    const person = await makePerson(t.db, { personal: "Ivy", family: "Individual" });
    const client = await adminClient();
    const form = await client.get(CREATE);
    assert.match(form.body, /<title>AMY: Create a new account<\/title>/);
    assert.match(form.body, /<label for="id_generic_relation_pk" class="form-label required">Name<\/label>/);
    assert.match(
      form.body,
      /data-lookup="\/select_lookups\/offering-account-relation\/\?content_type_name=\{account_type\}"/,
    );
    const response = await client.submit(CREATE, {
      account_type: "individual",
      generic_relation_pk: String(person.id),
      active: "on",
    });
    assert.equal(response.statusCode, 303);
    const [row] = await accountsOf("personId", person.id);
    assert.ok(row);
    assert.equal(row.accountType, "individual");
    assert.equal(response.headers.location, `/offering/accounts/${row.id}/`);
    const owners = await t.db.select().from(accountOwner).where(eq(accountOwner.accountId, row.id));
    assert.deepEqual(
      owners.map((owner) => [owner.personId, owner.permissionType]),
      [[person.id, "owner"]],
    );
    assert.equal((await t.db.select().from(version).where(eq(version.objectId, row.id))).length, 1);
    const page = await client.get(String(response.headers.location));
    assert.match(page.body, /Account individual for &quot;Ivy Individual/);
    assert.match(page.body, /Owner: <a href="\/workshops\/person\/\d+\/">Ivy Individual/);
  });

  test("re-shows the form with an error linking to the existing account of the same organisation", async () => {
    const org = await makeOrganization(t.db, { fullname: "Alpha Organization" });
    const existing = await makeAccount(t.db, { organizationId: org.id });
    const response = await (await adminClient()).submit(CREATE, {
      account_type: "organisation",
      generic_relation_pk: String(org.id),
    });
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_generic_relation_pk_errors"[^>]*><div>An account for this organisation already exists./,
    );
    assert.match(response.body, new RegExp(`href="/offering/accounts/${existing.id}/"`));
    assert.match(response.body, /<option value="\d+" selected>Alpha Organization/);
    assert.equal((await accountsOf("organizationId", org.id)).length, 1);
  });

  test("re-shows the form when the entity does not exist", async () => {
    const response = await (await adminClient()).submit(CREATE, {
      account_type: "consortium",
      generic_relation_pk: "999999",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /There is no consortium with this id./);
  });

  test("re-shows the form when the type or the id is missing or malformed", async () => {
    const client = await adminClient();
    const missing = await client.submit(CREATE, {});
    assert.equal(missing.statusCode, 200);
    assert.match(missing.body, /id="id_account_type_errors"/);
    assert.match(missing.body, /id="id_generic_relation_pk_errors"/);
    const malformed = await client.submit(CREATE, { account_type: "company", generic_relation_pk: "abc" });
    assert.match(malformed.body, /id="id_account_type_errors"[^>]*><div>Select a valid choice./);
    assert.match(malformed.body, /id="id_generic_relation_pk_errors"[^>]*><div>Enter a whole number./);
  });

  test("is refused to a viewer without the add permission", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(CREATE)).statusCode, 403);
    assert.equal((await client.get(LIST)).statusCode, 200);
  });
});

describe("editing an account", () => {
  test("saves without changing the entity (the account itself is no duplicate)", async () => {
    const org = await makeOrganization(t.db);
    const row = await makeAccount(t.db, { organizationId: org.id });
    const client = await adminClient();
    const form = await client.get(`/offering/accounts/${row.id}/edit/`);
    assert.match(form.body, /data-confirm=/);
    assert.match(form.body, new RegExp(`<option value="${org.id}" selected>`));
    const response = await client.submit(`/offering/accounts/${row.id}/edit/`, {
      account_type: "organisation",
      generic_relation_pk: String(org.id),
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await accountsOf("organizationId", org.id);
    assert.equal(saved?.active, false);
  });

  test("moves an individual account's owner row to the new person", async () => {
    const first = await makePerson(t.db);
    const second = await makePerson(t.db);
    const row = await makeAccount(t.db, { personId: first.id });
    await makeAccountOwner(t.db, { accountId: row.id, personId: first.id });
    const response = await (await adminClient()).submit(`/offering/accounts/${row.id}/edit/`, {
      account_type: "individual",
      generic_relation_pk: String(second.id),
      active: "on",
    });
    assert.equal(response.statusCode, 303);
    const owners = await t.db.select().from(accountOwner).where(eq(accountOwner.accountId, row.id));
    assert.deepEqual(
      owners.map((owner) => owner.personId),
      [second.id],
    );
  });

  test("refuses to point an account that partnerships use at another entity", async () => {
    const partnership = await makePartnership(t.db);
    const other = await makeOrganization(t.db);
    const response = await (await adminClient()).submit(`/offering/accounts/${partnership.accountId}/edit/`, {
      account_type: "organisation",
      generic_relation_pk: String(other.id),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Partnerships pay through this account/);
  });
});

describe("an account's page", () => {
  test("shows owners, partnerships with credits, account benefits with use, and community roles", async () => {
    const org = await makeOrganization(t.db, { fullname: "Details Org" });
    const partnership = await makePartnership(t.db, {
      partnerOrganisationId: org.id,
      name: "Details P",
      credits: 5,
    });
    const accountId = partnership.accountId;
    const owner = await makePerson(t.db, { personal: "Olive", family: "Owner" });
    await makeAccountOwner(t.db, { accountId, personId: owner.id, permissionType: "billing_contact" });
    const seat = await makeBenefit(t.db, { name: "Seat benefit", credits: 2 });
    const ab = await makeAccountBenefit(t.db, {
      accountId,
      benefitId: seat.id,
      partnershipId: partnership.id,
      allocation: 4,
    });
    const trainee = await makePerson(t.db);
    await makeTask(t.db, {
      personId: trainee.id,
      eventId: (await makeEvent(t.db)).id,
      allocatedBenefitId: ab.id,
    });
    const role = await makeCommunityRole(t.db, { personId: trainee.id });
    await t.db
      .update(communityRole)
      .set({ partnershipId: partnership.id })
      .where(eq(communityRole.id, role.id));
    const page = await (await adminClient()).get(`/offering/accounts/${accountId}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Account organisation for &quot;Details Org/);
    assert.match(page.body, /Billing Contact: <a href="\/workshops\/person\/\d+\/">Olive Owner/);
    assert.match(page.body, new RegExp(`href="/offering/accounts/${accountId}/owners/"`));
    assert.match(page.body, /8 \/ 5 ⚠ over the allowed credits/);
    assert.match(page.body, />1 \/ 4</);
    assert.match(page.body, /Community roles related to partnerships linked to this account/);
    assert.match(page.body, /Details P/);
    assert.match(
      page.body,
      new RegExp(
        `href="/offering/account-benefits/create/\\?account_pk=${accountId}&amp;next=%2Foffering%2Faccounts%2F${accountId}%2F"`,
      ),
    );
  });

  test("an individual account has no partnerships section and no owners Edit link", async () => {
    const person = await makePerson(t.db);
    const row = await makeAccount(t.db, { personId: person.id });
    const page = await (await adminClient()).get(`/offering/accounts/${row.id}/`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /id="partnerships-heading"/);
    assert.doesNotMatch(page.body, /\/owners\/"/);
  });

  test("answers 404 for a malformed or unknown id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/offering/accounts/xyz/")).statusCode, 404);
    assert.equal((await client.get("/offering/accounts/xyz/edit/")).statusCode, 404);
    assert.equal(
      (await client.get("/offering/accounts/6d5f1c6e-1111-4111-8111-111111111111/")).statusCode,
      404,
    );
  });
});

describe("deleting an account", () => {
  test("deletes an unused account with its owners", async () => {
    const org = await makeOrganization(t.db);
    const row = await makeAccount(t.db, { organizationId: org.id });
    await makeAccountOwner(t.db, { accountId: row.id, personId: (await makePerson(t.db)).id });
    const response = await (await adminClient()).submit(
      `/offering/accounts/${row.id}/`,
      {},
      `/offering/accounts/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal((await accountsOf("organizationId", org.id)).length, 0);
    assert.equal(
      (await t.db.select().from(accountOwner).where(eq(accountOwner.accountId, row.id))).length,
      0,
    );
  });

  test("refuses with 409 while account benefits or partnerships use it", async () => {
    const partnership = await makePartnership(t.db);
    const client = await adminClient();
    const blockedByPartnership = await client.submit(
      `/offering/accounts/${partnership.accountId}/`,
      {},
      `/offering/accounts/${partnership.accountId}/delete/`,
    );
    assert.equal(blockedByPartnership.statusCode, 409);
    assert.match(blockedByPartnership.body, /Partnerships/);
    const person = await makePerson(t.db);
    const individual = await makeAccount(t.db, { personId: person.id });
    await makeAccountBenefit(t.db, { accountId: individual.id, benefitId: (await makeBenefit(t.db)).id });
    const blockedByBenefit = await client.submit(
      `/offering/accounts/${individual.id}/`,
      {},
      `/offering/accounts/${individual.id}/delete/`,
    );
    assert.equal(blockedByBenefit.statusCode, 409);
    assert.match(blockedByBenefit.body, /Account benefits/);
    assert.equal((await accountsOf("personId", person.id)).length, 1);
  });
});

describe("the account-relation lookup", () => {
  const LOOKUP = "/select_lookups/offering-account-relation/";

  test("finds people, organisations or consortia by the chosen type", async () => {
    await makePerson(t.db, { personal: "Lookupina", family: "Person" });
    await makeOrganization(t.db, { fullname: "Lookup University", domain: "lookup-uni.example.org" });
    await makeConsortium(t.db, { name: "Lookup Consortium" });
    const client = await adminClient();
    const people = JSON.parse(
      (await client.get(`${LOOKUP}?content_type_name=individual&term=lookupina`)).body,
    );
    assert.deepEqual(
      people.results.map((row: { text: string }) => row.text.split(" <")[0]),
      ["Lookupina Person"],
    );
    const orgs = JSON.parse(
      (await client.get(`${LOOKUP}?content_type_name=organisation&term=lookup-uni`)).body,
    );
    assert.equal(orgs.results[0].text, "Lookup University <lookup-uni.example.org>");
    const consortia = JSON.parse(
      (await client.get(`${LOOKUP}?content_type_name=consortium&term=Lookup`)).body,
    );
    assert.deepEqual(
      consortia.results.map((row: { text: string }) => row.text),
      ["Lookup Consortium"],
    );
    const none = JSON.parse((await client.get(LOOKUP)).body);
    assert.deepEqual(none, { results: [], more: false });
  });

  test("refuses an unknown type, non-admins and admins without the type's view permission", async () => {
    const client = await adminClient();
    assert.equal((await client.get(`${LOOKUP}?content_type_name=company`)).statusCode, 403);
    const plain = await makePerson(t.db);
    const plainClient = await new Client(t.app).logIn(plain.username, PASSWORD);
    assert.equal((await plainClient.get(`${LOOKUP}?content_type_name=individual`)).statusCode, 403);
    assert.equal((await new Client(t.app).get(`${LOOKUP}?content_type_name=individual`)).statusCode, 401);
    // The trainers group loses the view permission on persons: its members may not look persons up.
    const [trainers] = await t.db.select().from(group).where(eq(group.name, "trainers"));
    const [viewPerson] = await t.db.select().from(permission).where(eq(permission.codename, "view_person"));
    assert.ok(trainers && viewPerson);
    await t.db
      .delete(groupPermission)
      .where(and(eq(groupPermission.groupId, trainers.id), eq(groupPermission.permissionId, viewPerson.id)));
    const trainer = await makePerson(t.db, { groups: ["trainers"] });
    const trainerClient = await new Client(t.app).logIn(trainer.username, PASSWORD);
    assert.equal((await trainerClient.get(`${LOOKUP}?content_type_name=individual`)).statusCode, 403);
    assert.equal((await trainerClient.get(`${LOOKUP}?content_type_name=organisation`)).statusCode, 200);
  });
});

describe("the accounts lookup", () => {
  test("finds accounts by their person's, organisation's or consortium's name", async () => {
    const org = await makeOrganization(t.db, { fullname: "Quokka Institute" });
    const orgAccount = await makeAccount(t.db, { organizationId: org.id });
    const person = await makePerson(t.db, { personal: "Quokka", family: "Keeper" });
    const personAccount = await makeAccount(t.db, { personId: person.id });
    await makeAccount(t.db, { consortiumId: (await makeConsortium(t.db, { name: "Other Group" })).id });
    const client = await adminClient();
    const found = JSON.parse((await client.get("/select_lookups/offering-accounts/?term=quokka")).body);
    assert.deepEqual(
      found.results.map((row: { id: string }) => row.id).sort(),
      [orgAccount.id, personAccount.id].sort(),
    );
    assert.match(
      found.results.map((row: { text: string }) => row.text).join("\n"),
      /Account organisation for "Quokka Institute/,
    );
    const plain = await makePerson(t.db);
    const plainClient = await new Client(t.app).logIn(plain.username, PASSWORD);
    assert.equal((await plainClient.get("/select_lookups/offering-accounts/")).statusCode, 403);
  });
});
