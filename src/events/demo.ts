import { asc, eq, inArray, like, notInArray, or } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import type { Seeder } from "../db/seed.ts";
import { ADMINISTRATOR_DOMAINS } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { role, tag } from "../reference/schema.ts";
import { event, eventTag, task } from "./schema.ts";

// Workshops of every kind AMY's demo generator makes, dated around the day the demo is loaded:
// current (published), unpublished, self-organised, instructor trainings, completed, online, and a
// few past ones with the gaps the workshop issues report looks for.

type Kind = "current" | "ongoing" | "unpublished" | "self" | "ttt" | "completed" | "online" | "issue";

interface DemoEvent {
  kind: Kind;
  /** Days from today to the start, a fixed start date, or null for an undated event. */
  when: number | string | null;
  city: string;
  tags: string[];
  learners: number;
  instructors?: number;
  attendance?: number;
}

const MARKER_SLUG = "2024-03-12-krakow";

const EVENTS: DemoEvent[] = [
  { kind: "current", when: 12, city: "gainesville", tags: ["SWC"], learners: 0 },
  { kind: "current", when: 30, city: "seattle", tags: ["DC"], learners: 0 },
  { kind: "current", when: 45, city: "capetown", tags: ["LC"], learners: 0 },
  { kind: "current", when: 75, city: "london", tags: ["SWC", "DC"], learners: 0 },
  { kind: "ongoing", when: -1, city: "melbourne", tags: ["DC"], learners: 4 },
  { kind: "unpublished", when: 50, city: "zurich", tags: ["SWC"], learners: 0 },
  { kind: "unpublished", when: 90, city: "mexico", tags: ["LC"], learners: 0, instructors: 0 },
  { kind: "unpublished", when: null, city: "gainesville", tags: ["DC"], learners: 0, instructors: 0 },
  { kind: "self", when: 20, city: "toronto", tags: ["SWC"], learners: 0 },
  { kind: "self", when: -40, city: "warsaw", tags: ["DC"], learners: 5 },
  { kind: "self", when: -100, city: "tokyo", tags: ["LC", "Circuits"], learners: 3 },
  { kind: "ttt", when: 25, city: "online", tags: ["TTT", "online"], learners: 6 },
  { kind: "ttt", when: -60, city: "london", tags: ["TTT"], learners: 6 },
  { kind: "ttt", when: -200, city: "seattle", tags: ["TTT", "stalled"], learners: 4 },
  { kind: "completed", when: "2024-03-12", city: "krakow", tags: ["SWC"], learners: 6, attendance: 25 },
  { kind: "completed", when: -150, city: "saopaulo", tags: ["DC"], learners: 4, attendance: 18 },
  { kind: "completed", when: -300, city: "mumbai", tags: ["LC"], learners: 3 },
  { kind: "online", when: 35, city: "online", tags: ["SWC", "online"], learners: 0 },
  { kind: "online", when: -20, city: "online", tags: ["DC", "online"], learners: 5 },
  { kind: "issue", when: -30, city: "zurich", tags: ["SWC"], learners: 0 },
  { kind: "issue", when: -70, city: "capetown", tags: ["DC"], learners: 8, instructors: 0 },
];

const ADMINISTRATOR_BY_TAG: Record<string, string> = {
  SWC: "software-carpentry.org",
  DC: "datacarpentry.org",
  LC: "librarycarpentry.org",
  TTT: "carpentries.org",
};

function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

function startOf(spec: DemoEvent, today: string): string | null {
  if (spec.when === null) return null;
  return typeof spec.when === "string" ? spec.when : addDays(today, spec.when);
}

function slugOf(spec: DemoEvent, start: string | null, index: number): string {
  const suffix = spec.kind === "ttt" ? "-ttt" : "";
  return `${start ?? "xxxx-xx-xx"}-${spec.city}${index > 0 && spec.city === "online" ? index : ""}${suffix}`;
}

function locationOf(spec: DemoEvent, host: { country: string | null }, index: number) {
  if (spec.kind === "unpublished") return { country: host.country };
  if (spec.tags.includes("online")) return { country: "W3", venue: "Online", address: "Online" };
  if (spec.kind === "issue" && index % 2 === 1) return { country: host.country, venue: "Library" };
  return {
    country: host.country,
    venue: "Main library, room 101",
    address: `${10 + index} University Avenue`,
    latitude: 40 + (index % 7),
    longitude: -3 + index,
  };
}

/** Ids by name, failing loudly when a seeded row the demo relies on is missing. */
function byName(rows: { id: number; name: string }[]): (name: string) => number {
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`the reference row "${name}" is missing`);
    return id;
  };
}

export const eventsDemo: Seeder = {
  name: "demo workshops",
  async run(tx) {
    const [already] = await tx.select({ id: event.id }).from(event).where(eq(event.slug, MARKER_SLUG));
    if (already) return;
    const hosts = await tx
      .select()
      .from(organization)
      .where(notInArray(organization.domain, ADMINISTRATOR_DOMAINS))
      .orderBy(asc(organization.id));
    const administrators = new Map(
      (
        await tx
          .select({ id: organization.id, domain: organization.domain })
          .from(organization)
          .where(inArray(organization.domain, ADMINISTRATOR_DOMAINS))
      ).map((row) => [row.domain, row.id]),
    );
    const people = await tx
      .select({ id: person.id })
      .from(person)
      .where(like(person.email, "%@example.org"))
      .orderBy(asc(person.id));
    const admins = await tx
      .select({ id: person.id })
      .from(person)
      .where(or(eq(person.isSuperuser, true), eq(person.username, "hermione_granger")))
      .orderBy(asc(person.id));
    if (hosts.length === 0 || people.length < 10) return;
    const tags = byName(await tx.select({ id: tag.id, name: tag.name }).from(tag));
    const roles = byName(await tx.select({ id: role.id, name: role.name }).from(role));
    const today = new Date().toISOString().slice(0, 10);
    for (const [index, spec] of EVENTS.entries()) {
      const host = hosts[index % hosts.length];
      if (!host) continue;
      const start = startOf(spec, today);
      const slug = slugOf(spec, start, index);
      const mainTag = spec.tags[0] ?? "SWC";
      const administrator = spec.kind === "self" ? "self-organized" : (ADMINISTRATOR_BY_TAG[mainTag] ?? "");
      const [row] = await tx
        .insert(event)
        .values({
          slug,
          start,
          end: start && addDays(start, spec.kind === "ttt" ? 3 : 1),
          hostId: host.id,
          sponsorId: host.id,
          administratorId: administrators.get(administrator) ?? null,
          assignedToId:
            index % 3 === 0 ? (admins[(index / 3) % Math.max(admins.length, 1)]?.id ?? null) : null,
          url: spec.kind === "unpublished" ? null : `https://carpentries-demo.github.io/${slug}/`,
          completed: spec.kind === "completed",
          manualAttendance: spec.attendance ?? 0,
          contact: index % 4 === 0 ? "" : `host-${spec.city}@example.org`,
          ...locationOf(spec, host, index),
        })
        .returning();
      if (!row) continue;
      await tx.insert(eventTag).values(spec.tags.map((name) => ({ eventId: row.id, tagId: tags(name) })));
      await addTasks(tx, row.id, spec, index, people, roles);
    }
  },
};

async function addTasks(
  tx: Executor,
  eventId: number,
  spec: DemoEvent,
  index: number,
  people: { id: number }[],
  roles: (name: string) => number,
) {
  const pick = (offset: number) => people[(index * 3 + offset) % people.length]?.id;
  const wanted: [number | undefined, string][] = [];
  for (let i = 0; i < (spec.instructors ?? 2); i++) wanted.push([pick(i), "instructor"]);
  if (spec.kind !== "ttt") wanted.push([pick(2), "helper"], [pick(3), "host"]);
  for (let i = 0; i < spec.learners; i++) wanted.push([pick(4 + i), "learner"]);
  const rows = wanted.flatMap(([personId, roleName]) =>
    personId === undefined ? [] : [{ eventId, personId, roleId: roles(roleName) }],
  );
  if (rows.length > 0) await tx.insert(task).values(rows).onConflictDoNothing();
}
