import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { benefit, membership } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeConsortium,
  makeMember,
  makeMembership,
  makePartnership,
  makeTier,
} from "../helpers/membership-factories.ts";

interface Answer {
  results: { id: number | string; text: string; agreement_start?: string; agreement_end?: string }[];
  more: boolean;
}

let t: TestApp;
let admin: Client;
before(async () => {
  t = await startTestApp();
  const person = await makeAdmin(t.db);
  admin = await new Client(t.app).logIn(person.username, PASSWORD);
});
after(() => t.close());

async function lookup(url: string): Promise<Answer> {
  const response = await admin.get(url);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Answer;
}
const texts = (answer: Answer) => answer.results.map((result) => result.text);
const ids = (answer: Answer) => answer.results.map((result) => result.id);

const NEW_LOOKUPS = [
  "memberships",
  "memberships_for_tasks",
  "member-roles",
  "membership-person-roles",
  "partnerships",
  "account-benefits-seats",
  "account-benefits-events",
  "benefits-seats",
  "benefits-events",
  "consortiums",
];

describe("access", () => {
  test("an anonymous visitor gets 401 and a plain user 403 from every lookup of this area", async () => {
    const plain = await makePerson(t.db);
    const member = await new Client(t.app).logIn(plain.username, PASSWORD);
    for (const path of NEW_LOOKUPS) {
      const url = `/select_lookups/${path}/`;
      assert.equal((await new Client(t.app).get(url)).statusCode, 401, url);
      assert.equal((await member.get(url)).statusCode, 403, url);
      const answer = await lookup(url);
      assert.ok(Array.isArray(answer.results), url);
      assert.equal(typeof answer.more, "boolean", url);
    }
  });
});

describe("memberships", () => {
  let alpha: { id: number };
  let beta: { id: number };
  let gamma: { id: number };
  before(async () => {
    alpha = await makeMembership(t.db, {
      name: "Alpha",
      variant: "bronze",
      agreementStart: "2023-08-15",
      agreementEnd: "2024-08-14",
    });
    beta = await makeMembership(t.db, {
      name: "Beta Unique",
      variant: "bronze",
      agreementStart: "2023-09-15",
      agreementEnd: "2024-09-14",
    });
    gamma = await makeMembership(t.db, {
      name: "Gamma",
      variant: "silver",
      agreementStart: "2023-10-15",
      agreementEnd: "2023-11-14",
      consortium: true,
    });
  });

  test("a date term finds the memberships active that day", async () => {
    assert.deepEqual(ids(await lookup("/select_lookups/memberships/?term=2023-08-30")), [alpha.id]);
    assert.deepEqual(ids(await lookup("/select_lookups/memberships/?term=2023-10-20")).sort(), [
      alpha.id,
      beta.id,
      gamma.id,
    ]);
  });

  test("the term matches the name or the variant, and reads as AMY's display string", async () => {
    assert.deepEqual(texts(await lookup("/select_lookups/memberships/?term=unique")), [
      "Beta Unique Bronze membership Sep 15, 2023 - Sep 14, 2024",
    ]);
    assert.deepEqual(ids(await lookup("/select_lookups/memberships/?term=BRONZE")), [alpha.id, beta.id]);
    assert.deepEqual(texts(await lookup("/select_lookups/memberships/?term=gamma")), [
      "Gamma Silver membership Oct 15 - Nov 14, 2023 (consortium)",
    ]);
  });

  test("no term gives every membership", async () => {
    const [stored] = await t.db.select({ n: count() }).from(membership);
    const answer = await lookup("/select_lookups/memberships/");
    assert.equal(answer.results.length, stored?.n);
    for (const id of [alpha.id, beta.id, gamma.id]) assert.ok(ids(answer).includes(id));
  });

  test("the term matches a member organisation's domain or full name, each membership once", async () => {
    const org = await makeOrganization(t.db, {
      domain: "zzmember.example.edu",
      fullname: "Zzmember University",
    });
    const other = await makeOrganization(t.db, { domain: "zzmember-lab.example.edu" });
    const joint = await makeMembership(t.db, { name: "Joint" });
    await makeMember(t.db, { membershipId: joint.id, organizationId: org.id });
    await makeMember(t.db, { membershipId: joint.id, organizationId: other.id, role: "contract_signatory" });
    assert.deepEqual(ids(await lookup("/select_lookups/memberships/?term=zzmember")), [joint.id]);
    assert.deepEqual(ids(await lookup("/select_lookups/memberships/?term=Zzmember%20Univ")), [joint.id]);
  });

  test("for tasks answers the same, ignoring person, role and event until training requests exist", async () => {
    const plain = await lookup("/select_lookups/memberships/?term=bronze");
    const forTasks = await lookup(
      "/select_lookups/memberships_for_tasks/?term=bronze&person=1&role=2&event=3",
    );
    assert.deepEqual(forTasks, plain);
  });

  test("come 25 to a page", async () => {
    for (let n = 0; n < 27; n++) await makeMembership(t.db, { name: `Zzpaged ${n}` });
    const first = await lookup("/select_lookups/memberships/?term=zzpaged");
    const second = await lookup("/select_lookups/memberships/?term=zzpaged&page=2");
    assert.equal(first.results.length, 25);
    assert.equal(first.more, true);
    assert.equal(second.results.length, 2);
    assert.equal(second.more, false);
  });
});

describe("roles", () => {
  test("member roles match name or verbose name and read by verbose name", async () => {
    assert.deepEqual(texts(await lookup("/select_lookups/member-roles/?term=signatory")), [
      "Contract Signatory",
    ]);
    assert.deepEqual(texts(await lookup("/select_lookups/member-roles/?term=workshop_coord")), [
      "Workshop Coordinator",
    ]);
    assert.equal((await lookup("/select_lookups/member-roles/")).results.length, 3);
  });

  test("membership person roles match name or verbose name", async () => {
    assert.deepEqual(texts(await lookup("/select_lookups/membership-person-roles/?term=billing")), [
      "Billing Contact",
    ]);
    assert.deepEqual(texts(await lookup("/select_lookups/membership-person-roles/?term=programmatic_")), [
      "Programmatic Contact",
    ]);
  });
});

describe("partnerships", () => {
  test("match the name, ordered by name then start, carry the agreement dates, and filter by account", async () => {
    const tier = await makeTier(t.db, { name: "gold" });
    const later = await makePartnership(t.db, {
      name: "Zzpartner",
      tierId: tier.id,
      agreementStart: "2025-01-01",
      agreementEnd: "2025-12-31",
    });
    const earlier = await makePartnership(t.db, {
      name: "Zzpartner",
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
    });
    const answer = await lookup("/select_lookups/partnerships/?term=ZZPART");
    assert.deepEqual(ids(answer), [earlier.id, later.id]);
    assert.deepEqual(answer.results[1], {
      id: later.id,
      text: "Zzpartner Gold partnership Jan 01 - Dec 31, 2025",
      agreement_start: "2025-01-01",
      agreement_end: "2025-12-31",
    });
    assert.equal(answer.results[0]?.text, "Zzpartner (No Tier) partnership Jan 01 - Dec 31, 2024");
    const ofAccount = await lookup(`/select_lookups/partnerships/?account=${later.accountId}`);
    assert.deepEqual(ids(ofAccount), [later.id]);
  });

  test("an account that is not a UUID is refused with 400", async () => {
    const response = await admin.get("/select_lookups/partnerships/?account=12");
    assert.equal(response.statusCode, 400);
  });
});

describe("account benefits", () => {
  let training: Awaited<ReturnType<typeof makeAccountBenefit>>;
  let other: Awaited<ReturnType<typeof makeAccountBenefit>>;
  let event: Awaited<ReturnType<typeof makeAccountBenefit>>;
  before(async () => {
    const person = await makePerson(t.db, {
      personal: "Zzindividual",
      family: "Buyer",
      email: "zzb@example.org",
    });
    const individual = await makeAccount(t.db, { personId: person.id });
    const partnershipRow = await makePartnership(t.db, {
      name: "Zzbenefits Partnership",
      agreementStart: "2026-01-01",
      agreementEnd: "2026-12-31",
    });
    const instructorTraining = await makeBenefit(t.db, { name: "Instructor Training zz" });
    // The seeded "Instructor Training" benefit is the one `benefit=TTT` stands for.
    const [seeded] = await t.db.select().from(benefit).where(eq(benefit.name, "Instructor Training"));
    assert.ok(seeded);
    training = await makeAccountBenefit(t.db, {
      accountId: individual.id,
      benefitId: seeded.id,
      startDate: "2000-01-01",
      endDate: "2099-12-31",
      allocation: 1,
    });
    other = await makeAccountBenefit(t.db, {
      accountId: partnershipRow.accountId,
      partnershipId: partnershipRow.id,
      benefitId: (await makeBenefit(t.db, { name: "Other Benefit" })).id,
      frozen: true,
    });
    await makeAccountBenefit(t.db, {
      accountId: individual.id,
      benefitId: instructorTraining.id,
      startDate: "2001-01-01",
      endDate: "2001-12-31",
    });
    event = await makeAccountBenefit(t.db, {
      accountId: partnershipRow.accountId,
      partnershipId: partnershipRow.id,
      benefitId: (await makeBenefit(t.db, { name: "Zzworkshop", unitType: "event", credits: 4 })).id,
    });
  });

  test("benefit=TTT keeps the Instructor Training ones; an unknown code filters nothing", async () => {
    const ttt = await lookup("/select_lookups/account-benefits-seats/?benefit=TTT");
    assert.deepEqual(ids(ttt), [training.id]);
    const unknown = await lookup("/select_lookups/account-benefits-seats/?benefit=UNKNOWN");
    assert.ok(ids(unknown).includes(training.id));
    assert.ok(ids(unknown).includes(other.id));
  });

  test("seats and events lookups keep their own unit type", async () => {
    const seats = ids(await lookup("/select_lookups/account-benefits-seats/"));
    const events = ids(await lookup("/select_lookups/account-benefits-events/"));
    assert.ok(seats.includes(training.id));
    assert.ok(!seats.includes(event.id));
    assert.deepEqual(events, [event.id]);
    assert.deepEqual(ids(await lookup("/select_lookups/account-benefits-events/?benefit=TTT")), []);
  });

  test("the term matches the partnership's name or the benefit's name or description, and reads as AMY's display", async () => {
    assert.deepEqual(texts(await lookup("/select_lookups/account-benefits-seats/?term=zzbenefits")), [
      '(FROZEN) Account Benefit "Other Benefit" (seat, 1 credits) for "Zzbenefits Partnership (No Tier) partnership Jan 01 - Dec 31, 2026" (allocation: 10, valid: Jan 01 - Dec 31, 2026)',
    ]);
    assert.deepEqual(
      texts(await lookup("/select_lookups/account-benefits-seats/?term=instructor%20training%20zz")),
      [
        '(EXPIRED) Account Benefit "Instructor Training zz" (seat, 1 credits) for "Zzindividual Buyer <zzb@example.org>" (allocation: 10, valid: Jan 01 - Dec 31, 2001)',
      ],
    );
    assert.equal(
      (await lookup("/select_lookups/account-benefits-seats/?term=for%20tests")).results.length,
      2,
      "the factory's benefit description",
    );
  });
});

describe("benefits and consortiums", () => {
  test("benefits by unit type, matching name or description, with their display string", async () => {
    await makeBenefit(t.db, { name: "Qqseat", credits: 2 });
    await makeBenefit(t.db, { name: "Qqevent", unitType: "event", credits: 5 });
    assert.deepEqual(texts(await lookup("/select_lookups/benefits-seats/?term=qq")), [
      'Benefit "Qqseat" (seat, 2 credits)',
    ]);
    assert.deepEqual(texts(await lookup("/select_lookups/benefits-events/?term=qq")), [
      'Benefit "Qqevent" (event, 5 credits)',
    ]);
    assert.ok(texts(await lookup("/select_lookups/benefits-events/?term=benefit%20for%20tests")).length > 0);
  });

  test("consortiums match name or description, by name", async () => {
    const b = await makeConsortium(t.db, { name: "Zzconsortium B" });
    const a = await makeConsortium(t.db, { name: "Zzconsortium A" });
    assert.deepEqual(ids(await lookup("/select_lookups/consortiums/?term=zzconsortium")), [a.id, b.id]);
    assert.ok(ids(await lookup("/select_lookups/consortiums/?term=group%20of%20organ")).includes(a.id));
    assert.deepEqual(texts(await lookup(`/select_lookups/consortiums/?term=zzconsortium%20a`)), [
      "Zzconsortium A",
    ]);
  });
});

describe("organisations", () => {
  test("carry the full name beside the display text", async () => {
    await makeOrganization(t.db, { domain: "zzfull.example.org", fullname: "Zzfull Institute" });
    const answer = (await admin.get("/select_lookups/organizations/?term=zzfull")).json();
    assert.deepEqual(answer.results[0], {
      id: answer.results[0].id,
      text: "Zzfull Institute <zzfull.example.org>",
      fullname: "Zzfull Institute",
    });
  });
});
