import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { communityRole } from "../../../src/community-roles/schema.ts";
import { addDays } from "../../../src/memberships/rules.ts";
import { account, partnership } from "../../../src/memberships/schema.ts";
import { todayIso } from "../../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import {
  makeAdmin,
  makeCommunityRoleConfig,
  makeCommunityRoleOf,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../../helpers/factories.ts";
import {
  makeAccountBenefit,
  makeBenefit,
  makeConsortium,
  makePartnership,
  makeTier,
} from "../../helpers/membership-factories.ts";
import { postAction } from "./support.ts";

const LIST = "/fiscal/partnerships/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const linkTo = (id: number) => new RegExp(`href="/fiscal/partnerships/${id}/"`);

/** A partnership of `credits` with one linked benefit of `benefitCredits` × `allocation`. */
async function partnershipUsing(credits: number, benefitCredits: number, allocation: number, name?: string) {
  const row = await makePartnership(t.db, { credits, ...(name ? { name } : {}) });
  const benefit = await makeBenefit(t.db, { credits: benefitCredits });
  await makeAccountBenefit(t.db, {
    accountId: row.accountId,
    partnershipId: row.id,
    benefitId: benefit.id,
    allocation,
  });
  return row;
}

describe("the partnerships list", () => {
  test("shows partner, dates, tier and credits allocated / allowed, newest first", async () => {
    const tier = await makeTier(t.db, { name: "bronze", credits: 16 });
    const org = await makeOrganization(t.db, { fullname: "Listed Partner Org" });
    const older = await makePartnership(t.db, { name: "Older partnership" });
    const newer = await makePartnership(t.db, {
      name: "Newer partnership",
      partnerOrganisationId: org.id,
      tierId: tier.id,
      credits: 16,
      agreementStart: "2025-02-01",
      agreementEnd: "2026-01-31",
    });
    const page = await (await adminClient()).get(LIST);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Partnerships/);
    const newerAt = page.body.search(linkTo(newer.id));
    assert.ok(newerAt > 0 && newerAt < page.body.search(linkTo(older.id)));
    assert.match(page.body, /Listed Partner Org/);
    assert.match(page.body, /2025-02-01 — 2026-01-31/);
    assert.match(page.body, /bronze \(16 credits\)/);
    assert.match(page.body, /0 \/ 16/);
  });

  test("marks a consortium partner and flags credits over the budget", async () => {
    const c1 = await makeConsortium(t.db, { name: "Listed Consortium" });
    const row = await makePartnership(t.db, { partnerConsortiumId: c1.id, credits: 5 });
    const benefit = await makeBenefit(t.db, { credits: 7 });
    await makeAccountBenefit(t.db, {
      accountId: row.accountId,
      partnershipId: row.id,
      benefitId: benefit.id,
      allocation: 1,
    });
    const page = await (await adminClient()).get(`${LIST}?items_per_page=all`);
    assert.match(page.body, /Listed Consortium<\/a> \(consortium\)/);
    assert.match(page.body, /⚠ <\/span>7 \/ 5/);
  });

  test("filters by credits under or over the limit (equal counts as over)", async () => {
    const p1 = await partnershipUsing(10, 6, 1);
    const p2 = await partnershipUsing(10, 6, 2);
    const p3 = await partnershipUsing(12, 6, 2);
    const client = await adminClient();
    const under = await client.get(`${LIST}?credits=under_limit&items_per_page=all`);
    assert.match(under.body, linkTo(p1.id));
    assert.doesNotMatch(under.body, linkTo(p2.id));
    assert.doesNotMatch(under.body, linkTo(p3.id));
    const over = await client.get(`${LIST}?credits=over_limit&items_per_page=all`);
    assert.doesNotMatch(over.body, linkTo(p1.id));
    assert.match(over.body, linkTo(p2.id));
    assert.match(over.body, linkTo(p3.id));
    const all = await client.get(`${LIST}?items_per_page=all`);
    assert.match(all.body, linkTo(p1.id));
    assert.match(all.body, linkTo(p2.id));
  });

  test("filters to partnerships active today", async () => {
    const today = todayIso();
    const active = await makePartnership(t.db, { agreementStart: today, agreementEnd: addDays(today, 10) });
    const past = await makePartnership(t.db, {
      agreementStart: "2000-01-01",
      agreementEnd: addDays(today, -1),
    });
    const page = await (await adminClient()).get(`${LIST}?active_only=on&items_per_page=all`);
    assert.match(page.body, linkTo(active.id));
    assert.doesNotMatch(page.body, linkTo(past.id));
  });

  test("filters by tier, and reports an unknown tier", async () => {
    const tier = await makeTier(t.db, { name: "platinum", credits: 128 });
    const inTier = await makePartnership(t.db, { tierId: tier.id });
    const other = await makePartnership(t.db);
    const client = await adminClient();
    const page = await client.get(`${LIST}?tier=${tier.id}&items_per_page=all`);
    assert.match(page.body, linkTo(inTier.id));
    assert.doesNotMatch(page.body, linkTo(other.id));
    const unknown = await client.get(`${LIST}?tier=nonsense`);
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /id="id_tier_errors"/);
  });

  test("orders by name", async () => {
    await makePartnership(t.db, { name: "Zz ordered" });
    await makePartnership(t.db, { name: "Aa ordered" });
    const page = await (await adminClient()).get(`${LIST}?order_by=name&items_per_page=all`);
    assert.ok(page.body.indexOf("Aa ordered") < page.body.indexOf("Zz ordered"));
  });

  test("shows 25 per page", async () => {
    for (let i = 0; i < 26; i++) await makePartnership(t.db);
    const page = await (await adminClient()).get(LIST);
    assert.equal((page.body.match(/href="\/fiscal\/partnerships\/\d+\/"/g) ?? []).length, 25);
    assert.match(page.body, /aria-label="Pages"/);
  });
});

describe("partnership details", () => {
  test("shows every row, the account and the buttons of an admin", async () => {
    const tier = await makeTier(t.db, { name: "gold", credits: 64 });
    const org = await makeOrganization(t.db, { fullname: "Detail Partner Org" });
    const row = await makePartnership(t.db, {
      name: "Detailed",
      partnerOrganisationId: org.id,
      tierId: tier.id,
      credits: 74,
      creditsExtensions: [10],
      extensions: [5, 7],
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
      registrationCode: "DETAILCODE",
    });
    const page = await (await adminClient()).get(`/fiscal/partnerships/${row.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Detailed Gold partnership Jan 01 - Dec 31, 2024/);
    assert.match(page.body, /Detail Partner Org/);
    assert.match(
      page.body,
      new RegExp(
        `href="/offering/accounts/${row.accountId}/">Account organisation for &quot;Detail Partner Org`,
      ),
    );
    assert.match(page.body, /gold \(64 credits\)/);
    assert.match(page.body, /0 \/ 74/);
    assert.match(page.body, /By 10 credits/);
    assert.match(page.body, /By 5, 7 days/);
    assert.match(page.body, /DETAILCODE/);
    for (const action of ["edit/", "extend/", "extend-credits/", "roll-over/"]) {
      assert.match(page.body, new RegExp(`href="/fiscal/partnerships/${row.id}/${action}"`), action);
    }
    assert.match(page.body, new RegExp(`action="/fiscal/partnerships/${row.id}/delete/"`));
    const next = encodeURIComponent(`/fiscal/partnerships/${row.id}/`);
    assert.match(
      page.body,
      new RegExp(
        `href="/offering/account-benefits/create/\\?account_pk=${row.accountId}&amp;partnership_pk=${row.id}&amp;next=${next}"`,
      ),
    );
  });

  test("warns when more credits are allocated than allowed, and lists benefits with their use", async () => {
    const row = await makePartnership(t.db, { credits: 5 });
    const benefit = await makeBenefit(t.db, { name: "Seat benefit", credits: 3, unitType: "seat" });
    const bought = await makeAccountBenefit(t.db, {
      accountId: row.accountId,
      partnershipId: row.id,
      benefitId: benefit.id,
      allocation: 2,
    });
    const trainee = await makePerson(t.db);
    await makeTask(t.db, {
      personId: trainee.id,
      eventId: (await makeEvent(t.db)).id,
      role: "learner",
      allocatedBenefitId: bought.id,
    });
    const page = await (await adminClient()).get(`/fiscal/partnerships/${row.id}/`);
    assert.match(page.body, /The credits allocated to this partnership exceed the credits allowed/);
    assert.match(page.body, /6 \/ 5/);
    assert.match(page.body, new RegExp(`href="/offering/account-benefits/${bought.id}/">Seat benefit`));
    assert.match(page.body, /<td>1 \/ 2<\/td>/);
  });

  test("shows the roll-over banners both ways and hides roll-over once done", async () => {
    const successor = await makePartnership(t.db, { name: "Successor" });
    const predecessor = await makePartnership(t.db, {
      name: "Predecessor",
      rolledToPartnershipId: successor.id,
    });
    const client = await adminClient();
    const old = await client.get(`/fiscal/partnerships/${predecessor.id}/`);
    assert.match(
      old.body,
      /has been rolled over to <a class="alert-link" href="\/fiscal\/partnerships\/\d+\/">Successor/,
    );
    assert.doesNotMatch(old.body, /roll-over\/"/);
    const current = await client.get(`/fiscal/partnerships/${successor.id}/`);
    assert.match(
      current.body,
      /was rolled over from <a class="alert-link" href="\/fiscal\/partnerships\/\d+\/">Predecessor/,
    );
  });

  test("lists the community roles linked to the partnership", async () => {
    const row = await makePartnership(t.db);
    const config = await makeCommunityRoleConfig(t.db, { name: "partner-contact" });
    const person = await makePerson(t.db, { personal: "Hermione", family: "Granger" });
    const role = await makeCommunityRoleOf(t.db, {
      configId: config.id,
      personId: person.id,
      start: "2025-01-01",
    });
    await t.db
      .update(communityRole)
      .set({ partnershipId: row.id, url: "https://example.org/role" })
      .where(eq(communityRole.id, role.id));
    const page = await (await adminClient()).get(`/fiscal/partnerships/${row.id}/`);
    assert.match(page.body, /Hermione Granger/);
    assert.match(page.body, /partner-contact/);
    assert.match(page.body, /https:\/\/example.org\/role/);
  });

  test("shows a viewer no buttons that change anything", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const row = await makePartnership(t.db);
    const page = await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(
      `/fiscal/partnerships/${row.id}/`,
    );
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /edit\/"|extend\/"|roll-over\/"|delete\/"|account-benefits\/create/);
  });

  test("answers 404 for an unknown or malformed id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/fiscal/partnerships/99999999/")).statusCode, 404);
    assert.equal((await client.get("/fiscal/partnerships/x1/")).statusCode, 404);
  });
});

describe("deleting a partnership", () => {
  test("deletes it and keeps its account, then goes to the list", async () => {
    const row = await makePartnership(t.db);
    const response = await postAction(await adminClient(), `/fiscal/partnerships/${row.id}/delete/`);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal((await t.db.select().from(partnership).where(eq(partnership.id, row.id))).length, 0);
    assert.equal((await t.db.select().from(account).where(eq(account.id, row.accountId))).length, 1);
  });

  test("forgets the predecessor's link to it", async () => {
    const successor = await makePartnership(t.db);
    const predecessor = await makePartnership(t.db, { rolledToPartnershipId: successor.id });
    await postAction(await adminClient(), `/fiscal/partnerships/${successor.id}/delete/`);
    const [old] = await t.db.select().from(partnership).where(eq(partnership.id, predecessor.id));
    assert.equal(old?.rolledToPartnershipId, null);
  });

  test("is blocked by a linked account benefit: 409 with the benefit listed", async () => {
    const row = await makePartnership(t.db);
    const benefit = await makeBenefit(t.db, { name: "Blocking benefit" });
    const bought = await makeAccountBenefit(t.db, {
      accountId: row.accountId,
      partnershipId: row.id,
      benefitId: benefit.id,
    });
    const response = await postAction(await adminClient(), `/fiscal/partnerships/${row.id}/delete/`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Failed to delete/);
    assert.match(response.body, new RegExp(`href="/offering/account-benefits/${bought.id}/"`));
    assert.equal((await t.db.select().from(partnership).where(eq(partnership.id, row.id))).length, 1);
  });

  test("is blocked by a linked community role", async () => {
    const row = await makePartnership(t.db);
    const config = await makeCommunityRoleConfig(t.db);
    const person = await makePerson(t.db, { personal: "Blocking", family: "Person" });
    const role = await makeCommunityRoleOf(t.db, { configId: config.id, personId: person.id });
    await t.db.update(communityRole).set({ partnershipId: row.id }).where(eq(communityRole.id, role.id));
    const response = await postAction(await adminClient(), `/fiscal/partnerships/${row.id}/delete/`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Community roles/);
    assert.match(response.body, /Blocking Person/);
  });

  test("answers 405 to a GET", async () => {
    const row = await makePartnership(t.db);
    assert.equal((await (await adminClient()).get(`/fiscal/partnerships/${row.id}/delete/`)).statusCode, 405);
  });
});

describe("access to the partnership pages", () => {
  test("sends an anonymous visitor to log in and refuses a non-admin", async () => {
    const anonymous = await new Client(t.app).get(LIST);
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, `/account/login/?next=${encodeURIComponent(LIST)}`);
    const member = await makePerson(t.db);
    assert.equal(
      (await (await new Client(t.app).logIn(member.username, PASSWORD)).get(LIST)).statusCode,
      403,
    );
  });

  test("lets a viewer list and read, but not create, edit, extend, roll over or delete", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const row = await makePartnership(t.db);
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(LIST)).statusCode, 200);
    for (const path of [
      "create/",
      `${row.id}/edit/`,
      `${row.id}/extend/`,
      `${row.id}/extend-credits/`,
      `${row.id}/roll-over/`,
    ]) {
      assert.equal((await client.get(`${LIST}${path}`)).statusCode, 403, path);
    }
    assert.equal((await postAction(client, `${LIST}${row.id}/delete/`)).statusCode, 403);
  });

  test("needs both the add and the change permission to roll over", async () => {
    const changer = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["fiscal.change_partnership"],
    });
    const row = await makePartnership(t.db);
    const client = await new Client(t.app).logIn(changer.username, PASSWORD);
    assert.equal((await client.get(`${LIST}${row.id}/extend/`)).statusCode, 200);
    assert.equal((await client.get(`${LIST}${row.id}/roll-over/`)).statusCode, 403);
    const details = await client.get(`${LIST}${row.id}/`);
    assert.doesNotMatch(details.body, /roll-over\/"/);
  });

  test("answers 404 on every partnership page while the service offering is switched off", async () => {
    const off = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
    try {
      const offAdmin = await makeAdmin(off.db);
      const row = await makePartnership(off.db);
      const client = await new Client(off.app).logIn(offAdmin.username, PASSWORD);
      for (const path of [
        LIST,
        `${LIST}create/`,
        `${LIST}${row.id}/`,
        `${LIST}${row.id}/edit/`,
        `${LIST}${row.id}/extend/`,
        `${LIST}${row.id}/extend-credits/`,
        `${LIST}${row.id}/roll-over/`,
      ]) {
        assert.equal((await client.get(path)).statusCode, 404, path);
      }
      assert.equal((await postAction(client, `${LIST}${row.id}/delete/`)).statusCode, 404);
    } finally {
      await off.close();
    }
  });
});
