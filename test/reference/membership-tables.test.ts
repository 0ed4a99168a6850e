import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import {
  accountBenefitDiscount,
  memberRole,
  membershipPersonRole,
  partnershipTier,
} from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";
import { makeTier } from "../helpers/membership-factories.ts";

// The memberships area's back-office tables, edited through the reference-data pages.

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

describe("the index", () => {
  test("lists member roles, membership person roles, partnership tiers and discounts with their counts", async () => {
    const body = (await (await adminClient()).get("/reference/")).body;
    assert.match(body, /href="\/reference\/member-roles\/">Member roles<\/a><\/td><td>3</);
    assert.match(
      body,
      /href="\/reference\/membership-person-roles\/">Membership person roles<\/a><\/td><td>3</,
    );
    assert.match(body, /href="\/reference\/partnership-tiers\/">Partnership tiers<\/a>/);
    assert.match(
      body,
      /href="\/reference\/account-benefit-discounts\/">Account benefit discounts<\/a><\/td><td>1</,
    );
  });
});

describe("member roles", () => {
  test("lists the seeded roles with their verbose names, without a retire button", async () => {
    const body = (await (await adminClient()).get("/reference/member-roles/")).body;
    assert.match(body, /<td>contract_signatory<\/td><td>Contract Signatory<\/td>/);
    assert.match(body, /<td>main<\/td><td>Main Organisation<\/td>/);
    assert.doesNotMatch(body, /Retire/);
  });

  test("adds a role and goes back to the list with a message", async () => {
    const client = await adminClient();
    const response = await client.submit("/reference/member-roles/add/", {
      name: "billing_partner",
      verbose_name: "Billing partner",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/reference/member-roles/");
    const [row] = await t.db.select().from(memberRole).where(eq(memberRole.name, "billing_partner"));
    assert.equal(row?.verboseName, "Billing partner");
    assert.match(
      (await client.get("/reference/member-roles/")).body,
      /The member role “billing_partner” was added\./,
    );
  });

  test("re-shows the form with an error on name when another role has it", async () => {
    const response = await (await adminClient()).submit("/reference/member-roles/add/", {
      name: "main",
      verbose_name: "Another main",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Another member role already has this name\./);
    const rows = await t.db.select().from(memberRole).where(eq(memberRole.name, "main"));
    assert.equal(rows.length, 1);
  });

  test("needs workshops.add_memberrole to add", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get("/reference/member-roles/")).statusCode, 200);
    assert.equal((await client.get("/reference/member-roles/add/")).statusCode, 403);
  });
});

describe("membership person roles", () => {
  test("edits a role's verbose name", async () => {
    const [row] = await t.db
      .insert(membershipPersonRole)
      .values({ name: "trainer", verboseName: "" })
      .returning();
    const response = await (await adminClient()).submit(
      `/reference/membership-person-roles/${row?.id}/edit/`,
      { name: "trainer", verbose_name: "Trainer" },
    );
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db
      .select()
      .from(membershipPersonRole)
      .where(eq(membershipPersonRole.id, row?.id ?? 0));
    assert.equal(saved?.verboseName, "Trainer");
  });

  test("is guarded by the fiscal app's permissions, not the workshops one's", async () => {
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["fiscal.add_membershippersonrole"],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get("/reference/membership-person-roles/add/")).statusCode, 200);
    assert.equal((await client.get("/reference/member-roles/add/")).statusCode, 403);
  });
});

describe("partnership tiers", () => {
  test("lists tiers by credits, each with its credits", async () => {
    await makeTier(t.db, { name: "zz-platinum", credits: 128 });
    await makeTier(t.db, { name: "zz-bronze", credits: 16 });
    const body = (await (await adminClient()).get("/reference/partnership-tiers/")).body;
    const bronze = body.indexOf("<td>zz-bronze</td><td>16</td>");
    const platinum = body.indexOf("<td>zz-platinum</td><td>128</td>");
    assert.ok(bronze > 0 && platinum > bronze, `${bronze} ${platinum}`);
  });

  test("adds a tier with a UUID id", async () => {
    const response = await (await adminClient()).submit("/reference/partnership-tiers/add/", {
      name: "zz-silver",
      credits: "32",
    });
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(partnershipTier).where(eq(partnershipTier.name, "zz-silver"));
    assert.equal(row?.credits, 32);
    assert.match(row?.id ?? "", /^[0-9a-f-]{36}$/);
  });

  test("edits a tier found by its UUID and stamps last_updated_at", async () => {
    const tier = await makeTier(t.db, { name: "zz-gold", credits: 64 });
    const client = await adminClient();
    const form = await client.get(`/reference/partnership-tiers/${tier.id}/edit/`);
    assert.match(form.body, /name="credits"[^>]*value="64"/);
    const response = await client.submit(`/reference/partnership-tiers/${tier.id}/edit/`, {
      name: "zz-gold",
      credits: "70",
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db.select().from(partnershipTier).where(eq(partnershipTier.id, tier.id));
    assert.equal(saved?.credits, 70);
    assert.ok((saved?.lastUpdatedAt.getTime() ?? 0) > tier.lastUpdatedAt.getTime());
  });

  test("re-shows the form with an error on credits when they are not a whole number", async () => {
    const response = await (await adminClient()).submit("/reference/partnership-tiers/add/", {
      name: "zz-broken",
      credits: "ten",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_credits_errors"/);
    assert.equal(
      (await t.db.select().from(partnershipTier).where(eq(partnershipTier.name, "zz-broken"))).length,
      0,
    );
  });

  test("answers 404 for a malformed or unknown UUID", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/reference/partnership-tiers/12/edit/")).statusCode, 404);
    assert.equal(
      (await client.get("/reference/partnership-tiers/0c23939f-de98-44c9-969e-29405841676c/edit/"))
        .statusCode,
      404,
    );
  });

  test("needs fiscal.change_partnershiptier to edit", async () => {
    const tier = await makeTier(t.db, { name: "zz-guarded" });
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(`/reference/partnership-tiers/${tier.id}/edit/`)).statusCode, 403);
  });
});

describe("account benefit discounts", () => {
  test("lists the seeded Full Discount and renames it", async () => {
    const client = await adminClient();
    const list = await client.get("/reference/account-benefit-discounts/");
    assert.match(list.body, /<td>Full Discount<\/td>/);
    const id = "b2c3d4e5-f6a7-8901-bcde-f12345678901";
    const response = await client.submit(`/reference/account-benefit-discounts/${id}/edit/`, {
      name: "Full discount (100%)",
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await t.db.select().from(accountBenefitDiscount).where(eq(accountBenefitDiscount.id, id));
    assert.equal(saved?.name, "Full discount (100%)");
  });

  test("re-shows the form with an error on name when it is empty", async () => {
    const response = await (await adminClient()).submit("/reference/account-benefit-discounts/add/", {
      name: "",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_name_errors"/);
  });

  test("needs offering.add_accountbenefitdiscount to add", async () => {
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["offering.add_accountbenefitdiscount"],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get("/reference/account-benefit-discounts/add/")).statusCode, 200);
    assert.equal((await client.get("/reference/partnership-tiers/add/")).statusCode, 403);
  });
});
