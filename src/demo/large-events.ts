import { event, eventTag, task } from "../events/schema.ts";
import { dayAfterEpoch, insertInBatches, type Loader, padded } from "./batches.ts";
import type { OrganizationRef } from "./large-people.ts";

export interface EventReferenceIds {
  tags: (name: string) => number;
  roles: (name: string) => number;
  languages: number[];
  administrators: number[];
  trainingAdministrator: number;
  /** Admins events are assigned to; a few events are left unassigned. */
  assignees: number[];
}

const DAYS_TO_2026_06 = 5270;
const VENUES = [
  "Main library",
  "Computer lab 2",
  "Science building",
  "Online",
  "Conference centre",
  "Room 101",
];

interface EventDraft {
  slug: string;
  training: boolean;
}

function eventRow(loader: Loader, index: number, hosts: readonly OrganizationRef[], ref: EventReferenceIds) {
  const { random } = loader;
  const host = random.pick(hosts);
  const training = random.chance(0.05);
  const startDay = random.int(0, 5800);
  const start = dayAfterEpoch(startDay);
  const slug = `${start}-bench-${padded(index + 1, 5)}${training ? "-ttt" : ""}`;
  return {
    slug,
    start,
    end: dayAfterEpoch(startDay + random.int(0, 2)),
    completed: startDay < DAYS_TO_2026_06 && random.chance(0.85),
    hostId: host.id,
    sponsorId: random.chance(0.5) ? host.id : null,
    administratorId: training ? ref.trainingAdministrator : random.pick(ref.administrators),
    assignedToId: random.chance(0.98) ? random.pick(ref.assignees) : null,
    languageId: random.chance(0.8) ? random.pick(ref.languages) : null,
    url: `https://bench.example.org/${slug}/`,
    country: host.country,
    latitude: host.latitude,
    longitude: host.longitude,
    venue: random.pick(VENUES),
    address: `${random.int(1, 400)} Campus Road`,
    manualAttendance: random.chance(0.2) ? random.int(5, 40) : 0,
    publicStatus: random.chance(0.9) ? "public" : "private",
  };
}

export async function insertEvents(
  loader: Loader,
  count: number,
  hosts: readonly OrganizationRef[],
  ref: EventReferenceIds,
): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, index) => eventRow(loader, index, hosts, ref));
  const inserted = await insertInBatches(loader, "events", rows, 2000, (tx, batch) =>
    tx.insert(event).values(batch).returning({ id: event.id, slug: event.slug }),
  );
  await insertTags(
    loader,
    inserted.map((row) => ({ ...row, training: row.slug.endsWith("-ttt") })),
    ref,
  );
  return inserted.map((row) => row.id);
}

function tagNames(loader: Loader, draft: EventDraft): string[] {
  const { random } = loader;
  const names = [draft.training ? "TTT" : random.pick(["SWC", "SWC", "DC", "LC"])];
  if (random.chance(0.3)) names.push("online");
  if (!draft.training && random.chance(0.05)) names.push("Circuits");
  if (random.chance(0.03)) names.push("cancelled");
  return names;
}

async function insertTags(
  loader: Loader,
  events: readonly (EventDraft & { id: number })[],
  ref: EventReferenceIds,
) {
  const rows = events.flatMap((draft) =>
    tagNames(loader, draft).map((name) => ({ eventId: draft.id, tagId: ref.tags(name) })),
  );
  await insertInBatches(loader, "event tags", rows, 5000, (tx, batch) =>
    tx
      .insert(eventTag)
      .values(batch)
      .then(() => []),
  );
}

/** How many tasks each event gets: mostly a dozen or so, a long tail of big ones, `total` in all. */
function tasksPerEvent(loader: Loader, events: number, total: number, maxPerEvent: number): number[] {
  const weights = Array.from({ length: events }, () => 1 + 8 * loader.random.next() ** 4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.min(maxPerEvent, Math.floor((weight / sum) * total)));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let index = 0; missing > 0 && index < counts.length * maxPerEvent; index++) {
    const at = index % counts.length;
    if ((counts[at] ?? 0) < maxPerEvent) {
      counts[at] = (counts[at] ?? 0) + 1;
      missing--;
    }
  }
  return counts;
}

/** One event's tasks: a few instructors from the badge holders, a host, helpers, then learners; nobody twice. */
function eventTasks(
  loader: Loader,
  eventId: number,
  count: number,
  people: readonly number[],
  instructors: readonly number[],
  ref: EventReferenceIds,
) {
  const { random } = loader;
  const taken = new Set<number>();
  const rows: { eventId: number; personId: number; roleId: number }[] = [];
  const add = (pool: readonly number[], roleName: string): boolean => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const personId = random.pick(pool);
      if (taken.has(personId)) continue;
      taken.add(personId);
      rows.push({ eventId, personId, roleId: ref.roles(roleName) });
      return true;
    }
    return false;
  };
  const teaching = instructors.length > 0 ? Math.min(count, random.int(2, 4)) : 0;
  for (let index = 0; index < teaching; index++) add(instructors, "instructor");
  if (rows.length < count) add(people, "host");
  for (let index = 0; index < 2 && rows.length < count; index++) add(people, "helper");
  while (rows.length < count && add(people, "learner"));
  return rows;
}

export async function insertTasks(
  loader: Loader,
  eventIds: readonly number[],
  total: number,
  people: readonly number[],
  instructors: readonly number[],
  ref: EventReferenceIds,
) {
  const counts = tasksPerEvent(loader, eventIds.length, total, Math.floor(people.length / 2));
  const rows = eventIds.flatMap((eventId, index) =>
    eventTasks(loader, eventId, counts[index] ?? 0, people, instructors, ref),
  );
  await insertInBatches(loader, "tasks", rows, 5000, (tx, batch) =>
    tx
      .insert(task)
      .values(batch)
      .then(() => []),
  );
}
