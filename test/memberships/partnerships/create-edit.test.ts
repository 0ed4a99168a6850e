import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { version } from "../../../src/history/schema.ts";
import { account, accountBenefit, partnership } from "../../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, PASSWORD } from "../../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeConsortium,
  makeMembership,
  makePartnership,
  makeTier,
} from "../../helpers/membership-factories.ts";
import { partnershipFields, submitPairs } from "./support.ts";

const CREATE = "/fiscal/partnerships/create/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let gold: Awaited<ReturnType<typeof makeTier>>;
let silver: Awaited<ReturnType<typeof makeTier>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  gold = await makeTier(t.db, { name: "gold", credits: 64 });
  silver = await makeTier(t.db, { name: "silver", credits: 32 });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const post = async (url: string, fields: Record<string, string>, pageUrl = url) =>
  submitPairs(await adminClient(), pageUrl, Object.entries(fields), url);

async function byName(name: string) {
  const [row] = await t.db.select().from(partnership).where(eq(partnership.name, name));
  return row;
}

describe("creating a partnership", () => {
  test("shows the form titled 'Create a new partnership' with tiers as a select and an organisation autocomplete", async () => {
    const page = await (await adminClient()).get(CREATE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Create a new partnership/);
    assert.match(page.body, new RegExp(`<option value="${gold.id}">gold \\(64 credits\\)</option>`));
    assert.match(
      page.body,
      /name="partner_organisation" class="form-select" data-lookup="\/select_lookups\/organizations\/"/,
    );
  });

  test("saves it with the tier's credits and a new account of the partner organisation", async () => {
    const alpha = await makeOrganization(t.db);
    const fields = partnershipFields({ organisation: alpha.id }, gold.id);
    const response = await post(CREATE, fields);
    assert.equal(response.statusCode, 303);
    const row = await byName(fields.name ?? "");
    assert.ok(row);
    assert.equal(response.headers.location, `/fiscal/partnerships/${row.id}/`);
    assert.equal(row.credits, 64);
    assert.equal(row.partnerOrganisationId, alpha.id);
    assert.equal(row.partnerConsortiumId, null);
    assert.equal(row.registrationCode, fields.registration_code);
    const [owner] = await t.db.select().from(account).where(eq(account.id, row.accountId));
    assert.equal(owner?.accountType, "organisation");
    assert.equal(owner?.organizationId, alpha.id);
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(row.id)));
    assert.ok(versions.some((item) => JSON.parse(item.serializedData)[0].model === "fiscal.partnership"));
    assert.ok(
      (await t.db.select().from(version).where(eq(version.objectId, row.accountId))).length === 1,
      "the new account has its first version",
    );
  });

  test("uses the organisation's existing account instead of making a second one", async () => {
    const alpha = await makeOrganization(t.db);
    const existing = await makeAccount(t.db, { organizationId: alpha.id });
    const fields = partnershipFields({ organisation: alpha.id }, gold.id);
    assert.equal((await post(CREATE, fields)).statusCode, 303);
    assert.equal((await byName(fields.name ?? ""))?.accountId, existing.id);
    assert.equal((await t.db.select().from(account).where(eq(account.organizationId, alpha.id))).length, 1);
  });

  test("makes a consortium account for a consortium partner", async () => {
    const c1 = await makeConsortium(t.db);
    const fields = partnershipFields({ consortium: c1.id }, silver.id);
    assert.equal((await post(CREATE, fields)).statusCode, 303);
    const row = await byName(fields.name ?? "");
    assert.equal(row?.partnerConsortiumId, c1.id);
    assert.equal(row?.credits, 32);
    const [owner] = await t.db.select().from(account).where(eq(account.consortiumId, c1.id));
    assert.equal(owner?.accountType, "consortium");
    assert.equal(row?.accountId, owner?.id);
  });

  async function rejected(fields: Record<string, string>, errorField: string | "__all__", message?: RegExp) {
    const before = await t.db.$count(partnership);
    const accounts = await t.db.$count(account);
    const response = await post(CREATE, fields);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Please fix errors in the form below/);
    if (errorField === "__all__")
      assert.match(response.body, /<div class="alert alert-danger" role="alert">/);
    else assert.match(response.body, new RegExp(`id="id_${errorField}_errors"`));
    if (message) assert.match(response.body, message);
    assert.equal(await t.db.$count(partnership), before, "no partnership saved");
    assert.equal(await t.db.$count(account), accounts, "no account made");
    return response;
  }

  test("refuses both an organisation and a consortium, with an error above the form", async () => {
    const alpha = await makeOrganization(t.db);
    const c1 = await makeConsortium(t.db);
    const fields = partnershipFields({ organisation: alpha.id }, gold.id, {
      partner_consortium: String(c1.id),
    });
    await rejected(fields, "__all__", /Select a partner consortium or a partner organisation, not both/);
  });

  test("refuses a partnership with no partner", async () => {
    const fields = partnershipFields({ organisation: 1 }, gold.id, { partner_organisation: "" });
    await rejected(fields, "__all__", /not both/);
  });

  test("refuses an end before the start, on agreement_end; equal dates are accepted", async () => {
    const alpha = await makeOrganization(t.db);
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { agreement_end: "2024-12-31" }),
      "agreement_end",
    );
    const same = partnershipFields({ organisation: alpha.id }, gold.id, {
      agreement_start: "2025-03-01",
      agreement_end: "2025-03-01",
    });
    assert.equal((await post(CREATE, same)).statusCode, 303);
  });

  test("refuses a registration code a membership uses, naming the membership", async () => {
    await makeMembership(t.db, { name: "Code Holder", registrationCode: "DUPLICATE123" });
    const alpha = await makeOrganization(t.db);
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { registration_code: "DUPLICATE123" }),
      "registration_code",
      /Code Holder/,
    );
  });

  test("refuses a registration code an account benefit uses, naming the account benefit", async () => {
    const holder = await makeOrganization(t.db, { fullname: "Benefit Holder Org" });
    const owner = await makeAccount(t.db, { organizationId: holder.id });
    const benefit = await makeBenefit(t.db, { name: "Coded Benefit" });
    await makeAccountBenefit(t.db, {
      accountId: owner.id,
      benefitId: benefit.id,
      registrationCode: "ABCODE",
    });
    const alpha = await makeOrganization(t.db);
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { registration_code: "ABCODE" }),
      "registration_code",
      /account benefit[^<]*Coded Benefit/,
    );
  });

  test("refuses a registration code another partnership uses", async () => {
    await makePartnership(t.db, { registrationCode: "TAKEN-P" });
    const alpha = await makeOrganization(t.db);
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { registration_code: "TAKEN-P" }),
      "registration_code",
      /Another partnership already uses this registration code/,
    );
  });

  test("requires a registration code", async () => {
    const alpha = await makeOrganization(t.db);
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { registration_code: "" }),
      "registration_code",
      /This field is required/,
    );
  });

  test("requires a tier, a name and an agreement link that is a web address", async () => {
    const alpha = await makeOrganization(t.db);
    await rejected(partnershipFields({ organisation: alpha.id }, ""), "tier");
    await rejected(partnershipFields({ organisation: alpha.id }, gold.id, { name: "" }), "name");
    await rejected(
      partnershipFields({ organisation: alpha.id }, gold.id, { agreement_link: "not a link" }),
      "agreement_link",
    );
  });

  test("refuses an unknown tier or organisation without a server error", async () => {
    await rejected(
      partnershipFields({ organisation: 99999999 }, "00000000-0000-0000-0000-000000000000"),
      "tier",
    );
    await rejected(partnershipFields({ organisation: 99999999 }, gold.id), "partner_organisation");
  });
});

describe("editing a partnership", () => {
  const editUrl = (id: number) => `/fiscal/partnerships/${id}/edit/`;
  const fieldsOf = (row: typeof partnership.$inferSelect, overrides: Record<string, string> = {}) => ({
    partner_organisation: row.partnerOrganisationId === null ? "" : String(row.partnerOrganisationId),
    partner_consortium: row.partnerConsortiumId === null ? "" : String(row.partnerConsortiumId),
    name: row.name,
    tier: row.tierId ?? "",
    agreement_start: row.agreementStart,
    agreement_end: row.agreementEnd,
    agreement_link: row.agreementLink,
    registration_code: row.registrationCode ?? "",
    public_status: row.publicStatus,
    ...overrides,
  });

  test("shows the stored values and keeps its own registration code acceptable", async () => {
    const row = await makePartnership(t.db, { tierId: gold.id, credits: 64 });
    const client = await adminClient();
    const page = await client.get(editUrl(row.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`value="${row.registrationCode}"`));
    const response = await post(editUrl(row.id), fieldsOf(row, { name: "Renamed partnership" }));
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/partnerships/${row.id}/`);
    assert.equal((await byName("Renamed partnership"))?.id, row.id);
  });

  test("sets the credits to the new tier's plus every credit extension", async () => {
    const row = await makePartnership(t.db, { tierId: gold.id, credits: 94, creditsExtensions: [20, 10] });
    assert.equal((await post(editUrl(row.id), fieldsOf(row, { tier: silver.id }))).statusCode, 303);
    const [saved] = await t.db.select().from(partnership).where(eq(partnership.id, row.id));
    assert.equal(saved?.credits, 32 + 30);
    assert.deepEqual(saved?.creditsExtensions, [20, 10]);
  });

  test("moves the partnership and its linked account benefits to the new partner's account", async () => {
    const before = await makeOrganization(t.db);
    const after = await makeOrganization(t.db, { fullname: "New Partner Org" });
    const row = await makePartnership(t.db, { tierId: gold.id, partnerOrganisationId: before.id });
    const benefit = await makeBenefit(t.db);
    const linked = await makeAccountBenefit(t.db, {
      accountId: row.accountId,
      partnershipId: row.id,
      benefitId: benefit.id,
    });
    const unlinked = await makeAccountBenefit(t.db, { accountId: row.accountId, benefitId: benefit.id });
    const client = await adminClient();
    const response = await submitPairs(
      client,
      editUrl(row.id),
      Object.entries(fieldsOf(row, { partner_organisation: String(after.id) })),
    );
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db.select().from(partnership).where(eq(partnership.id, row.id));
    const [newAccount] = await t.db.select().from(account).where(eq(account.organizationId, after.id));
    assert.ok(newAccount);
    assert.equal(saved?.accountId, newAccount.id);
    assert.equal(saved?.partnerOrganisationId, after.id);
    const [movedBenefit] = await t.db.select().from(accountBenefit).where(eq(accountBenefit.id, linked.id));
    assert.equal(movedBenefit?.accountId, newAccount.id);
    const [keptBenefit] = await t.db.select().from(accountBenefit).where(eq(accountBenefit.id, unlinked.id));
    assert.equal(keptBenefit?.accountId, row.accountId);
    const details = await client.get(String(response.headers.location));
    assert.match(details.body, /now belong to the account of New Partner Org/);
  });

  test("re-shows the form on a bad value and changes nothing", async () => {
    const row = await makePartnership(t.db, { tierId: gold.id });
    const response = await post(
      editUrl(row.id),
      fieldsOf(row, { agreement_end: "2000-01-01", name: "Not saved" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_agreement_end_errors"/);
    assert.equal(await byName("Not saved"), undefined);
  });

  test("answers 404 for an unknown partnership", async () => {
    assert.equal((await (await adminClient()).get(editUrl(99999999))).statusCode, 404);
  });
});
