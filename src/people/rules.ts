/** Person names and handles: the pure rules of AMY's Person model. */
import { findAirport } from "../reference/index.ts";

export const GITHUB_PATTERN = /^([a-zA-Z\d](?:-?[a-zA-Z\d])*)$/;
export const GITHUB_MAX_LENGTH = 39;
export const BLUESKY_PATTERN = /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/;
export const MASTODON_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const ORCID_PATTERN = /^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_USERNAME_SUFFIX = 100;

export interface PersonName {
  personal: string;
  middle?: string | null;
  family: string;
  email?: string | null;
}

/** "Personal Middle Family" (a missing middle name adds no space). */
export function fullName(person: PersonName): string {
  return [person.personal, person.middle, person.family].filter((part) => part).join(" ");
}

/** How a person is named across AMY: full name, then the email address in angle brackets when there is one. */
export function personDisplay(person: PersonName): string {
  return person.email ? `${fullName(person)} <${person.email}>` : fullName(person);
}

/** ASCII letters, digits, "_" and "-" only; spaces become "-"; other characters are dropped, not transliterated. */
export function normalizeForUsername(name: string | null | undefined): string {
  if (!name) return "";
  return name
    .trim()
    .replace(/ /g, "-")
    .replace(/[^A-Za-z0-9_-]/g, "")
    .toLowerCase();
}

export function usernameStem(personal: string | null | undefined, family: string | null | undefined): string {
  return `${normalizeForUsername(family)}_${normalizeForUsername(personal)}`;
}

export class UsernameExhaustedError extends Error {}

/** The usernames to try, in order: the stem, then stem_2 … stem_100. */
export function usernameCandidates(stem: string): string[] {
  const candidates = [stem];
  for (let suffix = 2; suffix <= MAX_USERNAME_SUFFIX; suffix++) candidates.push(`${stem}_${suffix}`);
  return candidates;
}

export function firstFreeUsername(stem: string, taken: ReadonlySet<string>): string {
  const free = usernameCandidates(stem).find((candidate) => !taken.has(candidate));
  if (!free) throw new UsernameExhaustedError(`No free username is left for "${stem}".`);
  return free;
}

/** Trimmed text, with an empty value stored as NULL (AMY's rule for email and the social handles). */
export function nullIfBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export const GENDERS = [
  { value: "U", label: "Prefer not to say" },
  { value: "F", label: "Female" },
  { value: "V", label: "Gender variant / non-conforming" },
  { value: "M", label: "Male" },
  { value: "O", label: "Other" },
] as const;

export type Gender = (typeof GENDERS)[number]["value"];

/** The editable fields of a person, as stored (after `normalizePersonFields`). */
export interface PersonFields {
  personal: string;
  middle: string;
  family: string;
  email: string | null;
  secondaryEmail: string;
  gender: string;
  genderOther: string;
  airportIata: string;
  country: string;
  timezone: string;
  github: string | null;
  twitter: string | null;
  bluesky: string | null;
  mastodon: string | null;
  url: string;
  affiliation: string;
  occupation: string;
  orcid: string;
  userNotes: string;
}

/** A person's fields with AMY's defaults for everything not given. */
export function personFields(given: Partial<PersonFields> & { personal: string }): PersonFields {
  return {
    middle: "",
    family: "",
    email: null,
    secondaryEmail: "",
    gender: "U",
    genderOther: "",
    airportIata: "",
    country: "",
    timezone: "",
    github: null,
    twitter: null,
    bluesky: null,
    mastodon: null,
    url: "",
    affiliation: "",
    occupation: "",
    orcid: "",
    userNotes: "",
    ...given,
  };
}

/** AMY's save-time clean-up: names trimmed, email lower-cased, empty handles stored as NULL. */
export function normalizePersonFields(fields: PersonFields): PersonFields {
  return {
    ...fields,
    personal: fields.personal.trim(),
    middle: fields.middle.trim(),
    family: fields.family.trim(),
    email: nullIfBlank(fields.email)?.toLowerCase() ?? null,
    secondaryEmail: fields.secondaryEmail.trim().toLowerCase(),
    airportIata: fields.airportIata.trim().toUpperCase(),
    github: nullIfBlank(fields.github),
    twitter: nullIfBlank(fields.twitter),
    bluesky: nullIfBlank(fields.bluesky),
    mastodon: nullIfBlank(fields.mastodon),
  };
}

export interface AirportLocation {
  airportIata: string;
  airportCountry: string;
  airportLat: number;
  airportLon: number;
  airportTimezone: string;
}

/** The location columns a person's airport code implies; an empty or unknown code clears them. */
export function airportLocation(code: string): AirportLocation {
  const airport = code ? findAirport(code) : undefined;
  if (!airport)
    return { airportIata: "", airportCountry: "", airportLat: 0, airportLon: 0, airportTimezone: "" };
  return {
    airportIata: airport.iata,
    airportCountry: airport.country,
    airportLat: airport.latitude,
    airportLon: airport.longitude,
    airportTimezone: airport.timezone,
  };
}

/** The country overrides the airport's unless empty. */
export function effectiveCountry(person: { country: string; airportCountry: string }): string {
  return person.country || person.airportCountry;
}

export function effectiveTimezone(person: { timezone: string; airportTimezone: string }): string {
  return person.timezone || person.airportTimezone;
}

/**
 * On edit, a new airport makes the stored country and time-zone overrides stale, so they are cleared;
 * an override the user changed in the same submission is what they want, so it is kept.
 */
export function clearStaleOverrides(
  stored: { airportIata: string; country: string; timezone: string },
  submitted: PersonFields,
): PersonFields {
  if (stored.airportIata === submitted.airportIata) return submitted;
  return {
    ...submitted,
    country: submitted.country === stored.country ? "" : submitted.country,
    timezone: submitted.timezone === stored.timezone ? "" : submitted.timezone,
  };
}

export interface RoleCounts {
  instructor: number;
  trainer: number;
  supporting: number;
  helper: number;
  learner: number;
}

/**
 * How many times the person taught, trained, helped… from their tasks (one per row): instructors at
 * instructor trainings count as trainers, instructors anywhere else (no administrator included) as
 * instructors.
 */
export function countRoles(tasks: readonly { roleName: string; atTraining: boolean }[]): RoleCounts {
  const counts: RoleCounts = { instructor: 0, trainer: 0, supporting: 0, helper: 0, learner: 0 };
  for (const task of tasks) {
    if (task.roleName === "instructor") counts[task.atTraining ? "trainer" : "instructor"]++;
    else if (task.roleName === "supporting-instructor") counts.supporting++;
    else if (task.roleName === "helper") counts.helper++;
    else if (task.roleName === "learner") counts.learner++;
  }
  return counts;
}
