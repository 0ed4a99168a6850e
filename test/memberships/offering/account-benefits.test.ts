import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { version } from "../../../src/history/schema.ts";
import { addDays } from "../../../src/memberships/rules.ts";
import { accountBenefit, accountBenefitDiscount } from "../../../src/memberships/schema.ts";
import { curriculum } from "../../../src/reference/schema.ts";
import { todayIso } from "../../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeMembership,
  makePartnership,
} from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const LIST = "/offering/account-benefits/";
const CREATE = "/offering/account-benefits/create/";

async function orgAccount() {
  const org = await makeOrganization(t.db);
  return makeAccount(t.db, { organizationId: org.id });
}

async function benefitsOf(accountId: string) {
  return t.db.select().from(accountBenefit).where(eq(accountBenefit.accountId, accountId));
}

function payload(accountId: string, benefitId: string, extra: Record<string, string> = {}) {
  return {
    account: accountId,
    benefit: benefitId,
    start_date: "2025-01-01",
    end_date: "2025-12-31",
    allocation: "10",
    ...extra,
  };
}

describe("the account benefits list", () => {
  test("shows every column, use against allocation and the frozen state, with no New button", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db, { name: "Listed seat" });
    const ab = await makeAccountBenefit(t.db, {
      accountId: acc.id,
      benefitId: seat.id,
      allocation: 10,
      registrationCode: "LISTCODE",
      frozen: true,
    });
    await makeTask(t.db, {
      personId: (await makePerson(t.db)).id,
      eventId: (await makeEvent(t.db)).id,
      allocatedBenefitId: ab.id,
    });
    const page = await (await adminClient()).get(`${LIST}?account=${acc.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Account Benefits<\/title>/);
    assert.doesNotMatch(page.body, /account-benefits\/create\//);
    assert.match(
      page.body,
      /Listed seat \(seat\)<\/a><\/td><td>1 \/ 10<\/td><td>—<\/td><td>LISTCODE<\/td><td>—<\/td>/,
    );
    assert.match(page.body, /Jan 01 - Dec 31, 2026<\/td><td>(Yes|No) \(frozen\)<\/td>/);
    assert.match(page.body, new RegExp(`<option value="${acc.id}" selected>Account organisation for`));
  });

  test("filters on account, partnership, benefit and curriculum", async () => {
    const partnership = await makePartnership(t.db);
    const seat = await makeBenefit(t.db, { name: "Filter seat" });
    const other = await makeBenefit(t.db, { name: "Filter other" });
    const [swc] = await t.db.select().from(curriculum).limit(1);
    assert.ok(swc);
    await makeAccountBenefit(t.db, {
      accountId: partnership.accountId,
      benefitId: seat.id,
      partnershipId: partnership.id,
      curriculumId: swc.id,
    });
    await makeAccountBenefit(t.db, { accountId: partnership.accountId, benefitId: other.id });
    const client = await adminClient();
    const byPartnership = await client.get(`${LIST}?partnership=${partnership.id}`);
    assert.match(byPartnership.body, /Filter seat/);
    assert.doesNotMatch(byPartnership.body, /Filter other \(seat\)<\/a>/);
    const byBenefit = await client.get(`${LIST}?benefit=${other.id}`);
    assert.match(byBenefit.body, /Filter other \(seat\)<\/a>/);
    assert.doesNotMatch(byBenefit.body, /Filter seat \(seat\)<\/a>/);
    const byCurriculum = await client.get(`${LIST}?curriculum=${swc.id}&account=${partnership.accountId}`);
    assert.match(byCurriculum.body, /Filter seat \(seat\)<\/a>/);
    assert.doesNotMatch(byCurriculum.body, /Filter other \(seat\)<\/a>/);
    const malformed = await client.get(`${LIST}?account=nope&partnership=x&order_by=last_modified_at`);
    assert.equal(malformed.statusCode, 200);
    assert.match(malformed.body, /id="id_account_errors"/);
    assert.match(malformed.body, /id="id_partnership_errors"/);
    assert.doesNotMatch(malformed.body, /id="id_order_by_errors"/);
  });

  test("orders by allocation", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: seat.id, allocation: 7 });
    await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: seat.id, allocation: 3 });
    const page = await (await adminClient()).get(`${LIST}?account=${acc.id}&order_by=allocation`);
    assert.ok(page.body.indexOf("0 / 3") < page.body.indexOf("0 / 7"));
    const down = await (await adminClient()).get(`${LIST}?account=${acc.id}&order_by=-allocation`);
    assert.ok(down.body.indexOf("0 / 7") < down.body.indexOf("0 / 3"));
  });
});

describe("creating an account benefit", () => {
  test("starts today and ends a year later", async () => {
    const page = await (await adminClient()).get(CREATE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Create a new account benefit<\/title>/);
    assert.match(
      page.body,
      new RegExp(`name="start_date" type="date" class="form-control" value="${todayIso()}"`),
    );
    assert.match(
      page.body,
      new RegExp(`name="end_date" type="date" class="form-control" value="${addDays(todayIso(), 365)}"`),
    );
  });

  test("saves it with a version and goes to its page", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const response = await (await adminClient()).submit(CREATE, payload(acc.id, seat.id));
    assert.equal(response.statusCode, 303);
    const [row] = await benefitsOf(acc.id);
    assert.ok(row);
    assert.equal(row.allocation, 10);
    assert.equal(row.startDate, "2025-01-01");
    assert.equal(response.headers.location, `/offering/account-benefits/${row.id}/`);
    assert.equal((await t.db.select().from(version).where(eq(version.objectId, row.id))).length, 1);
  });

  test("goes to a safe next page, and ignores one on another site", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const next = `/offering/accounts/${acc.id}/`;
    const safe = await client.submit(`${CREATE}?next=${encodeURIComponent(next)}`, payload(acc.id, seat.id));
    assert.equal(safe.headers.location, next);
    const unsafe = await client.submit(`${CREATE}?next=//evil.example.com/`, payload(acc.id, seat.id));
    assert.match(String(unsafe.headers.location), /^\/offering\/account-benefits\/[0-9a-f-]+\/$/);
  });

  test("account_pk locks the account: a posted account is ignored", async () => {
    const acc = await orgAccount();
    const other = await orgAccount();
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const form = await client.get(`${CREATE}?account_pk=${acc.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /id="id_account" type="text" readonly/);
    assert.match(form.body, new RegExp(`name="account" value="${acc.id}"`));
    assert.match(form.body, /data-lookup="\/select_lookups\/partnerships\/\?account=\{account\}"/);
    const response = await client.submit(`${CREATE}?account_pk=${acc.id}`, payload(other.id, seat.id));
    assert.equal(response.statusCode, 303);
    assert.equal((await benefitsOf(acc.id)).length, 1);
    assert.equal((await benefitsOf(other.id)).length, 0);
  });

  test("an individual account_pk also locks the partnership empty", async () => {
    const person = await makePerson(t.db);
    const acc = await makeAccount(t.db, { personId: person.id });
    const partnership = await makePartnership(t.db);
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const form = await client.get(`${CREATE}?account_pk=${acc.id}`);
    assert.match(form.body, /id="id_partnership" type="text" readonly/);
    const response = await client.submit(
      `${CREATE}?account_pk=${acc.id}`,
      payload(acc.id, seat.id, { partnership: String(partnership.id) }),
    );
    assert.equal(response.statusCode, 303);
    const [row] = await benefitsOf(acc.id);
    assert.equal(row?.partnershipId, null);
  });

  test("partnership_pk locks the partnership and its dates: posted ones are ignored", async () => {
    const partnership = await makePartnership(t.db, {
      agreementStart: "2027-03-01",
      agreementEnd: "2028-02-29",
    });
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const url = `${CREATE}?account_pk=${partnership.accountId}&partnership_pk=${partnership.id}`;
    const form = await client.get(url);
    assert.match(
      form.body,
      /id="id_start_date" type="text" readonly class="form-control-plaintext" value="2027-03-01"/,
    );
    const response = await client.submit(url, payload(partnership.accountId, seat.id, { partnership: "" }));
    assert.equal(response.statusCode, 303);
    const [row] = await benefitsOf(partnership.accountId);
    assert.equal(row?.partnershipId, partnership.id);
    assert.equal(row?.startDate, "2027-03-01");
    assert.equal(row?.endDate, "2028-02-29");
  });

  test("answers 404 for an unknown or malformed account_pk or partnership_pk", async () => {
    const client = await adminClient();
    assert.equal((await client.get(`${CREATE}?account_pk=not-a-uuid`)).statusCode, 404);
    assert.equal(
      (await client.get(`${CREATE}?account_pk=7b3f9e3c-2222-4222-8222-222222222222`)).statusCode,
      404,
    );
    assert.equal((await client.get(`${CREATE}?partnership_pk=99999`)).statusCode, 404);
    assert.equal((await client.get(`${CREATE}?partnership_pk=abc`)).statusCode, 404);
  });

  test("names the membership or partnership already using the registration code; an empty code is fine", async () => {
    await makeMembership(t.db, { name: "Coded Membership", registrationCode: "DUPLICATE123" });
    await makePartnership(t.db, { name: "Coded Partnership", registrationCode: "PDUP123" });
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const byMembership = await client.submit(
      CREATE,
      payload(acc.id, seat.id, { registration_code: "DUPLICATE123" }),
    );
    assert.equal(byMembership.statusCode, 200);
    assert.match(
      byMembership.body,
      /id="id_registration_code_errors"[^>]*><div>[^<]*membership[^<]*Coded Membership/,
    );
    const byPartnership = await client.submit(
      CREATE,
      payload(acc.id, seat.id, { registration_code: "PDUP123" }),
    );
    assert.match(
      byPartnership.body,
      /id="id_registration_code_errors"[^>]*><div>[^<]*partnership[^<]*Coded Partnership/,
    );
    assert.equal((await benefitsOf(acc.id)).length, 0);
    const empty = await client.submit(CREATE, payload(acc.id, seat.id, { registration_code: "" }));
    assert.equal(empty.statusCode, 303);
  });

  test("refuses a code another account benefit uses", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: seat.id, registrationCode: "ABTAKEN" });
    const response = await (await adminClient()).submit(
      CREATE,
      payload(acc.id, seat.id, { registration_code: "ABTAKEN" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_registration_code_errors"/);
  });

  test("refuses a partnership of another account", async () => {
    const acc = await orgAccount();
    const partnership = await makePartnership(t.db);
    const seat = await makeBenefit(t.db);
    const response = await (await adminClient()).submit(
      CREATE,
      payload(acc.id, seat.id, { partnership: String(partnership.id) }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_partnership_errors"[^>]*><div>This partnership does not belong to the selected account./,
    );
  });

  test("takes the chosen partnership's dates over the typed ones", async () => {
    const partnership = await makePartnership(t.db, {
      agreementStart: "2026-05-01",
      agreementEnd: "2027-04-30",
    });
    const seat = await makeBenefit(t.db);
    const response = await (await adminClient()).submit(
      CREATE,
      payload(partnership.accountId, seat.id, {
        partnership: String(partnership.id),
        start_date: "",
        end_date: "",
      }),
    );
    assert.equal(response.statusCode, 303);
    const [row] = await benefitsOf(partnership.accountId);
    assert.equal(row?.startDate, "2026-05-01");
    assert.equal(row?.endDate, "2027-04-30");
  });

  test("requires both dates and an end not before the start; equal dates are fine", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const missing = await client.submit(CREATE, payload(acc.id, seat.id, { start_date: "", end_date: "" }));
    assert.equal(missing.statusCode, 200);
    assert.match(missing.body, /id="id_start_date_errors"[^>]*><div>This field is required./);
    assert.match(missing.body, /id="id_end_date_errors"[^>]*><div>This field is required./);
    const backwards = await client.submit(
      CREATE,
      payload(acc.id, seat.id, { start_date: "2025-02-01", end_date: "2025-01-31" }),
    );
    assert.match(
      backwards.body,
      /id="id_end_date_errors"[^>]*><div>The end date must not be before the start date./,
    );
    const invalid = await client.submit(CREATE, payload(acc.id, seat.id, { start_date: "2025-02-30" }));
    assert.match(invalid.body, /id="id_start_date_errors"/);
    assert.equal((await benefitsOf(acc.id)).length, 0);
    const same = await client.submit(
      CREATE,
      payload(acc.id, seat.id, { start_date: "2025-03-03", end_date: "2025-03-03" }),
    );
    assert.equal(same.statusCode, 303);
  });

  test("reports every rule at once: a field error does not hide the code conflict", async () => {
    await makeMembership(t.db, { registrationCode: "ALLATONCE" });
    const acc = await orgAccount();
    const response = await (await adminClient()).submit(CREATE, {
      account: acc.id,
      benefit: "",
      registration_code: "ALLATONCE",
      start_date: "2025-05-01",
      end_date: "2025-04-01",
      allocation: "-1",
    });
    assert.equal(response.statusCode, 200);
    for (const field of ["benefit", "registration_code", "end_date", "allocation"]) {
      assert.match(response.body, new RegExp(`id="id_${field}_errors"`), field);
    }
    assert.match(response.body, /Please fix errors in the form below./);
  });

  test("refuses a missing or unknown account and unknown choices without a server error", async () => {
    const seat = await makeBenefit(t.db);
    const client = await adminClient();
    const missing = await client.submit(CREATE, payload("", seat.id));
    assert.equal(missing.statusCode, 200);
    assert.match(missing.body, /id="id_account_errors"/);
    const unknown = await client.submit(
      CREATE,
      payload("7b3f9e3c-3333-4333-8333-333333333333", seat.id, {
        discount: "7b3f9e3c-4444-4444-8444-444444444444",
        curriculum: "999999",
        partnership: "999999",
      }),
    );
    assert.equal(unknown.statusCode, 200);
    for (const field of ["account", "discount", "curriculum", "partnership"]) {
      assert.match(unknown.body, new RegExp(`id="id_${field}_errors"`), field);
    }
  });

  test("saves a discount and a curriculum", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const [discount] = await t.db.select().from(accountBenefitDiscount).limit(1);
    const [swc] = await t.db.select().from(curriculum).limit(1);
    assert.ok(discount && swc);
    const response = await (await adminClient()).submit(
      CREATE,
      payload(acc.id, seat.id, { discount: discount.id, curriculum: String(swc.id) }),
    );
    assert.equal(response.statusCode, 303);
    const [row] = await benefitsOf(acc.id);
    assert.equal(row?.discountId, discount.id);
    assert.equal(row?.curriculumId, swc.id);
  });

  test("is refused to a viewer", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(CREATE)).statusCode, 403);
    assert.equal((await client.get(LIST)).statusCode, 200);
  });
});

describe("an account benefit's page", () => {
  test("shows its display as the title and the tasks using a seat benefit", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db, { name: "Shown seat", credits: 3 });
    const ab = await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: seat.id, frozen: true });
    const event = await makeEvent(t.db);
    const task = await makeTask(t.db, {
      personId: (await makePerson(t.db)).id,
      eventId: event.id,
      allocatedBenefitId: ab.id,
    });
    const page = await (await adminClient()).get(`/offering/account-benefits/${ab.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<title>AMY: \(FROZEN\) Account Benefit &quot;Shown seat&quot; \(seat, 3 credits\)/,
    );
    assert.match(page.body, /Usage: tasks/);
    assert.match(page.body, new RegExp(`href="/workshops/task/${task.id}/"`));
  });

  test("lists the events using an event benefit", async () => {
    const acc = await orgAccount();
    const benefit = await makeBenefit(t.db, { unitType: "event" });
    const ab = await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: benefit.id });
    const event = await makeEvent(t.db, { allocatedBenefitId: ab.id });
    const page = await (await adminClient()).get(`/offering/account-benefits/${ab.id}/`);
    assert.match(page.body, /Usage: events/);
    assert.match(page.body, new RegExp(event.slug));
  });

  test("answers 404 for a malformed or unknown id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/offering/account-benefits/1/")).statusCode, 404);
    assert.equal((await client.get("/offering/account-benefits/1/edit/")).statusCode, 404);
    assert.equal(
      (await client.get("/offering/account-benefits/7b3f9e3c-5555-4555-8555-555555555555/")).statusCode,
      404,
    );
  });
});

describe("editing an account benefit", () => {
  test("keeps its own registration code and saves the change", async () => {
    const acc = await orgAccount();
    const seat = await makeBenefit(t.db);
    const ab = await makeAccountBenefit(t.db, {
      accountId: acc.id,
      benefitId: seat.id,
      registrationCode: "OWNCODE",
    });
    const client = await adminClient();
    const form = await client.get(`/offering/account-benefits/${ab.id}/edit/`);
    assert.match(form.body, /value="OWNCODE"/);
    const response = await client.submit(
      `/offering/account-benefits/${ab.id}/edit/`,
      payload(acc.id, seat.id, { registration_code: "OWNCODE", allocation: "12" }),
    );
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(accountBenefit).where(eq(accountBenefit.id, ab.id));
    assert.equal(row?.allocation, 12);
    assert.ok(row && row.lastUpdatedAt > ab.lastUpdatedAt);
  });
});

describe("deleting an account benefit", () => {
  test("deletes an unused one", async () => {
    const acc = await orgAccount();
    const ab = await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: (await makeBenefit(t.db)).id });
    const response = await (await adminClient()).submit(
      `/offering/account-benefits/${ab.id}/`,
      {},
      `/offering/account-benefits/${ab.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal((await benefitsOf(acc.id)).length, 0);
  });

  test("refuses with 409 while a task or an event uses it", async () => {
    const acc = await orgAccount();
    const seatAb = await makeAccountBenefit(t.db, {
      accountId: acc.id,
      benefitId: (await makeBenefit(t.db)).id,
    });
    await makeTask(t.db, {
      personId: (await makePerson(t.db)).id,
      eventId: (await makeEvent(t.db)).id,
      allocatedBenefitId: seatAb.id,
    });
    const eventAb = await makeAccountBenefit(t.db, {
      accountId: acc.id,
      benefitId: (await makeBenefit(t.db, { unitType: "event" })).id,
    });
    const event = await makeEvent(t.db, { allocatedBenefitId: eventAb.id });
    const client = await adminClient();
    const byTask = await client.submit(
      `/offering/account-benefits/${seatAb.id}/`,
      {},
      `/offering/account-benefits/${seatAb.id}/delete/`,
    );
    assert.equal(byTask.statusCode, 409);
    assert.match(byTask.body, /Tasks/);
    const byEvent = await client.submit(
      `/offering/account-benefits/${eventAb.id}/`,
      {},
      `/offering/account-benefits/${eventAb.id}/delete/`,
    );
    assert.equal(byEvent.statusCode, 409);
    assert.match(byEvent.body, new RegExp(event.slug));
    assert.equal((await benefitsOf(acc.id)).length, 2);
  });
});
