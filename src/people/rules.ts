/** Person names and handles: the pure rules of AMY's Person model. */

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
