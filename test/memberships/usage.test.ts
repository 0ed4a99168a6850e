import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { asc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { membershipFigures } from "../../src/memberships/accounting.ts";
import {
  countMemberships,
  listMemberships,
  parseMembershipListFilters,
} from "../../src/memberships/list-queries.ts";
import {
  accountBenefitDisplays,
  accountEntityDisplays,
  allocationUsed,
  allocationUsedSql,
  creditsUsed,
  creditsUsedSql,
  findMembership,
  findPartnership,
  joinedSeatFigures,
  type MembershipSeatFigures,
  membershipUsage,
  perRowSeatFigures,
  seatsTotalSql,
} from "../../src/memberships/queries.ts";
import { accountBenefit, member, membership, partnership } from "../../src/memberships/schema.ts";
import { testDatabase } from "../helpers/database.ts";
import { makeEvent, makeOrganization, makePerson, makeTask } from "../helpers/factories.ts";
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

const TODAY = "2030-06-15";

let database: Database;
const db = () => database.db;

before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

/** A learner (or other role) task at a new event, holding a seat of the membership. */
async function seat(membershipId: number | null, options: { seatPublic?: boolean; role?: string } = {}) {
  const person = await makePerson(db());
  const event = await makeEvent(db(), { tags: ["TTT"] });
  return makeTask(db(), {
    personId: person.id,
    eventId: event.id,
    role: options.role ?? "learner",
    seatMembershipId: membershipId,
    seatPublic: options.seatPublic ?? true,
  });
}

describe("membership usage", () => {
  let used: Awaited<ReturnType<typeof makeMembership>>;
  let unused: Awaited<ReturnType<typeof makeMembership>>;

  before(async () => {
    used = await makeMembership(db(), {
      publicInstructorTrainingSeats: 1,
      additionalPublicInstructorTrainingSeats: 1,
      publicInstructorTrainingSeatsRolledFromPrevious: 1,
      inhouseInstructorTrainingSeats: 2,
      inhouseInstructorTrainingSeatsRolledOver: 1,
      workshopsWithoutAdminFeePerAgreement: 2,
    });
    unused = await makeMembership(db());
    const other = await makeMembership(db());

    await seat(used.id);
    await seat(used.id);
    await seat(used.id, { seatPublic: false });
    await seat(used.id, { role: "instructor" }); // not a learner: no seat
    await seat(other.id);

    const m = used.id;
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "datacarpentry.org",
      start: "2030-06-01",
      tags: ["TTT"],
    });
    await makeEvent(db(), { membershipId: m, administratorDomain: "carpentries.org", start: TODAY });
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "carpentries.org/community-lessons/",
      start: "2030-07-01",
    });
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "software-carpentry.org",
      start: "2030-06-01",
      tags: ["cancelled"],
    });
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "librarycarpentry.org",
      start: "2030-07-01",
      tags: ["stalled"],
    });
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "software-carpentry.org",
      start: null,
      end: null,
    });
    await makeEvent(db(), { membershipId: m, start: "2030-01-01" });
    await makeEvent(db(), { membershipId: m, administratorDomain: "self-organized", start: "2030-08-01" });
    await makeEvent(db(), {
      membershipId: m,
      administratorDomain: "self-organized",
      start: "2030-01-01",
      tags: ["cancelled"],
    });
    const elsewhere = await makeOrganization(db());
    await makeEvent(db(), { membershipId: m, administratorDomain: elsewhere.domain, start: "2030-01-01" });
    await makeEvent(db(), {
      membershipId: other.id,
      administratorDomain: "datacarpentry.org",
      start: "2030-01-01",
    });
  });

  test("counts learner seats by kind, and workshops by administrator and start date", async () => {
    const usage = await membershipUsage(db(), [used.id], TODAY);
    assert.deepEqual(usage.get(used.id), {
      publicSeatsUtilized: 2,
      inhouseSeatsUtilized: 1,
      centralCompleted: 1,
      centralPlanned: 2,
      selfOrganizedCompleted: 1,
      selfOrganizedPlanned: 1,
    });
  });

  test("gives zeros for a membership nothing uses, and an empty map for no ids", async () => {
    const usage = await membershipUsage(db(), [used.id, unused.id], TODAY);
    assert.equal(usage.size, 2);
    assert.deepEqual(Object.values(usage.get(unused.id) ?? {}), [0, 0, 0, 0, 0, 0]);
    assert.equal((await membershipUsage(db(), [], TODAY)).size, 0);
  });

  test("moves a workshop from planned to completed once its start date has passed", async () => {
    const usage = await membershipUsage(db(), [used.id], "2030-06-16");
    assert.equal(usage.get(used.id)?.centralCompleted, 2);
    assert.equal(usage.get(used.id)?.centralPlanned, 1);
  });

  test("computes the same seat figures in SQL as the accounting does, joined or per row, whatever the joins", async () => {
    await makeMember(db(), { membershipId: used.id });
    await makeMember(db(), { membershipId: used.id });
    const usage = (await membershipUsage(db(), [used.id], TODAY)).get(used.id);
    assert.ok(usage);
    const figures = membershipFigures(used, usage);
    const joined = joinedSeatFigures();
    const perRow = perRowSeatFigures();
    const select = (seats: MembershipSeatFigures) =>
      db()
        .select({ total: seatsTotalSql(), utilized: seats.utilized, remaining: seats.remaining })
        .from(membership)
        .innerJoin(member, eq(member.membershipId, membership.id))
        .$dynamic();
    for (const rows of [
      await select(joined).leftJoin(joined.seatUse, joined.on).where(eq(membership.id, used.id)),
      await select(perRow).where(eq(membership.id, used.id)),
    ]) {
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.deepEqual(row, { total: 5, utilized: 3, remaining: 1 });
        assert.deepEqual(row, {
          total: figures.seatsTotal,
          utilized: figures.seatsUtilized,
          remaining: figures.seatsRemaining,
        });
      }
    }
  });

  test("filters and orders memberships by remaining seats in SQL, joined or per row", async () => {
    const over = await makeMembership(db());
    await seat(over.id);
    const ids = [used.id, unused.id, over.id];
    const joined = joinedSeatFigures();
    const perRow = perRowSeatFigures();
    const query = (seats: MembershipSeatFigures) => {
      const select = db().select({ id: membership.id }).from(membership).$dynamic();
      return seats === joined ? select.leftJoin(joined.seatUse, joined.on) : select;
    };
    for (const seats of [joined, perRow]) {
      const negative = await query(seats)
        .where(lt(seats.remaining, 0))
        .then((rows) => rows.map((row) => row.id).filter((id) => ids.includes(id)));
      assert.deepEqual(negative, [over.id]);
      const ordered = await query(seats)
        .where(inArray(membership.id, ids))
        .orderBy(asc(seats.remaining), asc(membership.id));
      assert.deepEqual(
        ordered.map((row) => row.id),
        [over.id, unused.id, used.id],
      );
    }
  });

  test("the memberships list counts learner seats alone and deducts rolled-over seats, to filter, order and show", async () => {
    const organization = await makeOrganization(db(), { fullname: "Seat Ranking Organisation" });
    const ranked = async (values: Parameters<typeof makeMembership>[1]) => {
      const row = await makeMembership(db(), values);
      await makeMember(db(), { membershipId: row.id, organizationId: organization.id });
      return row;
    };
    // Remaining 2 − 1 learner − 1 rolled over = 0; −1 if the instructor's seat counted, 1 if the
    // rolled-over seat did not.
    const even = await ranked({
      publicInstructorTrainingSeats: 2,
      publicInstructorTrainingSeatsRolledOver: 1,
    });
    await seat(even.id);
    await seat(even.id, { role: "instructor" });
    // Remaining 3 + 1 rolled in − 2 learners − 1 rolled over = 1, whatever the instructor's seat.
    const spare = await ranked({
      inhouseInstructorTrainingSeats: 3,
      inhouseInstructorTrainingSeatsRolledFromPrevious: 1,
      inhouseInstructorTrainingSeatsRolledOver: 1,
    });
    await seat(spare.id, { seatPublic: false });
    await seat(spare.id, { seatPublic: false });
    await seat(spare.id, { role: "instructor", seatPublic: false });
    // Remaining 1 − 2 learners = −1.
    const short = await ranked({ publicInstructorTrainingSeats: 1 });
    await seat(short.id);
    await seat(short.id);
    // No seat at all: 0 remaining, ordered by id after `even`.
    const none = await ranked({});
    await seat(none.id, { role: "helper" });

    const list = async (query: Record<string, string>) => {
      const { filters, errors } = parseMembershipListFilters({
        organization_name: "seat ranking",
        ...query,
      });
      assert.deepEqual(errors, {});
      const rows = await listMemberships(db(), filters, TODAY, { limit: 100, offset: 0 });
      assert.equal(await countMemberships(db(), filters, TODAY), rows.length);
      return rows.map((row) => [row.id, row.seatsRemaining]);
    };
    const expected = new Map([
      [even.id, 0],
      [spare.id, 1],
      [short.id, -1],
      [none.id, 0],
    ]);
    // Ordered by id or date: counted per row; by remaining seats or filtered by them: joined.
    assert.deepEqual(await list({}), [...expected]);
    assert.deepEqual(await list({ order_by: "-agreement_start" }), [...expected]);
    const ascending = [short.id, even.id, none.id, spare.id].map((id) => [id, expected.get(id)]);
    assert.deepEqual(await list({ order_by: "instructor_training_seats_remaining" }), ascending);
    assert.deepEqual(
      await list({ order_by: "-instructor_training_seats_remaining" }),
      [spare.id, even.id, none.id, short.id].map((id) => [id, expected.get(id)]),
    );
    assert.deepEqual(await list({ negative_remaining_seats_only: "on" }), [[short.id, -1]]);
    assert.deepEqual(await list({ negative_remaining_seats_only: "on", order_by: "agreement_end" }), [
      [short.id, -1],
    ]);
    // Every membership used is ranked the same as the accounting figures them.
    const usage = await membershipUsage(db(), [...expected.keys()], TODAY);
    for (const row of [even, spare, short, none]) {
      const used = usage.get(row.id);
      assert.ok(used);
      assert.equal(membershipFigures(row, used).seatsRemaining, expected.get(row.id));
    }
  });
});

describe("partnership credits and account-benefit allocation", () => {
  test("sums benefit credits times allocation per partnership, zero when none", async () => {
    const withBenefits = await makePartnership(db());
    const without = await makePartnership(db());
    const two = await makeBenefit(db(), { credits: 2 });
    const five = await makeBenefit(db(), { credits: 5 });
    await makeAccountBenefit(db(), {
      accountId: withBenefits.accountId,
      partnershipId: withBenefits.id,
      benefitId: two.id,
      allocation: 3,
    });
    await makeAccountBenefit(db(), {
      accountId: withBenefits.accountId,
      partnershipId: withBenefits.id,
      benefitId: five.id,
      allocation: 2,
    });
    await makeAccountBenefit(db(), { accountId: withBenefits.accountId, benefitId: five.id, allocation: 7 }); // no partnership
    const used = await creditsUsed(db(), [withBenefits.id, without.id]);
    assert.deepEqual(
      [...used],
      [
        [withBenefits.id, 16],
        [without.id, 0],
      ],
    );
    const rows = await db()
      .select({ id: partnership.id, used: creditsUsedSql() })
      .from(partnership)
      .where(inArray(partnership.id, [withBenefits.id, without.id]))
      .orderBy(partnership.id);
    assert.deepEqual(rows, [
      { id: withBenefits.id, used: 16 },
      { id: without.id, used: 0 },
    ]);
    assert.equal((await creditsUsed(db(), [])).size, 0);
  });

  test("counts tasks for seat benefits and events for event benefits", async () => {
    const organization = await makeOrganization(db());
    const acc = await makeAccount(db(), { organizationId: organization.id });
    const seatBenefit = await makeBenefit(db(), { unitType: "seat" });
    const eventBenefit = await makeBenefit(db(), { unitType: "event" });
    const seats = await makeAccountBenefit(db(), { accountId: acc.id, benefitId: seatBenefit.id });
    const events = await makeAccountBenefit(db(), { accountId: acc.id, benefitId: eventBenefit.id });
    const idle = await makeAccountBenefit(db(), { accountId: acc.id, benefitId: seatBenefit.id });
    for (let i = 0; i < 2; i++) {
      const person = await makePerson(db());
      const event = await makeEvent(db(), { allocatedBenefitId: seats.id });
      await makeTask(db(), {
        personId: person.id,
        eventId: event.id,
        role: "learner",
        allocatedBenefitId: seats.id,
      });
    }
    const event = await makeEvent(db(), { allocatedBenefitId: events.id });
    const person = await makePerson(db());
    await makeTask(db(), { personId: person.id, eventId: event.id, allocatedBenefitId: events.id });
    await makeTask(db(), {
      personId: person.id,
      eventId: event.id,
      role: "learner",
      allocatedBenefitId: events.id,
    });

    const used = await allocationUsed(db(), [seats.id, events.id, idle.id]);
    assert.equal(used.get(seats.id), 2);
    assert.equal(used.get(events.id), 1);
    assert.equal(used.get(idle.id), 0);
    const [row] = await db()
      .select({ used: allocationUsedSql() })
      .from(accountBenefit)
      .where(eq(accountBenefit.id, seats.id));
    assert.equal(row?.used, 2);
  });
});

describe("lookups and displays", () => {
  test("finds a membership by id, and nothing for an unknown id", async () => {
    const row = await makeMembership(db(), { name: "Findable" });
    assert.equal((await findMembership(db(), row.id))?.name, "Findable");
    assert.equal(await findMembership(db(), 987654), undefined);
  });

  test("finds a partnership with its tier's name, or null without a tier", async () => {
    const tier = await makeTier(db(), { name: "silver", credits: 32 });
    const tiered = await makePartnership(db(), { tierId: tier.id });
    const untiered = await makePartnership(db());
    const found = await findPartnership(db(), tiered.id);
    assert.equal(found?.tierName, "silver");
    assert.equal(found?.tierCredits, 32);
    assert.equal(found?.registrationCode, tiered.registrationCode);
    assert.equal((await findPartnership(db(), untiered.id))?.tierName, null);
    assert.equal(await findPartnership(db(), 987654), undefined);
  });

  test("names each account's person, organisation or consortium", async () => {
    const person = await makePerson(db(), { personal: "Ada", family: "Lovelace", email: "ada@example.org" });
    const organization = await makeOrganization(db(), {
      fullname: "Alpha",
      domain: `alpha-${process.pid}.edu`,
    });
    const group = await makeConsortium(db(), { name: "The Group" });
    const individual = await makeAccount(db(), { personId: person.id });
    const org = await makeAccount(db(), { organizationId: organization.id });
    const cons = await makeAccount(db(), { consortiumId: group.id });
    const displays = await accountEntityDisplays(db(), [individual.id, org.id, cons.id]);
    assert.equal(displays.get(individual.id), "Ada Lovelace <ada@example.org>");
    assert.equal(displays.get(org.id), `Alpha <alpha-${process.pid}.edu>`);
    assert.equal(displays.get(cons.id), "The Group");
  });

  test("names an account benefit after its partnership, or else its account's entity", async () => {
    const tier = await makeTier(db(), { name: "gold", credits: 64 });
    const organization = await makeOrganization(db(), {
      fullname: "Beta",
      domain: `beta-${process.pid}.edu`,
    });
    const p = await makePartnership(db(), {
      name: "Test Partnership",
      tierId: tier.id,
      partnerOrganisationId: organization.id,
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
    });
    const benefit = await makeBenefit(db(), { name: "Benefit1", credits: 10 });
    const linked = await makeAccountBenefit(db(), {
      accountId: p.accountId,
      partnershipId: p.id,
      benefitId: benefit.id,
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      frozen: true,
    });
    const loose = await makeAccountBenefit(db(), {
      accountId: p.accountId,
      benefitId: benefit.id,
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      allocation: 3,
    });
    const displays = await accountBenefitDisplays(db(), [linked.id, loose.id], "2024-06-01");
    assert.equal(
      displays.get(linked.id),
      '(FROZEN) Account Benefit "Benefit1" (seat, 10 credits) for "Test Partnership Gold partnership Jan 01 - Dec 31, 2024" (allocation: 10, valid: Jan 01 - Dec 31, 2024)',
    );
    assert.equal(
      displays.get(loose.id),
      `Account Benefit "Benefit1" (seat, 10 credits) for "Beta <beta-${process.pid}.edu>" (allocation: 3, valid: Jan 01 - Dec 31, 2024)`,
    );
  });
});
