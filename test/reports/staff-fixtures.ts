import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { communityRole } from "../../src/community-roles/schema.ts";
import type { Db } from "../../src/db/client.ts";
import { personDomain, personLanguage, qualification } from "../../src/people/schema.ts";
import { continent, knowledgeDomain, language, lesson } from "../../src/reference/schema.ts";
import type { Client } from "../helpers/app.ts";
import { makeCommunityRole, makePerson } from "../helpers/factories.ts";

export const STAFF = "/workshops/workshop_staff/";

export interface StaffPersonOptions {
  personal?: string;
  family?: string;
  email?: string | null;
  iata?: string;
  lat?: number;
  lon?: number;
  airportCountry?: string;
  country?: string;
  gender?: string;
  affiliation?: string;
}

/** A person with an airport (unless iata is ""), placed where the test says. */
export async function makeStaffPerson(db: Db, options: StaffPersonOptions = {}) {
  const created = await makePerson(db, {
    ...(options.personal ? { personal: options.personal } : {}),
    ...(options.family ? { family: options.family } : {}),
    ...(options.email === undefined ? {} : { email: options.email }),
  });
  const [row] = await db
    .update(person)
    .set({
      airportIata: options.iata ?? "XYZ",
      airportLat: options.lat ?? 10,
      airportLon: options.lon ?? 10,
      airportCountry: options.airportCountry ?? "",
      country: options.country ?? "",
      gender: options.gender ?? "U",
      affiliation: options.affiliation ?? "",
    })
    .where(eq(person.id, created.id))
    .returning();
  if (!row) throw new Error("person not updated");
  return row;
}

async function idByName(
  db: Db,
  table: typeof lesson | typeof knowledgeDomain | typeof continent,
  name: string,
) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.name, name));
  if (!row) throw new Error(`no row named ${name}`);
  return row.id;
}

export const lessonId = (db: Db, name: string) => idByName(db, lesson, name);
export const domainId = (db: Db, name: string) => idByName(db, knowledgeDomain, name);
export const continentId = (db: Db, name: string) => idByName(db, continent, name);

export async function languageId(db: Db, subtag: string) {
  const [row] = await db.select({ id: language.id }).from(language).where(eq(language.subtag, subtag));
  if (!row) throw new Error(`no language ${subtag}`);
  return row.id;
}

export async function teaches(db: Db, personId: number, lessonIds: number[]) {
  for (const id of lessonIds) await db.insert(qualification).values({ personId, lessonId: id });
}

export async function speaks(db: Db, personId: number, languageIds: number[]) {
  for (const id of languageIds) await db.insert(personLanguage).values({ personId, languageId: id });
}

export async function knows(db: Db, personId: number, domainIds: number[]) {
  for (const id of domainIds) await db.insert(personDomain).values({ personId, knowledgedomainId: id });
}

/** An "instructor" community role with the given dates. */
export async function instructorRole(
  db: Db,
  personId: number,
  dates: { start?: string | null; end?: string | null } = {},
) {
  const role = await makeCommunityRole(db, { personId });
  await db
    .update(communityRole)
    .set({ start: dates.start ?? null, end: dates.end ?? null })
    .where(eq(communityRole.id, role.id));
  return role;
}

/** 'YYYY-MM-DD' of today plus some days, in UTC as the database sees it. */
export function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The ids of the persons listed (in order) for a staff search, all on one page. */
export async function listedIds(client: Client, query: string): Promise<number[]> {
  const separator = query ? "&" : "";
  const response = await client.get(`${STAFF}?${query}${separator}items_per_page=all`);
  if (response.statusCode !== 200) throw new Error(`staff search gave ${response.statusCode}`);
  return [...response.body.matchAll(/href="\/workshops\/person\/(\d+)\/"/g)].map((match) => Number(match[1]));
}
