import { eq, inArray } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import type { Seeder } from "../db/seed.ts";
import { event, eventTag, task } from "../events/schema.ts";
import { organization } from "../organizations/schema.ts";
import { badge, knowledgeDomain, language, lesson, role, tag } from "../reference/schema.ts";
import { createPerson } from "./commands.ts";
import { type PersonFields, personFields } from "./rules.ts";
import { award } from "./schema.ts";

// A small, believable data set for trying AMY out: host organisations, instructors and trainers
// with badges, learners, a few workshops with their tasks, and some likely duplicates to merge.

const ORGANIZATIONS = [
  { domain: "ufl.edu", fullname: "University of Florida", country: "US" },
  { domain: "washington.edu", fullname: "University of Washington", country: "US" },
  { domain: "uct.ac.za", fullname: "University of Cape Town", country: "ZA" },
  { domain: "imperial.ac.uk", fullname: "Imperial College London", country: "GB" },
  { domain: "monash.edu", fullname: "Monash University", country: "AU" },
  { domain: "ethz.ch", fullname: "ETH Zurich", country: "CH" },
  { domain: "unam.mx", fullname: "Universidad Nacional Autónoma de México", country: "MX" },
];

const AIRPORTS = ["GNV", "SEA", "CPT", "LHR", "MEL", "ZRH", "MEX", "WAW", "YYZ", "NRT", "GRU", "BOM"];
const PERSONAL = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Linus",
  "Margaret",
  "Tim",
  "Barbara",
  "Dennis",
  "Frances",
  "Ken",
  "Radia",
  "Guido",
  "Hedy",
  "John",
  "Sophie",
];
const FAMILY = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Torvalds",
  "Hamilton",
  "Berners-Lee",
  "Liskov",
  "Ritchie",
  "Allen",
  "Thompson",
  "Perlman",
  "van Rossum",
  "Lamarr",
  "Backus",
  "Wilson",
];

const MARKER_DOMAIN = "ufl.edu";

function demoFields(index: number, overrides: Partial<PersonFields> = {}): PersonFields {
  const personal = PERSONAL[index % PERSONAL.length] ?? "Demo";
  const family = FAMILY[index % FAMILY.length] ?? "Person";
  return personFields({
    personal,
    family,
    email: `${personal}.${family}.${index}@example.org`.toLowerCase().replace(/\s+/g, "-"),
    gender: ["F", "M", "U", "O", "V"][index % 5] ?? "U",
    genderOther: index % 5 === 3 ? "Non-binary" : "",
    airportIata: AIRPORTS[index % AIRPORTS.length] ?? "",
    affiliation: ORGANIZATIONS[index % ORGANIZATIONS.length]?.fullname ?? "",
    occupation:
      ["graduate student", "postdoc", "librarian", "research software engineer", "faculty"][index % 5] ?? "",
    ...overrides,
  });
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

export const peopleDemo: Seeder = {
  name: "demo people and workshops",
  async run(tx) {
    const [already] = await tx.select().from(organization).where(eq(organization.domain, MARKER_DOMAIN));
    if (already) return;
    const orgs = await tx.insert(organization).values(ORGANIZATIONS).returning();
    const lessons = await tx.select({ id: lesson.id }).from(lesson);
    const domains = await tx.select({ id: knowledgeDomain.id }).from(knowledgeDomain);
    const languages = await tx
      .select({ id: language.id })
      .from(language)
      .where(inArray(language.subtag, ["en", "es", "fr", "de", "pl"]));
    const people = [];
    for (let index = 0; index < 32; index++) {
      people.push(
        await createPerson(
          tx,
          {
            fields: demoFields(index),
            links: {
              lessonIds: lessons.filter((_, i) => (i + index) % 5 === 0).map((row) => row.id),
              domainIds: domains.filter((_, i) => (i + index) % 7 === 0).map((row) => row.id),
              languageIds: languages.filter((_, i) => (i + index) % 3 === 0).map((row) => row.id),
            },
          },
          null,
        ),
      );
    }
    // Likely duplicates: the same names twice, and names entered the wrong way round.
    await createPerson(tx, { fields: demoFields(0, { email: "ada.lovelace.again@example.org" }) }, null);
    await createPerson(
      tx,
      { fields: demoFields(1, { personal: "Hopper", family: "Grace", email: null }) },
      null,
    );
    await tx
      .update(person)
      .set({ isActive: true })
      .where(
        inArray(
          person.id,
          people.slice(0, 16).map((row) => row.id),
        ),
      );

    const badges = byName(await tx.select({ id: badge.id, name: badge.name }).from(badge));
    const roles = byName(await tx.select({ id: role.id, name: role.name }).from(role));
    const tags = byName(await tx.select({ id: tag.id, name: tag.name }).from(tag));
    const [training] = await tx.select().from(organization).where(eq(organization.domain, "carpentries.org"));
    const [swc] = await tx
      .select()
      .from(organization)
      .where(eq(organization.domain, "software-carpentry.org"));
    const events = [];
    for (let index = 0; index < 8; index++) {
      const host = orgs[index % orgs.length];
      if (!host) continue;
      const isTraining = index % 4 === 3;
      const start = new Date(Date.UTC(2025, index * 2, 10 + index)).toISOString().slice(0, 10);
      const [row] = await tx
        .insert(event)
        .values({
          slug: `${start}-${host.domain.split(".")[0]}${isTraining ? "-ttt" : ""}`,
          hostId: host.id,
          sponsorId: host.id,
          administratorId: (isTraining ? training : swc)?.id ?? null,
          start,
          end: start,
          country: host.country,
          venue: "Main library",
          address: "1 Campus Road",
        })
        .returning();
      if (!row) continue;
      events.push(row);
      const tagName = isTraining ? "TTT" : (["SWC", "DC", "LC"][index % 3] ?? "SWC");
      await tx.insert(eventTag).values({ eventId: row.id, tagId: tags(tagName) });
    }
    const instructorConfig = await ensureInstructorConfig(tx, badges("instructor"));
    for (const [index, someone] of people.entries()) {
      const workshop = events[index % events.length];
      if (!workshop) continue;
      const roleName = index < 8 ? "instructor" : index < 14 ? "helper" : "learner";
      await tx.insert(task).values({ eventId: workshop.id, personId: someone.id, roleId: roles(roleName) });
      if (index < 10) {
        const [given] = await tx
          .insert(award)
          .values({
            personId: someone.id,
            badgeId: badges("instructor"),
            awarded: "2024-06-01",
            awardedById: people[0]?.id ?? null,
          })
          .returning();
        if (given)
          await tx.insert(communityRole).values({
            configId: instructorConfig,
            personId: someone.id,
            awardId: given.id,
            start: "2024-06-01",
          });
      }
      if (index < 3)
        await tx
          .insert(award)
          .values({ personId: someone.id, badgeId: badges("trainer"), awarded: "2024-09-01" });
    }
  },
};

/** The "instructor" community-role configuration, following the instructor badge; created if missing. */
export async function ensureInstructorConfig(tx: Executor, instructorBadgeId: number): Promise<number> {
  const [existing] = await tx
    .select()
    .from(communityRoleConfig)
    .where(eq(communityRoleConfig.name, "instructor"));
  if (existing) return existing.id;
  const [created] = await tx
    .insert(communityRoleConfig)
    .values({
      name: "instructor",
      displayName: "Instructor",
      linkToAward: true,
      awardBadgeLimitId: instructorBadgeId,
      autoassignWhenAwardCreated: true,
      linkToMembership: false,
      additionalUrl: false,
    })
    .returning();
  if (!created) throw new Error("community role config not inserted");
  return created.id;
}
