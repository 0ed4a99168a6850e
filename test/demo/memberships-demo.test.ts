import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { runSeeders } from "../../src/db/seed.ts";
import { event, task } from "../../src/events/schema.ts";
import { membershipUsage } from "../../src/memberships/queries.ts";
import {
  account,
  accountBenefit,
  accountOwner,
  benefit,
  consortium,
  eventCategory,
  member,
  membership,
  membershipTask,
  partnership,
  partnershipTier,
} from "../../src/memberships/schema.ts";
import { demoSeeders } from "../../src/modules.ts";
import { organization } from "../../src/organizations/schema.ts";
import { testDatabase } from "../helpers/database.ts";

// The memberships part of `amy seed-demo`, loaded after the people and workshops demos.

let database: Awaited<ReturnType<typeof testDatabase>>;
before(async () => {
  database = await testDatabase();
  await runSeeders(database.db, demoSeeders);
});
after(() => database.close());

const total = async (table: PgTable) => (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

test("loading the demo twice adds its memberships and offering only once", async () => {
  const tables = [
    membership,
    member,
    membershipTask,
    partnership,
    accountBenefit,
    partnershipTier,
    eventCategory,
  ];
  const before = await Promise.all(tables.map(total));
  await runSeeders(database.db, demoSeeders);
  assert.deepEqual(await Promise.all(tables.map(total)), before);
  assert.equal(before[0], 5);
});

test("has a consortium membership with two members and a membership rolled over to its successor", async () => {
  const db = database.db;
  const [southern] = await db.select().from(membership).where(eq(membership.consortium, true));
  assert.ok(southern);
  const members = await db.select().from(member).where(eq(member.membershipId, southern.id));
  assert.equal(members.length, 2);
  const [rolled] = await db.select().from(membership).where(isNotNull(membership.rolledToMembershipId));
  const [successor] = await db
    .select()
    .from(membership)
    .where(eq(membership.id, rolled?.rolledToMembershipId ?? 0));
  assert.equal(successor?.name, rolled?.name);
  assert.equal(
    successor?.publicInstructorTrainingSeatsRolledFromPrevious,
    rolled?.publicInstructorTrainingSeatsRolledOver,
  );
  assert.ok((successor?.agreementStart ?? "") > (rolled?.agreementEnd ?? ""));
});

test("memberships have contacts, workshops and training seats that count in their figures", async () => {
  const db = database.db;
  assert.ok((await total(membershipTask)) >= 6);
  const ids = (await db.select({ id: membership.id }).from(membership)).map((row) => row.id);
  const usage = await membershipUsage(db, ids, new Date().toISOString().slice(0, 10));
  const seats = [...usage.values()].reduce(
    (sum, row) => sum + row.publicSeatsUtilized + row.inhouseSeatsUtilized,
    0,
  );
  const workshops = [...usage.values()].reduce(
    (sum, row) =>
      sum + row.centralCompleted + row.centralPlanned + row.selfOrganizedCompleted + row.selfOrganizedPlanned,
    0,
  );
  assert.ok(seats >= 3, `seats used: ${seats}`);
  assert.ok(workshops >= 3, `workshops counted: ${workshops}`);
});

test("has the four tiers, the benefits, a consortium and partnerships with accounts and owners", async () => {
  const db = database.db;
  const tiers = await db.select().from(partnershipTier).orderBy(partnershipTier.credits);
  assert.deepEqual(
    tiers.map((row) => [row.name, row.credits]),
    [
      ["bronze", 16],
      ["silver", 32],
      ["gold", 64],
      ["platinum", 128],
    ],
  );
  const names = (await db.select({ name: benefit.name }).from(benefit)).map((row) => row.name);
  for (const name of [
    "Instructor Training",
    "Instructor Trainer Training",
    "Collaborative Lesson Development Training",
    "Skillup",
  ])
    assert.ok(names.includes(name), name);
  assert.equal(await total(consortium), 1);
  const partners = await db.selectDistinct({ accountId: partnership.accountId }).from(partnership);
  assert.equal(partners.length, 2);
  const owners = await db.select({ n: count() }).from(accountOwner);
  assert.ok((owners[0]?.n ?? 0) >= 4);
  assert.equal(await total(eventCategory), 4);
});

test("every organisation has its account, and the account benefits include a frozen one and a registration code", async () => {
  const db = database.db;
  const [withoutAccount] = await db
    .select({ n: count() })
    .from(organization)
    .where(sql`not exists (select 1 from ${account} where ${account.organizationId} = ${organization.id})`);
  assert.equal(withoutAccount?.n, 0);
  const [frozen] = await db
    .select({ n: count() })
    .from(accountBenefit)
    .where(eq(accountBenefit.frozen, true));
  assert.equal(frozen?.n, 1);
  const [coded] = await db
    .select({ n: count() })
    .from(accountBenefit)
    .where(isNotNull(accountBenefit.registrationCode));
  assert.ok((coded?.n ?? 0) >= 1);
  const [individual] = await db
    .select({ n: count() })
    .from(account)
    .where(eq(account.accountType, "individual"));
  assert.equal(individual?.n, 1);
});

test("some training learners and a workshop use account benefits, never together with a membership", async () => {
  const db = database.db;
  const [allocatedTasks] = await db
    .select({ n: count() })
    .from(task)
    .where(isNotNull(task.allocatedBenefitId));
  assert.ok((allocatedTasks?.n ?? 0) >= 1);
  const [allocatedEvents] = await db
    .select({ n: count() })
    .from(event)
    .where(isNotNull(event.allocatedBenefitId));
  assert.equal(allocatedEvents?.n, 1);
  const [both] = await db
    .select({ n: count() })
    .from(task)
    .where(and(isNotNull(task.allocatedBenefitId), isNotNull(task.seatMembershipId)));
  assert.equal(both?.n, 0);
  const [bothEvents] = await db
    .select({ n: count() })
    .from(event)
    .where(and(isNotNull(event.allocatedBenefitId), isNotNull(event.membershipId)));
  assert.equal(bothEvents?.n, 0);
});
