import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { account, accountOwner, membershipTask } from "../../src/memberships/schema.ts";
import { initialMergeValues } from "../../src/people/merge/forms.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeAccountOwner,
  makeBenefit,
  makeMembership,
  makeMembershipTask,
} from "../helpers/membership-factories.ts";

// A person's place in the memberships area: shown on their page, in the way of deleting them, and
// carried over when two persons are merged.

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const exists = async (id: number) => (await t.db.select().from(person).where(eq(person.id, id))).length === 1;
const tasksOf = async (personId: number) =>
  (await t.db.select().from(membershipTask).where(eq(membershipTask.personId, personId)))
    .map((row) => `${row.membershipId}:${row.roleId}`)
    .sort();

describe("a person's page", () => {
  test("lists their roles in memberships, each membership linked", async () => {
    const contact = await makePerson(t.db);
    const membership = await makeMembership(t.db, {
      name: "Contact Membership",
      agreementStart: "2025-03-01",
      agreementEnd: "2026-02-28",
    });
    await makeMembershipTask(t.db, {
      membershipId: membership.id,
      personId: contact.id,
      role: "billing_contact",
    });
    const page = await (await adminClient()).get(`/workshops/person/${contact.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 class="h4 mt-4" id="memberships">Memberships<\/h2>/);
    assert.match(
      page.body,
      new RegExp(
        `<td><a href="/fiscal/membership/${membership.id}/">Contact Membership</a></td><td class="text-nowrap">2025-03-01 — 2026-02-28</td><td>Billing Contact</td>`,
      ),
    );
  });

  test("says so when the person has no role in a membership", async () => {
    const nobody = await makePerson(t.db);
    const page = await (await adminClient()).get(`/workshops/person/${nobody.id}/`);
    assert.match(page.body, /No roles in memberships\./);
  });
});

describe("deleting a person", () => {
  const deletePerson = async (id: number) =>
    (await adminClient()).submit(`/workshops/person/${id}/`, {}, `/workshops/person/${id}/delete/`);

  test("refuses while they hold a role in a membership, naming it", async () => {
    const contact = await makePerson(t.db);
    const membership = await makeMembership(t.db, { name: "Keeps Contact" });
    await makeMembershipTask(t.db, { membershipId: membership.id, personId: contact.id });
    const response = await deletePerson(contact.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Membership roles<\/h2>/);
    assert.match(
      response.body,
      new RegExp(`href="/fiscal/membership/${membership.id}/">Billing Contact of Keeps Contact`),
    );
    assert.ok(await exists(contact.id));
  });

  test("refuses while they own or are a contact of an account", async () => {
    const owner = await makePerson(t.db);
    const org = await makeOrganization(t.db, { fullname: "Owned Org" });
    const orgAccount = await makeAccount(t.db, { organizationId: org.id });
    await makeAccountOwner(t.db, {
      accountId: orgAccount.id,
      personId: owner.id,
      permissionType: "billing_contact",
    });
    const response = await deletePerson(owner.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Account owner roles<\/h2>/);
    assert.match(
      response.body,
      new RegExp(
        `href="/offering/accounts/${orgAccount.id}/">Billing contact of the organisation account of Owned Org`,
      ),
    );
    assert.ok(await exists(owner.id));
  });

  test("refuses while their individual account has benefits", async () => {
    const trainee = await makePerson(t.db);
    const own = await makeAccount(t.db, { personId: trainee.id });
    const benefit = await makeBenefit(t.db, { name: "Open Training" });
    const bought = await makeAccountBenefit(t.db, { accountId: own.id, benefitId: benefit.id });
    const response = await deletePerson(trainee.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Benefits of the individual account<\/h2>/);
    assert.match(response.body, new RegExp(`href="/offering/account-benefits/${bought.id}/">Open Training`));
    assert.ok(await exists(trainee.id));
  });

  test("deletes an unused individual account with the person, and its owner row", async () => {
    const trainee = await makePerson(t.db);
    const own = await makeAccount(t.db, { personId: trainee.id });
    await makeAccountOwner(t.db, { accountId: own.id, personId: trainee.id });
    const response = await deletePerson(trainee.id);
    assert.equal(response.statusCode, 303);
    assert.equal(await exists(trainee.id), false);
    assert.equal((await t.db.select().from(account).where(eq(account.id, own.id))).length, 0);
  });
});

describe("merging two persons", () => {
  const mergeUrl = (a: number, b: number) => `/workshops/persons/merge/?person_a=${a}&person_b=${b}`;
  async function merge(a: number, b: number, choices: Record<string, string> = {}) {
    const client = await adminClient();
    const response = await client.submit(mergeUrl(a, b), { ...initialMergeValues(), ...choices });
    const next = response.statusCode === 303 ? await client.get(`/workshops/person/${a}/`) : undefined;
    return { response, page: next?.body ?? "" };
  }

  test("moves the merged person's membership roles, dropping those the kept person already holds", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db, { personal: "Bertha", family: "Merged" });
    const shared = await makeMembership(t.db, { name: "Shared Membership" });
    const onlyB = await makeMembership(t.db, { name: "B Membership" });
    await makeMembershipTask(t.db, { membershipId: shared.id, personId: a.id });
    await makeMembershipTask(t.db, { membershipId: shared.id, personId: b.id });
    await makeMembershipTask(t.db, { membershipId: shared.id, personId: b.id, role: "programmatic_contact" });
    await makeMembershipTask(t.db, { membershipId: onlyB.id, personId: b.id });
    const { response, page } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    assert.equal(await exists(b.id), false);
    assert.equal((await tasksOf(a.id)).length, 3);
    assert.equal((await tasksOf(a.id)).filter((key) => key.startsWith(`${shared.id}:`)).length, 2);
    assert.equal((await tasksOf(a.id)).filter((key) => key.startsWith(`${onlyB.id}:`)).length, 1);
    assert.match(
      page,
      /The membership role &quot;Billing Contact of Shared Membership&quot; of Bertha Merged [^<]*&lt;[^>]*> was removed: the merged person already had it\./,
    );
  });

  test("passes the merged person's account-owner rows to the kept person", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const org = await makeOrganization(t.db);
    const orgAccount = await makeAccount(t.db, { organizationId: org.id });
    const owner = await makeAccountOwner(t.db, { accountId: orgAccount.id, personId: b.id });
    const { response } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(accountOwner).where(eq(accountOwner.id, owner.id));
    assert.equal(row?.personId, a.id);
  });

  test("moves the merged person's individual account when only they have one", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const own = await makeAccount(t.db, { personId: b.id });
    await makeAccountOwner(t.db, { accountId: own.id, personId: b.id });
    const benefit = await makeBenefit(t.db);
    await makeAccountBenefit(t.db, { accountId: own.id, benefitId: benefit.id });
    const { response } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(account).where(eq(account.id, own.id));
    assert.equal(row?.personId, a.id);
  });

  test("keeps the kept person's account and drops the merged person's unused one", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const kept = await makeAccount(t.db, { personId: a.id });
    const dropped = await makeAccount(t.db, { personId: b.id });
    await makeAccountOwner(t.db, { accountId: dropped.id, personId: b.id });
    const { response } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 303);
    assert.equal((await t.db.select().from(account).where(eq(account.id, kept.id))).length, 1);
    assert.equal((await t.db.select().from(account).where(eq(account.id, dropped.id))).length, 0);
  });

  test("refuses when both have an individual account and the merged person's has benefits, changing nothing", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db, { personal: "Busy", family: "Account" });
    await makeAccount(t.db, { personId: a.id });
    const busy = await makeAccount(t.db, { personId: b.id });
    const benefit = await makeBenefit(t.db, { name: "Skillup" });
    const bought = await makeAccountBenefit(t.db, { accountId: busy.id, benefitId: benefit.id });
    const membership = await makeMembership(t.db);
    await makeMembershipTask(t.db, { membershipId: membership.id, personId: b.id });
    const { response } = await merge(a.id, b.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<title>AMY: Failed to delete<\/title>/);
    assert.match(response.body, /The individual account of Busy Account/);
    assert.match(response.body, new RegExp(`href="/offering/account-benefits/${bought.id}/">Skillup`));
    assert.ok(await exists(b.id));
    assert.equal((await tasksOf(b.id)).length, 1);
  });

  test("keeping B takes A's records into B", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const membership = await makeMembership(t.db);
    await makeMembershipTask(t.db, { membershipId: membership.id, personId: a.id });
    const own = await makeAccount(t.db, { personId: a.id });
    const client = await adminClient();
    const response = await client.submit(mergeUrl(a.id, b.id), { ...initialMergeValues(), id: "obj_b" });
    assert.equal(response.statusCode, 303);
    assert.equal(await exists(a.id), false);
    assert.equal((await tasksOf(b.id)).length, 1);
    const [row] = await t.db.select().from(account).where(eq(account.id, own.id));
    assert.equal(row?.personId, b.id);
  });
});
