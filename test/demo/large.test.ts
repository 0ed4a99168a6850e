import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { and, asc, count, countDistinct, eq, isNotNull, like, sql } from "drizzle-orm";
import { alias, type PgTable } from "drizzle-orm/pg-core";
import { person } from "../../src/accounts/schema.ts";
import { communityRole } from "../../src/community-roles/schema.ts";
import type { Database } from "../../src/db/client.ts";
import { LargeSeedRefused, seedLarge } from "../../src/demo/large.ts";
import { event, eventTag, task } from "../../src/events/schema.ts";
import {
  account,
  accountBenefit,
  member,
  membership,
  membershipTask,
  partnership,
  partnershipTier,
} from "../../src/memberships/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { award } from "../../src/people/schema.ts";
import { badge } from "../../src/reference/schema.ts";
import { testDatabase } from "../helpers/database.ts";

const TINY = {
  persons: 200,
  organizations: 20,
  events: 100,
  tasks: 1000,
  memberships: 30,
  partnerships: 10,
  accountBenefits: 40,
};

async function rowCount(database: Database, table: PgTable) {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function firstPersons(database: Database) {
  return database.db
    .select({
      username: person.username,
      personal: person.personal,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(like(person.username, "bench_%"))
    .orderBy(asc(person.username))
    .limit(10);
}

describe("seed-demo --scale large, at a tiny scale", () => {
  let first: Database;
  let second: Database;
  before(async () => {
    first = await testDatabase();
    second = await testDatabase();
    await seedLarge(first.db, TINY, { seed: 7 });
    await seedLarge(second.db, TINY, { seed: 7 });
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  test("inserts the asked-for numbers of persons, organisations, events and tasks", async () => {
    const [persons] = await first.db
      .select({ n: count() })
      .from(person)
      .where(like(person.username, "bench_%"));
    const [organizations] = await first.db
      .select({ n: count() })
      .from(organization)
      .where(like(organization.domain, "bench-org-%"));
    assert.equal(persons?.n, TINY.persons);
    assert.equal(organizations?.n, TINY.organizations);
    assert.equal(await rowCount(first, event), TINY.events);
    assert.equal(await rowCount(first, task), TINY.tasks);
  });

  test("every event has a tag, and each instructor award has its community role", async () => {
    const [tagged] = await first.db.select({ n: countDistinct(eventTag.eventId) }).from(eventTag);
    assert.equal(tagged?.n, TINY.events);
    const [awards] = await first.db
      .select({ n: count() })
      .from(award)
      .innerJoin(badge, eq(badge.id, award.badgeId))
      .where(eq(badge.name, "instructor"));
    assert.ok((awards?.n ?? 0) > 0, "some persons hold the instructor badge");
    assert.equal(await rowCount(first, communityRole), awards?.n);
  });

  test("the same seed gives the same persons, so benchmark runs compare like with like", async () => {
    assert.deepEqual(await firstPersons(first), await firstPersons(second));
    const [one] = await firstPersons(first);
    assert.equal(one?.username, "bench_000001");
  });

  test("usernames, emails and event slugs are unique, and nobody has two tasks of one role at an event", async () => {
    const [people] = await first.db
      .select({
        usernames: countDistinct(person.username),
        emails: countDistinct(person.email),
        withEmail: count(person.email),
      })
      .from(person);
    assert.equal(people?.usernames, TINY.persons);
    assert.equal(people?.emails, people?.withEmail);
    const [slugs] = await first.db.select({ n: countDistinct(event.slug) }).from(event);
    assert.equal(slugs?.n, TINY.events);
    const [triples] = await first.db
      .select({ n: countDistinct(sql`(${task.eventId}, ${task.personId}, ${task.roleId})`) })
      .from(task);
    assert.equal(triples?.n, TINY.tasks);
  });

  test("inserts the asked-for memberships, partnerships and account benefits, with members and contacts", async () => {
    assert.equal(await rowCount(first, membership), TINY.memberships);
    assert.equal(await rowCount(first, partnership), TINY.partnerships);
    assert.equal(await rowCount(first, accountBenefit), TINY.accountBenefits);
    const [withoutMember] = await first.db
      .select({ n: count() })
      .from(membership)
      .where(sql`not exists (select 1 from ${member} where ${member.membershipId} = ${membership.id})`);
    assert.equal(withoutMember?.n, 0);
    assert.ok((await rowCount(first, membershipTask)) >= TINY.memberships);
    assert.equal(await rowCount(first, partnershipTier), 4);
  });

  test("a rolled-over membership gave its successor what it rolled over, and rolled partnerships' benefits are frozen", async () => {
    const successor = alias(membership, "successor");
    const pairs = await first.db
      .select({
        over: membership.publicInstructorTrainingSeatsRolledOver,
        from: successor.publicInstructorTrainingSeatsRolledFromPrevious,
        end: membership.agreementEnd,
        start: successor.agreementStart,
      })
      .from(membership)
      .innerJoin(successor, eq(successor.id, membership.rolledToMembershipId));
    assert.ok(pairs.length > 0, "some memberships were rolled over");
    for (const pair of pairs) {
      assert.equal(pair.from, pair.over);
      assert.ok(pair.start > pair.end);
    }
    const frozen = await first.db
      .select({ rolledTo: partnership.rolledToPartnershipId })
      .from(accountBenefit)
      .innerJoin(partnership, eq(partnership.id, accountBenefit.partnershipId))
      .where(eq(accountBenefit.frozen, true));
    assert.ok(frozen.every((row) => row.rolledTo !== null));
  });

  test("every organisation has its account and every partnership uses its partner's", async () => {
    const [withoutAccount] = await first.db
      .select({ n: count() })
      .from(organization)
      .where(
        and(
          like(organization.domain, "bench-org-%"),
          sql`not exists (select 1 from ${account} where ${account.organizationId} = ${organization.id})`,
        ),
      );
    assert.equal(withoutAccount?.n, 0);
    const [mismatched] = await first.db
      .select({ n: count() })
      .from(partnership)
      .innerJoin(account, eq(account.id, partnership.accountId))
      .where(
        sql`${account.organizationId} is distinct from ${partnership.partnerOrganisationId}
          or ${account.consortiumId} is distinct from ${partnership.partnerConsortiumId}`,
      );
    assert.equal(mismatched?.n, 0);
  });

  test("events and training learners use memberships or benefits, never both", async () => {
    const [events] = await first.db.select({ n: count() }).from(event).where(isNotNull(event.membershipId));
    assert.ok(
      (events?.n ?? 0) > 0 && (events?.n ?? 0) < TINY.events / 2,
      `events with a membership: ${events?.n}`,
    );
    const [seats] = await first.db.select({ n: count() }).from(task).where(isNotNull(task.seatMembershipId));
    assert.ok((seats?.n ?? 0) > 0, "some learners hold a membership's seat");
    const [both] = await first.db
      .select({ n: count() })
      .from(task)
      .where(and(isNotNull(task.seatMembershipId), isNotNull(task.allocatedBenefitId)));
    assert.equal(both?.n, 0);
  });

  test("the same seed gives the same memberships and the same account ids", async () => {
    const snapshot = async (database: Database) => ({
      memberships: await database.db
        .select({
          name: membership.name,
          start: membership.agreementStart,
          code: membership.registrationCode,
        })
        .from(membership)
        .orderBy(asc(membership.id)),
      accounts: (await database.db.select({ id: account.id }).from(account).orderBy(asc(account.id))).map(
        (row) => row.id,
      ),
    });
    assert.deepEqual(await snapshot(first), await snapshot(second));
  });

  test("a database that already holds hundreds of persons is refused, so the data is never doubled", async () => {
    const extra = Array.from({ length: 301 }, (_, index) => ({
      username: `extra_${index}`,
      personal: "Extra",
    }));
    await second.db.insert(person).values(extra);
    await assert.rejects(seedLarge(second.db, TINY), LargeSeedRefused);
    const [persons] = await second.db.select({ n: count() }).from(person);
    assert.equal(persons?.n, TINY.persons + 301);
  });
});

describe("the seed-demo command", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "amy-large-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test("an unknown scale is refused with the one that exists", async () => {
    const bin = new URL("../../bin/amy.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "seed-demo", "--scale", "huge"], {
      env: { ...process.env, AMY_DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    assert.equal(code, 2);
    assert.match(stderr, /Unknown scale "huge": the only scale is "large"/);
  });
});
