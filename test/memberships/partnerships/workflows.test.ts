import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, like } from "drizzle-orm";
import { comment } from "../../../src/comments/schema.ts";
import { account, accountBenefit, partnership } from "../../../src/memberships/schema.ts";
import { todayIso } from "../../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, PASSWORD } from "../../helpers/factories.ts";
import {
  makeAccountBenefit,
  makeBenefit,
  makeConsortium,
  makePartnership,
  makeTier,
} from "../../helpers/membership-factories.ts";
import { submitPairs } from "./support.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const post = async (url: string, fields: Record<string, string>) =>
  submitPairs(await adminClient(), url, Object.entries(fields));

async function reload(id: number) {
  const [row] = await t.db.select().from(partnership).where(eq(partnership.id, id));
  if (!row) throw new Error("partnership gone");
  return row;
}

async function commentsOn(id: number, startsWith: string) {
  return t.db
    .select()
    .from(comment)
    .where(and(eq(comment.objectPk, String(id)), like(comment.comment, `${startsWith}%`)));
}

describe("extending a partnership's dates", () => {
  test("shows the form with the current dates", async () => {
    const row = await makePartnership(t.db, {
      name: "Extendable",
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
    });
    const page = await (await adminClient()).get(`/fiscal/partnerships/${row.id}/extend/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Extend partnership Extendable/);
    assert.match(page.body, /name="new_agreement_end" type="date" class="form-control" value="2024-12-31"/);
  });

  test("moves the end, records the days and leaves the admin's comment", async () => {
    const row = await makePartnership(t.db, { agreementStart: "2024-01-01", agreementEnd: "2024-12-31" });
    const response = await post(`/fiscal/partnerships/${row.id}/extend/`, {
      new_agreement_end: "2025-01-31",
      comment: "Agreed by email.",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/partnerships/${row.id}/`);
    const saved = await reload(row.id);
    assert.equal(saved.agreementEnd, "2025-01-31");
    assert.deepEqual(saved.extensions, [31]);
    const [note] = await commentsOn(row.id, "Partnership extended by 31 days");
    assert.ok(note);
    assert.match(note.comment, new RegExp(`on ${todayIso()}`));
    assert.match(note.comment, /2025-01-31/);
    assert.match(note.comment, /\n\n----\n\nAgreed by email\.$/);
    assert.equal(note.userId, admin.id);
  });

  test("refuses a new end that is not later, or missing, without a server error", async () => {
    const row = await makePartnership(t.db, { agreementStart: "2024-01-01", agreementEnd: "2024-12-31" });
    for (const value of ["2024-12-31", "2024-06-01", "", "not-a-date"]) {
      const response = await post(`/fiscal/partnerships/${row.id}/extend/`, { new_agreement_end: value });
      assert.equal(response.statusCode, 200, value);
      assert.match(response.body, /id="id_new_agreement_end_errors"/, value);
    }
    const saved = await reload(row.id);
    assert.equal(saved.agreementEnd, "2024-12-31");
    assert.deepEqual(saved.extensions, []);
  });
});

describe("extending a partnership's credits", () => {
  test("shows the form starting at the current credits", async () => {
    const row = await makePartnership(t.db, { name: "Credit form", credits: 100 });
    const page = await (await adminClient()).get(`/fiscal/partnerships/${row.id}/extend-credits/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Extend credits for partnership Credit form/);
    assert.match(page.body, /name="new_credits" type="number" class="form-control" value="100"/);
  });

  test("raises the credits, records the increase and leaves the admin's comment", async () => {
    const row = await makePartnership(t.db, { credits: 100 });
    const response = await post(`/fiscal/partnerships/${row.id}/extend-credits/`, {
      new_credits: "150",
      comment: "Bought more.",
    });
    assert.equal(response.statusCode, 303);
    const saved = await reload(row.id);
    assert.equal(saved.credits, 150);
    assert.deepEqual(saved.creditsExtensions, [50]);
    const [note] = await commentsOn(row.id, "Partnership credits extended by 50 credits");
    assert.ok(note);
    assert.match(note.comment, /150 credits/);
    assert.match(note.comment, /----\n\nBought more\.$/);
  });

  test("refuses a value not larger than the current credits, or missing, and changes nothing", async () => {
    const row = await makePartnership(t.db, { credits: 100 });
    for (const value of ["100", "90", "", "many"]) {
      const response = await post(`/fiscal/partnerships/${row.id}/extend-credits/`, { new_credits: value });
      assert.equal(response.statusCode, 200, value);
      assert.match(response.body, /id="id_new_credits_errors"/, value);
    }
    const saved = await reload(row.id);
    assert.equal(saved.credits, 100);
    assert.deepEqual(saved.creditsExtensions, []);
  });

  test("keeps the extension when the partnership is edited later", async () => {
    const tier = await makeTier(t.db, { name: "silver", credits: 32 });
    const row = await makePartnership(t.db, { tierId: tier.id, credits: 32 });
    await post(`/fiscal/partnerships/${row.id}/extend-credits/`, { new_credits: "40" });
    const extended = await reload(row.id);
    const response = await post(`/fiscal/partnerships/${row.id}/edit/`, {
      partner_organisation: String(extended.partnerOrganisationId),
      name: extended.name,
      tier: tier.id,
      agreement_start: extended.agreementStart,
      agreement_end: extended.agreementEnd,
      agreement_link: extended.agreementLink,
      registration_code: extended.registrationCode ?? "",
      public_status: extended.publicStatus,
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await reload(row.id)).credits, 40);
  });
});

describe("rolling a partnership over", () => {
  const rollOver = (id: number) => `/fiscal/partnerships/${id}/roll-over/`;

  test("offers the old values, the next year's dates and an empty registration code", async () => {
    const tier = await makeTier(t.db, { name: "gold", credits: 64 });
    const org = await makeOrganization(t.db, { fullname: "Rolling Org" });
    const row = await makePartnership(t.db, {
      name: "Rolling",
      tierId: tier.id,
      partnerOrganisationId: org.id,
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
      agreementLink: "https://example.org/rolling",
      publicStatus: "public",
      registrationCode: "ROLLCODE",
    });
    const page = await (await adminClient()).get(rollOver(row.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Create new partnership from Rolling/);
    assert.match(page.body, /name="name" type="text" class="form-control" value="Rolling"/);
    assert.match(page.body, /name="agreement_start" type="date" class="form-control" value="2025-01-01"/);
    assert.match(page.body, /name="agreement_end" type="date" class="form-control" value="2025-12-31"/);
    assert.match(page.body, /name="registration_code" type="text" class="form-control" value required/);
    assert.match(page.body, /value="https:\/\/example.org\/rolling"/);
    assert.match(page.body, new RegExp(`<option value="${tier.id}" selected>`));
    assert.match(page.body, new RegExp(`<option value="${org.id}" selected>Rolling Org`));
  });

  test("creates the successor with the old credits, freezes only the old partnership's benefits and links the two", async () => {
    const tier = await makeTier(t.db, { name: "gold", credits: 64 });
    const org = await makeOrganization(t.db);
    const old = await makePartnership(t.db, {
      tierId: tier.id,
      credits: 80,
      creditsExtensions: [16],
      partnerOrganisationId: org.id,
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
    });
    const benefit = await makeBenefit(t.db);
    const linked = await makeAccountBenefit(t.db, {
      accountId: old.accountId,
      partnershipId: old.id,
      benefitId: benefit.id,
    });
    const unlinked = await makeAccountBenefit(t.db, { accountId: old.accountId, benefitId: benefit.id });
    const response = await post(rollOver(old.id), {
      name: "Successor partnership",
      tier: tier.id,
      agreement_start: "2025-01-01",
      agreement_end: "2025-12-31",
      agreement_link: "https://example.org/next",
      registration_code: `NEXT-${old.id}`,
      public_status: "private",
      partner_organisation: String(org.id),
      partner_consortium: "",
    });
    assert.equal(response.statusCode, 303);
    const [created] = await t.db
      .select()
      .from(partnership)
      .where(eq(partnership.name, "Successor partnership"));
    assert.ok(created);
    assert.equal(response.headers.location, `/fiscal/partnerships/${created.id}/`);
    assert.equal(created.credits, 80);
    assert.equal(created.accountId, old.accountId);
    assert.equal((await reload(old.id)).rolledToPartnershipId, created.id);
    const [frozen] = await t.db.select().from(accountBenefit).where(eq(accountBenefit.id, linked.id));
    const [untouched] = await t.db.select().from(accountBenefit).where(eq(accountBenefit.id, unlinked.id));
    assert.equal(frozen?.frozen, true);
    assert.equal(untouched?.frozen, false);
  });

  test("gives the successor the account of its new partner when the partner changed", async () => {
    const tier = await makeTier(t.db);
    const old = await makePartnership(t.db, { tierId: tier.id });
    const c1 = await makeConsortium(t.db);
    const response = await post(rollOver(old.id), {
      name: "Now a consortium",
      tier: tier.id,
      agreement_start: "2027-01-01",
      agreement_end: "2027-12-31",
      agreement_link: "https://example.org/next",
      registration_code: `CONS-${old.id}`,
      public_status: "private",
      partner_organisation: "",
      partner_consortium: String(c1.id),
    });
    assert.equal(response.statusCode, 303);
    const [created] = await t.db.select().from(partnership).where(eq(partnership.name, "Now a consortium"));
    const [consortiumAccount] = await t.db.select().from(account).where(eq(account.consortiumId, c1.id));
    assert.ok(consortiumAccount);
    assert.equal(created?.accountId, consortiumAccount.id);
  });

  test("refuses the old registration code, and changes nothing", async () => {
    const tier = await makeTier(t.db);
    const old = await makePartnership(t.db, { tierId: tier.id, registrationCode: "KEEPME" });
    const response = await post(rollOver(old.id), {
      name: "Not created",
      tier: tier.id,
      agreement_start: "2027-01-01",
      agreement_end: "2027-12-31",
      agreement_link: "https://example.org/next",
      registration_code: "KEEPME",
      public_status: "private",
      partner_organisation: String(old.partnerOrganisationId),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_registration_code_errors"/);
    assert.equal((await reload(old.id)).rolledToPartnershipId, null);
    assert.equal(
      (await t.db.select().from(partnership).where(eq(partnership.name, "Not created"))).length,
      0,
    );
  });

  test("answers 404 for a partnership already rolled over, on GET and POST", async () => {
    const successor = await makePartnership(t.db);
    const p1 = await makePartnership(t.db, { rolledToPartnershipId: successor.id });
    const client = await adminClient();
    assert.equal((await client.get(rollOver(p1.id))).statusCode, 404);
    const response = await submitPairs(client, "/account/login/", [["name", "x"]], rollOver(p1.id));
    assert.equal(response.statusCode, 404);
  });
});
