import { person } from "../accounts/schema.ts";
import { communityRole } from "../community-roles/schema.ts";
import { organization } from "../organizations/schema.ts";
import { award, personDomain, personLanguage, qualification } from "../people/schema.ts";
import { type Airport, searchAirports } from "../reference/index.ts";
import { dayAfterEpoch, insertInBatches, type Loader, padded } from "./batches.ts";
import type { Random } from "./random.ts";

// Names as a community holds them: some common ones (the earliest listed most often), the rest
// rare, coined from syllables. The most common family name is then about one person in a hundred, so
// searching for it matches as many people as searching a real surname would.
const COMMON_PERSONAL = [
  "Amara",
  "Bao",
  "Carmen",
  "Dmitri",
  "Elif",
  "Farah",
  "Gustavo",
  "Hana",
  "Ibrahim",
  "Jana",
  "Kwame",
  "Leila",
  "Mateo",
  "Nadia",
  "Oskar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sipho",
  "Tomasz",
  "Uma",
  "Viktor",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zofia",
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Aisha",
  "Bjorn",
  "Chiara",
  "Diego",
  "Emeka",
  "Fatima",
  "Georg",
  "Hiroshi",
  "Ines",
  "Javier",
  "Keiko",
  "Lars",
  "Maria",
  "Nikhil",
  "Olga",
  "Pedro",
  "Rania",
  "Sofia",
  "Tariq",
  "Ursula",
];
const COMMON_FAMILY = [
  "Okafor",
  "Nguyen",
  "Garcia",
  "Ivanov",
  "Yilmaz",
  "Haddad",
  "Silva",
  "Tanaka",
  "Mensah",
  "Novak",
  "Kowalski",
  "Smith",
  "Chen",
  "Patel",
  "Muller",
  "Rossi",
  "Dubois",
  "Kim",
  "Andersson",
  "Ahmed",
  "Lopez",
  "Nakamura",
  "Dlamini",
  "Fischer",
  "Moreau",
  "Costa",
  "Jensen",
  "Ortiz",
  "Wang",
  "Brown",
  "Banda",
  "Castillo",
  "Demir",
  "Eriksen",
  "Ferreira",
  "Gupta",
  "Hansen",
  "Ito",
  "Jovanovic",
  "Kaplan",
  "Lindqvist",
  "Mwangi",
  "Nowak",
  "Oliveira",
  "Papadopoulos",
  "Quispe",
  "Rahman",
  "Sato",
  "Torres",
  "Usman",
];
const SYLLABLES = [
  "ba",
  "bel",
  "cor",
  "da",
  "den",
  "fa",
  "gar",
  "hal",
  "ir",
  "jo",
  "ka",
  "kor",
  "la",
  "len",
  "ma",
  "mor",
  "na",
  "nes",
  "o",
  "pa",
  "ren",
  "ri",
  "sa",
  "sel",
  "ta",
  "tor",
  "u",
  "var",
  "wen",
  "zel",
];
const COMMON_PERSONAL_SHARE = 0.5;
const COMMON_FAMILY_SHARE = 0.3;
const OCCUPATIONS = ["graduate student", "postdoc", "librarian", "research software engineer", "faculty", ""];
const GENDERS = ["U", "F", "M", "O", "V"];
const ORG_KINDS = [
  "University",
  "Institute of Technology",
  "Research Centre",
  "College",
  "Library",
  "Laboratory",
];
const ORG_PLACES = [
  "North",
  "South",
  "East",
  "West",
  "Central",
  "Coastal",
  "Highland",
  "Lakeside",
  "Riverside",
  "Metro",
];

export interface ReferenceIds {
  domains: number[];
  languages: number[];
  lessons: number[];
  instructorBadge: number;
  trainerBadge: number;
  instructorConfig: number;
}

export interface OrganizationRef {
  id: number;
  fullname: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

let airportList: Airport[] | undefined;

/** Every bundled airport with a country, read once. */
function airports(): Airport[] {
  airportList ??= searchAirports("").filter((airport) => airport.country.length === 2);
  return airportList;
}

export async function insertOrganizations(loader: Loader, count: number): Promise<OrganizationRef[]> {
  const { random } = loader;
  const rows = Array.from({ length: count }, (_, index) => {
    const number = padded(index + 1, 5);
    const airport = random.pick(airports());
    return {
      domain: `bench-org-${number}.example.edu`,
      fullname: `${random.pick(ORG_PLACES)} ${airport.name.slice(0, 40)} ${random.pick(ORG_KINDS)} ${number}`,
      country: airport.country,
      latitude: airport.latitude,
      longitude: airport.longitude,
    };
  });
  return insertInBatches(loader, "organisations", rows, 2000, (tx, batch) =>
    tx.insert(organization).values(batch).returning({
      id: organization.id,
      fullname: organization.fullname,
      country: organization.country,
      latitude: organization.latitude,
      longitude: organization.longitude,
    }),
  );
}

/** One of the common names (`share` of the time, the earlier ones more often), else a coined one. */
function personName(random: Random, common: readonly string[], share: number): string {
  if (random.chance(share)) return random.pickSkewed(common);
  const syllables = Array.from({ length: random.int(2, 3) }, () => random.pick(SYLLABLES)).join("");
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

function personRow(loader: Loader, index: number, affiliations: readonly string[]) {
  const { random } = loader;
  const number = padded(index + 1, 6);
  const personal = personName(random, COMMON_PERSONAL, COMMON_PERSONAL_SHARE);
  const family = personName(random, COMMON_FAMILY, COMMON_FAMILY_SHARE);
  const airport = random.pick(airports());
  return {
    username: `bench_${number}`,
    personal,
    family,
    email: random.chance(0.7) ? `${personal}.${family}.${number}@example.net`.toLowerCase() : null,
    gender: random.pick(GENDERS),
    isActive: random.chance(0.3),
    airportIata: airport.iata,
    airportCountry: airport.country,
    airportLat: airport.latitude,
    airportLon: airport.longitude,
    airportTimezone: airport.timezone,
    country: airport.country,
    timezone: airport.timezone,
    github: random.chance(0.15) ? `bench-gh-${number}` : null,
    affiliation: random.chance(0.8) ? random.pick(affiliations) : "",
    occupation: random.pick(OCCUPATIONS),
  };
}

export async function insertPersons(
  loader: Loader,
  count: number,
  affiliations: readonly string[],
): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, index) => personRow(loader, index, affiliations));
  const ids = await insertInBatches(loader, "persons", rows, 2000, (tx, batch) =>
    tx.insert(person).values(batch).returning({ id: person.id }),
  );
  return ids.map((row) => row.id);
}

/** Pairs of (person, choice): each person gets 1–2 of the choices with the given probability. */
function someChoices(
  loader: Loader,
  personIds: readonly number[],
  choices: readonly number[],
  probability: number,
) {
  const pairs: { personId: number; choiceId: number }[] = [];
  for (const personId of personIds) {
    if (!loader.random.chance(probability)) continue;
    for (const choiceId of loader.random.sample(choices, loader.random.int(1, 2)))
      pairs.push({ personId, choiceId });
  }
  return pairs;
}

export async function insertDomainsAndLanguages(
  loader: Loader,
  personIds: readonly number[],
  ref: ReferenceIds,
) {
  const domains = someChoices(loader, personIds, ref.domains, 0.5);
  await insertInBatches(loader, "person domains", domains, 5000, (tx, batch) =>
    tx
      .insert(personDomain)
      .values(batch.map(({ personId, choiceId }) => ({ personId, knowledgedomainId: choiceId })))
      .then(() => []),
  );
  const languages = someChoices(loader, personIds, ref.languages, 0.6);
  await insertInBatches(loader, "person languages", languages, 5000, (tx, batch) =>
    tx
      .insert(personLanguage)
      .values(batch.map(({ personId, choiceId }) => ({ personId, languageId: choiceId })))
      .then(() => []),
  );
}

/**
 * About one person in ten holds the instructor badge, with the community role and the lessons they
 * teach; a few of those are trainers too. Returns the instructors, whom the tasks draw on.
 */
export async function insertInstructors(loader: Loader, personIds: readonly number[], ref: ReferenceIds) {
  const { random } = loader;
  const instructors = personIds.filter(() => random.chance(0.1));
  const badgeAwards = instructors.map((personId) => ({
    personId,
    badgeId: ref.instructorBadge,
    awarded: dayAfterEpoch(random.int(0, 5000)),
  }));
  const trainers = instructors
    .filter(() => random.chance(0.05))
    .map((personId) => ({
      personId,
      badgeId: ref.trainerBadge,
      awarded: dayAfterEpoch(random.int(3000, 5000)),
    }));
  const awarded = await insertInBatches(loader, "awards", [...badgeAwards, ...trainers], 5000, (tx, batch) =>
    tx
      .insert(award)
      .values(batch)
      .returning({ id: award.id, personId: award.personId, badgeId: award.badgeId, awarded: award.awarded }),
  );
  const roles = awarded
    .filter((row) => row.badgeId === ref.instructorBadge)
    .map((row) => ({
      configId: ref.instructorConfig,
      personId: row.personId,
      awardId: row.id,
      start: row.awarded,
    }));
  await insertInBatches(loader, "community roles", roles, 5000, (tx, batch) =>
    tx
      .insert(communityRole)
      .values(batch)
      .then(() => []),
  );
  const lessons = instructors.flatMap((personId) =>
    random.sample(ref.lessons, random.int(1, 3)).map((lessonId) => ({ personId, lessonId })),
  );
  await insertInBatches(loader, "qualifications", lessons, 5000, (tx, batch) =>
    tx
      .insert(qualification)
      .values(batch)
      .then(() => []),
  );
  return instructors;
}
