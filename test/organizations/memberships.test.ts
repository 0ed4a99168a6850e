import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { account } from "../../src/memberships/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeMember,
  makeMembership,
  makePartnership,
  makeTier,
} from "../helpers/membership-factories.ts";

// The memberships area as the organisation pages show it: current memberships and the variant filter
// on the list; memberships, partnerships and the account on an organisation's page; the account made
// with a new organisation; and what of the area keeps an organisation from being deleted.

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const today = todayIso();
const daysFromToday = (days: number) =>
  new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
const pageOf = (domain: string) => `/fiscal/organization/${encodeURIComponent(domain)}/`;

/** The table row of the list (or a page) that links to the given path. */
function rowLinking(html: string, href: string): string {
  return html.split("<tr").find((row) => row.includes(`href="${href}"`)) ?? "";
}

describe("the organisations list", () => {
  test("shows the memberships an organisation holds today, each linked, and a dash otherwise", async () => {
    const alpha = await makeOrganization(t.db, { fullname: "Current Alpha" });
    const idle = await makeOrganization(t.db, { fullname: "Idle Beta" });
    const current = await makeMembership(t.db, {
      name: "Alpha now",
      agreementStart: daysFromToday(-10),
      agreementEnd: daysFromToday(10),
    });
    const past = await makeMembership(t.db, {
      name: "Alpha then",
      agreementStart: "2015-07-01",
      agreementEnd: "2016-06-30",
    });
    await makeMember(t.db, { membershipId: current.id, organizationId: alpha.id });
    await makeMember(t.db, {
      membershipId: current.id,
      organizationId: alpha.id,
      role: "contract_signatory",
    });
    await makeMember(t.db, { membershipId: past.id, organizationId: alpha.id });
    const page = await (await adminClient()).get("/fiscal/organizations/?items_per_page=all");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th scope="col">Current memberships<\/th>/);
    const row = rowLinking(page.body, pageOf(alpha.domain));
    assert.equal(row.match(/href="\/fiscal\/membership\/\d+\/"/g)?.length, 1, row);
    assert.match(row, new RegExp(`<a href="/fiscal/membership/${current.id}/">Alpha now Partner membership`));
    assert.doesNotMatch(row, /Alpha then/);
    assert.match(rowLinking(page.body, pageOf(idle.domain)), /<td>—<\/td>/);
  });

  test("filters by membership variant: any membership, current or past, of a chosen variant, each organisation once", async () => {
    const gold = await makeOrganization(t.db, { fullname: "Zz Gold Holder" });
    const silver = await makeOrganization(t.db, { fullname: "Zz Silver Holder" });
    const none = await makeOrganization(t.db, { fullname: "Zz No Membership" });
    for (const dates of [
      { agreementStart: "2015-01-01", agreementEnd: "2015-12-31" },
      { agreementStart: "2016-01-01", agreementEnd: "2016-12-31" },
    ]) {
      const goldMembership = await makeMembership(t.db, { variant: "gold", ...dates });
      await makeMember(t.db, { membershipId: goldMembership.id, organizationId: gold.id });
    }
    const silverMembership = await makeMembership(t.db, { variant: "silver" });
    await makeMember(t.db, { membershipId: silverMembership.id, organizationId: silver.id });
    const client = await adminClient();
    const names = (html: string) =>
      [...html.matchAll(/<td><a href="\/fiscal\/organization\/[^"]+">(Zz [^<]+)<\/a><\/td>/g)].map(
        (m) => m[1],
      );

    const onlyGold = await client.get("/fiscal/organizations/?memberships__variant=gold&items_per_page=all");
    assert.deepEqual(names(onlyGold.body), ["Zz Gold Holder"]);
    assert.match(onlyGold.body, /<option value="gold" selected>Gold<\/option>/);

    const both = await client.get(
      "/fiscal/organizations/?memberships__variant=gold&memberships__variant=silver&items_per_page=all",
    );
    assert.deepEqual(names(both.body).sort(), ["Zz Gold Holder", "Zz Silver Holder"]);
    assert.ok(!names(both.body).includes(none.fullname));
  });

  test("ignores a variant that is not a choice, and says so beside the field", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/?memberships__variant=diamond");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="id_memberships__variant_errors"[^>]*><div>This is not one of the choices/);
  });

  test("offers New organization above and below the list", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/");
    assert.equal(page.body.match(/href="\/fiscal\/organizations\/add\/">New organization<\/a>/g)?.length, 2);
  });
});

describe("creating an organisation", () => {
  test("creates its account, of type organisation, with it", async () => {
    const response = await (await adminClient()).submit("/fiscal/organizations/add/", {
      domain: "test123.org",
      fullname: "Test Organization",
      comment: "",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/fiscal/organization/test123.org/");
    const [row] = await t.db.select().from(organization).where(eq(organization.domain, "test123.org"));
    const accounts = await t.db
      .select()
      .from(account)
      .where(eq(account.organizationId, row?.id ?? 0));
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0]?.accountType, "organisation");
  });

  test("creates no account when the form is rejected", async () => {
    const taken = await makeOrganization(t.db);
    const before = await t.db.select().from(account);
    const response = await (await adminClient()).submit("/fiscal/organizations/add/", {
      domain: taken.domain,
      fullname: "Another name",
    });
    assert.equal(response.statusCode, 200);
    assert.equal((await t.db.select().from(account)).length, before.length);
  });
});

describe("an organisation's page", () => {
  test("lists its memberships in any role with their workshop and seat figures", async () => {
    const org = await makeOrganization(t.db);
    const main = await makeMembership(t.db, {
      name: "Figures Main",
      variant: "gold",
      agreementStart: "2026-01-01",
      agreementEnd: "2026-12-31",
      workshopsWithoutAdminFeePerAgreement: 10,
      workshopsWithoutAdminFeeRolledFromPrevious: 2,
      workshopsWithoutAdminFeeRolledOver: 5,
      publicInstructorTrainingSeats: 1,
      inhouseInstructorTrainingSeats: 0,
    });
    const other = await makeMembership(t.db, { name: "Figures Signatory", consortium: true });
    await makeMember(t.db, { membershipId: main.id, organizationId: org.id });
    await makeMember(t.db, { membershipId: other.id, organizationId: org.id, role: "contract_signatory" });
    for (const start of ["2020-01-10", "2020-02-10"]) {
      await makeEvent(t.db, { membershipId: main.id, administratorDomain: "datacarpentry.org", start });
    }
    const training = await makeEvent(t.db, { tags: ["TTT"] });
    for (let n = 0; n < 2; n++) {
      const learner = await makePerson(t.db);
      await makeTask(t.db, {
        personId: learner.id,
        eventId: training.id,
        role: "learner",
        seatMembershipId: main.id,
      });
    }
    const page = await (await adminClient()).get(pageOf(org.domain));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 class="h4 mt-4" id="memberships">Memberships<\/h2>/);
    const row = rowLinking(page.body, `/fiscal/membership/${main.id}/`);
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, "|"));
    assert.equal(cells[1], "Main Organisation");
    assert.equal(cells[2], "Gold");
    assert.equal(cells[3], "2026-01-01 — 2026-12-31");
    assert.equal(cells[4], "Financial");
    assert.equal(cells[5], "12|includes 2 rolled from previous|");
    assert.deepEqual(cells.slice(6, 8), ["2", "0"]);
    assert.equal(cells[8], "5|5 rolled over|");
    assert.deepEqual(cells.slice(13, 15), ["1", "2"]);
    assert.match(row, /<td class="table-danger">-1<\/td>/);
    const signatory = rowLinking(page.body, `/fiscal/membership/${other.id}/`);
    assert.match(signatory, /consortium/);
    assert.match(signatory, /Contract Signatory/);
  });

  test("links each membership's edit page back to the organisation, and offers Add membership", async () => {
    const org = await makeOrganization(t.db);
    const membership = await makeMembership(t.db);
    await makeMember(t.db, { membershipId: membership.id, organizationId: org.id });
    const page = await (await adminClient()).get(pageOf(org.domain));
    const next = encodeURIComponent(pageOf(org.domain));
    assert.match(page.body, new RegExp(`href="/fiscal/membership/${membership.id}/edit/\\?next=${next}"`));
    assert.match(
      page.body,
      new RegExp(`href="/fiscal/memberships/add/\\?organization=${org.id}">Add membership</a>`),
    );
  });

  test("disables Add membership and hides the edit links for an admin without the permissions", async () => {
    const org = await makeOrganization(t.db);
    const membership = await makeMembership(t.db);
    await makeMember(t.db, { membershipId: membership.id, organizationId: org.id });
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const page = await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(pageOf(org.domain));
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<button type="button" class="btn btn-success" disabled[^>]*>Add membership<\/button>/,
    );
    assert.doesNotMatch(page.body, /\/edit\/\?next=/);
  });

  test("marks an event Affiliated when its membership has the organisation as main organisation", async () => {
    const org = await makeOrganization(t.db);
    const asMain = await makeMembership(t.db);
    const asSignatory = await makeMembership(t.db);
    await makeMember(t.db, { membershipId: asMain.id, organizationId: org.id });
    await makeMember(t.db, {
      membershipId: asSignatory.id,
      organizationId: org.id,
      role: "contract_signatory",
    });
    const affiliated = await makeEvent(t.db, { hostId: org.id, membershipId: asMain.id });
    const signed = await makeEvent(t.db, { hostId: org.id, membershipId: asSignatory.id });
    const page = await (await adminClient()).get(pageOf(org.domain));
    assert.match(rowLinking(page.body, `/workshops/event/${affiliated.slug}/`), /Affiliated<\/span>/);
    assert.doesNotMatch(rowLinking(page.body, `/workshops/event/${signed.slug}/`), /Affiliated/);
  });

  test("shows the account and the partnerships, with credits over the allowance highlighted", async () => {
    const org = await makeOrganization(t.db, { fullname: "Partner Org" });
    const tier = await makeTier(t.db, { name: "silver", credits: 32 });
    const within = await makePartnership(t.db, {
      name: "Within budget",
      partnerOrganisationId: org.id,
      tierId: tier.id,
      credits: 32,
    });
    const [orgAccount] = await t.db.select().from(account).where(eq(account.organizationId, org.id));
    const over = await makePartnership(t.db, {
      name: "Over budget",
      partnerOrganisationId: org.id,
      accountId: orgAccount?.id,
      credits: 2,
    });
    const benefit = await makeBenefit(t.db, { credits: 3 });
    await makeAccountBenefit(t.db, {
      accountId: orgAccount?.id ?? "",
      benefitId: benefit.id,
      partnershipId: over.id,
      allocation: 1,
    });
    const page = await (await adminClient()).get(pageOf(org.domain));
    assert.match(
      page.body,
      new RegExp(
        `<a href="/offering/accounts/${orgAccount?.id}/">Account organisation for (&quot;|")Partner Org`,
      ),
    );
    const withinRow = rowLinking(page.body, `/fiscal/partnerships/${within.id}/`);
    assert.match(withinRow, /silver \(32 credits\)/);
    assert.match(withinRow, /<td>0 \/ 32<\/td>/);
    const overRow = rowLinking(page.body, `/fiscal/partnerships/${over.id}/`);
    assert.match(overRow, /<td class="table-warning">[\s\S]*3 \/ 2<\/td>/);
    assert.match(
      page.body,
      new RegExp(`href="/fiscal/partnerships/create/\\?partner_organisation=${org.id}">Add partnership`),
    );
  });

  test("shows a dash for an organisation without an account", async () => {
    const org = await makeOrganization(t.db);
    const page = await (await adminClient()).get(pageOf(org.domain));
    assert.match(page.body, /<dt class="col-sm-3">Account<\/dt><dd class="col-sm-9">—<\/dd>/);
    assert.match(page.body, /No partnerships\./);
  });
});

describe("an organisation's page without the service offering", () => {
  let off: TestApp;
  before(async () => {
    off = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
  });
  after(() => off.close());

  test("shows neither the account nor the partnerships, but still the memberships", async () => {
    const offAdmin = await makeAdmin(off.db);
    const org = await makeOrganization(off.db);
    await makePartnership(off.db, { partnerOrganisationId: org.id });
    const page = await (await new Client(off.app).logIn(offAdmin.username, PASSWORD)).get(pageOf(org.domain));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<dt class="col-sm-3">Account<\/dt>/);
    assert.doesNotMatch(page.body, /id="partnerships"|Add partnership/);
    assert.match(page.body, /id="memberships"/);
  });
});

describe("deleting an organisation", () => {
  const deleteAs = async (client: Client, domain: string) =>
    client.submit(pageOf(domain), {}, `${pageOf(domain)}delete/`);

  test("deletes its unused account with it", async () => {
    const client = await adminClient();
    await client.submit("/fiscal/organizations/add/", { domain: "goes.example.org", fullname: "Goes Away" });
    const [row] = await t.db.select().from(organization).where(eq(organization.domain, "goes.example.org"));
    assert.equal(
      (
        await t.db
          .select()
          .from(account)
          .where(eq(account.organizationId, row?.id ?? 0))
      ).length,
      1,
    );
    const response = await deleteAs(client, "goes.example.org");
    assert.equal(response.statusCode, 303);
    assert.equal(
      (
        await t.db
          .select()
          .from(organization)
          .where(eq(organization.id, row?.id ?? 0))
      ).length,
      0,
    );
    assert.equal(
      (
        await t.db
          .select()
          .from(account)
          .where(eq(account.organizationId, row?.id ?? 0))
      ).length,
      0,
    );
  });

  test("refuses while it is a member of a membership, naming the membership and the role", async () => {
    const org = await makeOrganization(t.db);
    const membership = await makeMembership(t.db, { name: "Blocking Membership" });
    await makeMember(t.db, {
      membershipId: membership.id,
      organizationId: org.id,
      role: "contract_signatory",
    });
    const response = await deleteAs(await adminClient(), org.domain);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Memberships it is a member of<\/h2>/);
    assert.match(
      response.body,
      new RegExp(
        `<a href="/fiscal/membership/${membership.id}/">Blocking Membership Partner membership [^<]+ \\(role: Contract Signatory\\)</a>`,
      ),
    );
    assert.equal((await t.db.select().from(organization).where(eq(organization.id, org.id))).length, 1);
  });

  test("refuses while it is the partner of a partnership", async () => {
    const org = await makeOrganization(t.db);
    const partnership = await makePartnership(t.db, {
      name: "Blocking Partnership",
      partnerOrganisationId: org.id,
    });
    const response = await deleteAs(await adminClient(), org.domain);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Partnerships<\/h2>/);
    assert.match(
      response.body,
      new RegExp(`<a href="/fiscal/partnerships/${partnership.id}/">Blocking Partnership</a>`),
    );
  });

  test("refuses while its account has account benefits", async () => {
    const org = await makeOrganization(t.db);
    const orgAccount = await makeAccount(t.db, { organizationId: org.id });
    const benefit = await makeBenefit(t.db, { name: "Skillup" });
    const bought = await makeAccountBenefit(t.db, { accountId: orgAccount.id, benefitId: benefit.id });
    const response = await deleteAs(await adminClient(), org.domain);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Account benefits of its account<\/h2>/);
    assert.match(
      response.body,
      new RegExp(
        `<a href="/offering/account-benefits/${bought.id}/">Skillup \\(2026-01-01 — 2026-12-31\\)</a>`,
      ),
    );
    assert.equal((await t.db.select().from(account).where(eq(account.id, orgAccount.id))).length, 1);
  });

  test("refuses while another partner's partnership uses its account", async () => {
    const org = await makeOrganization(t.db);
    const orgAccount = await makeAccount(t.db, { organizationId: org.id });
    const other = await makeOrganization(t.db);
    const partnership = await makePartnership(t.db, {
      name: "Borrowed Account",
      partnerOrganisationId: other.id,
      accountId: orgAccount.id,
    });
    const response = await deleteAs(await adminClient(), org.domain);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<h2 class="h5">Partnerships using its account<\/h2>/);
    assert.match(
      response.body,
      new RegExp(`href="/fiscal/partnerships/${partnership.id}/">Borrowed Account`),
    );
  });
});
