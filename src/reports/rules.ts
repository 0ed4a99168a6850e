/** Pure rules of the people reports: no database, no HTTP. */

import { fullName } from "../people/index.ts";
import { countryName } from "../reference/index.ts";

/** Badges that make a person an instructor (the three legacy ones are kept for history). */
export const INSTRUCTOR_BADGES = ["swc-instructor", "dc-instructor", "lc-instructor", "instructor"];
export const TRAINER_BADGE = "trainer";
export const INSTRUCTOR_COMMUNITY_ROLE = "instructor";

/** The country that counts for a person: their own override, else their airport's country. */
export function effectiveCountry(person: { country: string; airportCountry: string }): string {
  return person.country || person.airportCountry;
}

export interface Point {
  lat: number;
  lng: number;
}

/** Where to measure staff distances from: the chosen airport, else the given coordinates, else nowhere. */
export function referencePoint(
  airport: Point | undefined,
  latitude: number | undefined,
  longitude: number | undefined,
): Point | undefined {
  if (airport) return airport;
  if (latitude !== undefined && longitude !== undefined) return { lat: latitude, lng: longitude };
  return undefined;
}

export const BOTH_COORDINATES_MESSAGE = "Give both a latitude and a longitude to search by coordinates.";
export const ONE_LOCATION_MESSAGE =
  "Search by an airport, by countries or by coordinates: choose one of them, or none.";

/** The staff form's rules across fields: messages for the whole form, none when it is consistent. */
export function locationProblems(input: {
  airport: boolean;
  countries: boolean;
  latitude: boolean;
  longitude: boolean;
}): string[] {
  const problems: string[] = [];
  if (input.latitude !== input.longitude) problems.push(BOTH_COORDINATES_MESSAGE);
  const coordinates = input.latitude && input.longitude;
  if ([input.airport, input.countries, coordinates].filter(Boolean).length > 1) {
    problems.push(ONE_LOCATION_MESSAGE);
  }
  return problems;
}

export const yesNo = (value: boolean): string => (value ? "yes" : "no");

export const STAFF_CSV_HEADER = [
  "Name",
  "Email",
  "Is instructor",
  "Is trainer",
  "Taught times",
  "Is trainee",
  "Airport",
  "Country",
  "Lessons",
  "Affiliation",
];

export interface StaffRow {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
  airportIata: string;
  country: string;
  affiliation: string;
  numInstructor: number;
  numTrainer: number;
  isTrainee: boolean;
  isTrainer: boolean;
  activeInstructorRoles: number;
  inactiveInstructorRoles: number;
  lessons: { id: number; name: string }[];
}

/** One CSV line per person; "Taught times" leaves trainer teaching out, as AMY's export does. */
export function staffCsvRow(row: StaffRow): string[] {
  return [
    fullName(row),
    row.email ?? "",
    yesNo(row.activeInstructorRoles > 0),
    yesNo(row.isTrainer),
    String(row.numInstructor),
    yesNo(row.isTrainee),
    row.airportIata,
    row.country ? countryName(row.country) : "",
    row.lessons.map((lesson) => lesson.name).join(" "),
    row.affiliation,
  ];
}

export interface TraineeTaskRow {
  personId: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
  eventSlug: string;
  stalled: boolean;
}

export interface TraineeGroup {
  person: { id: number; personal: string; middle: string; family: string; email: string | null };
  events: string[];
}

/**
 * Splits trainees' training tasks into those still in progress and those whose only trainings
 * stalled. Keeps the order of the rows; a person with any training in progress is not stalled.
 */
export function splitTrainees(rows: readonly TraineeTaskRow[]): {
  incomplete: TraineeGroup[];
  stalled: TraineeGroup[];
} {
  const incomplete = groupByPerson(rows.filter((row) => !row.stalled));
  const pending = new Set(incomplete.map((group) => group.person.id));
  const stalled = groupByPerson(rows.filter((row) => row.stalled && !pending.has(row.personId)));
  return { incomplete, stalled };
}

function groupByPerson(rows: readonly TraineeTaskRow[]): TraineeGroup[] {
  const groups = new Map<number, TraineeGroup>();
  for (const row of rows) {
    const group = groups.get(row.personId) ?? {
      person: {
        id: row.personId,
        personal: row.personal,
        middle: row.middle,
        family: row.family,
        email: row.email,
      },
      events: [],
    };
    group.events.push(row.eventSlug);
    groups.set(row.personId, group);
  }
  return [...groups.values()];
}

/** A mailto: link with a subject and a body, or undefined when there is no address to write to. */
export function mailtoLink(email: string | null, subject: string, body: string): string | undefined {
  if (!email) return undefined;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
