import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { asc, count, countDistinct, eq, like, sql } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { communityRole } from "../../src/community-roles/schema.ts";
import type { Database } from "../../src/db/client.ts";
import { LargeSeedRefused, seedLarge } from "../../src/demo/large.ts";
import { event, eventTag, task } from "../../src/events/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { award } from "../../src/people/schema.ts";
import { badge } from "../../src/reference/schema.ts";
import { testDatabase } from "../helpers/database.ts";

const TINY = { persons: 200, organizations: 20, events: 50, tasks: 500 };

async function rowCount(database: Database, table: typeof event | typeof task | typeof communityRole) {
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
