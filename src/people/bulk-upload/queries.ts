import { and, eq, inArray, like, or, type SQL } from "drizzle-orm";
import { person } from "../../accounts/schema.ts";
import type { Executor } from "../../db/client.ts";
import { event, task } from "../../events/schema.ts";
import { role } from "../../reference/schema.ts";
import { type BulkRow, type KnownPerson, type Lookups, taskKey, usernameStemOf } from "./rules.ts";

const knownPersonColumns = {
  id: person.id,
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
  username: person.username,
  airportIata: person.airportIata,
};

export async function listRoles(db: Executor) {
  return db.select({ name: role.name, verboseName: role.verboseName }).from(role).orderBy(role.name);
}

/** Everything `verifyRows` needs to know about the database, in a handful of queries. */
export async function loadLookups(db: Executor, rows: readonly BulkRow[]): Promise<Lookups> {
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const slugs = distinct(rows.map((row) => row.event).filter(Boolean));
  const emails = distinct(rows.map((row) => row.email).filter(Boolean));
  const ids = distinct(rows.map((row) => row.existingPersonId).filter((id) => id > 0));
  const [events, roles, byId, byEmail, taken, similar] = await Promise.all([
    slugs.length ? db.select({ slug: event.slug }).from(event).where(inArray(event.slug, slugs)) : [],
    db.select({ name: role.name }).from(role),
    ids.length ? db.select(knownPersonColumns).from(person).where(inArray(person.id, ids)) : [],
    emails.length ? db.select(knownPersonColumns).from(person).where(inArray(person.email, emails)) : [],
    takenUsernames(db, rows),
    similarCandidates(db, rows),
  ]);
  const matchedIds = distinct([...byId, ...byEmail].map((row) => row.id));
  return {
    eventSlugs: new Set(events.map((row) => row.slug)),
    roleNames: new Set(roles.map((row) => row.name)),
    personsById: new Map(byId.map((row) => [row.id, row])),
    personsByEmail: new Map(byEmail.map((row) => [row.email ?? "", row])),
    takenUsernames: taken,
    similarCandidates: similar,
    existingTasks: await existingTasks(db, slugs, matchedIds),
  };
}

/** The usernames rows name, and those taken among the candidates a new person of each row could get. */
async function takenUsernames(db: Executor, rows: readonly BulkRow[]): Promise<Set<string>> {
  const named = rows.map((row) => row.username).filter(Boolean);
  const stems = [...new Set(rows.map(usernameStemOf))];
  const conditions: SQL[] = [];
  if (named.length) conditions.push(inArray(person.username, named));
  for (const stem of stems) {
    const escaped = stem.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(eq(person.username, stem), like(person.username, `${escaped}\\_%`));
  }
  if (conditions.length === 0) return new Set();
  const found = await db
    .select({ username: person.username })
    .from(person)
    .where(or(...conditions));
  return new Set(found.map((row) => row.username));
}

async function similarCandidates(db: Executor, rows: readonly BulkRow[]): Promise<KnownPerson[]> {
  const conditions: SQL[] = [];
  const emails = [...new Set(rows.map((row) => row.email).filter(Boolean))];
  if (emails.length) conditions.push(inArray(person.email, emails));
  const pairs = new Map(rows.map((row) => [JSON.stringify([row.personal, row.family]), row]));
  for (const row of pairs.values()) {
    const condition = and(eq(person.personal, row.personal), eq(person.family, row.family));
    if (condition) conditions.push(condition);
  }
  if (conditions.length === 0) return [];
  return db
    .select(knownPersonColumns)
    .from(person)
    .where(or(...conditions))
    .orderBy(person.family, person.personal, person.id);
}

async function existingTasks(db: Executor, slugs: string[], personIds: number[]): Promise<Set<string>> {
  if (slugs.length === 0 || personIds.length === 0) return new Set();
  const found = await db
    .select({ slug: event.slug, personId: task.personId, role: role.name })
    .from(task)
    .innerJoin(event, eq(event.id, task.eventId))
    .innerJoin(role, eq(role.id, task.roleId))
    .where(and(inArray(event.slug, slugs), inArray(task.personId, personIds)));
  return new Set(found.map((row) => taskKey(row.slug, row.personId, row.role)));
}
