/** Events: the pure rules of the event form and of every event save. */
import { createHash } from "node:crypto";

/** How the history and the comments name events (Django's "app_label.model"). */
export const EVENT_CONTENT_TYPE = "workshops.event";

/** Characters a slug may hold at all (the database checks the same). */
export const SLUG_CHARACTERS = /^[-a-zA-Z0-9_]+$/;
/** `YYYY-MM-DD-location`, where unknown parts of the date are written `xx`. */
export const SLUG_FORMAT = /^(\d{4}|xxxx)-(\d{2}|xx)-(\d{2}|xx)-.+/;
/** A link into a GitHub repository instead of the workshop's website. */
const GITHUB_REPOSITORY = /https?:\/\/github\.com\/[^/]+\/[^/]+/;

export const ONLINE_COUNTRY = "W3";
export const ONLINE_PLACE = "Internet";

export const SLUG_FORMAT_MESSAGE =
  'Slug must be in "YYYY-MM-DD-location" format, where "YYYY", "MM", "DD" can be unspecified (ie. "xx").';
export const END_BEFORE_START_MESSAGE = "Must not be earlier than start date.";
export const OPEN_APPLICATIONS_MESSAGE = "You cannot open applications on a non-TTT event.";

export const MEMBERSHIP_AND_BENEFIT_MESSAGE =
  "Choose either a membership or an allocated benefit, not both: an event counts against only one of them.";
export const BENEFIT_REMOVED_MESSAGE =
  "The allocated benefit was removed: an event counting against a membership cannot also use a benefit.";

/**
 * Whether a save must drop the allocated benefit: it cannot stay beside a membership. This happens
 * when the benefit field is hidden (service offering off) and the membership is set.
 */
export function benefitMustGo(membershipId: number | null, allocatedBenefitId: string | null): boolean {
  return membershipId !== null && allocatedBenefitId !== null;
}

export function isGithubRepositoryUrl(url: string): boolean {
  return GITHUB_REPOSITORY.test(url);
}

/** Dates as `YYYY-MM-DD` compare as text; a missing date never conflicts. */
export function endsBeforeStart(start: string | null, end: string | null): boolean {
  return start !== null && end !== null && end < start;
}

/** Open applications belong to instructor trainings only. */
export function openApplicationsRefused(open: boolean, tagNames: readonly string[]): boolean {
  return open && !tagNames.includes("TTT");
}

export interface CurriculumForTags {
  active: boolean;
  carpentry: string;
  mixMatch: boolean;
}

/** The tags the chosen curricula call for that the event lacks, e.g. a DC curriculum needs DC. */
export function missingCurriculumTags(
  curricula: readonly CurriculumForTags[],
  tagNames: readonly string[],
): string[] {
  const missing: string[] = [];
  for (const curriculum of curricula) {
    if (!curriculum.active) continue;
    const needed = curriculum.carpentry || (curriculum.mixMatch ? "Circuits" : "");
    if (needed && !tagNames.includes(needed) && !missing.includes(needed)) missing.push(needed);
  }
  return missing;
}

export function missingTagsMessage(missing: readonly string[]): string {
  return `You must add tags corresponding to the selected curricula. Missing tags: ${missing.join(", ")}`;
}

/** Contacts arrive as one text or as several values; each may hold several, split on `,` and `;`. */
export function joinContacts(values: readonly string[]): string {
  return values
    .flatMap((value) => value.split(/[,;]/))
    .map((value) => value.trim())
    .filter((value) => value !== "")
    .join(";");
}

/** A link typed without its scheme is taken as https. */
export function withDefaultScheme(url: string): string {
  if (url === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  return `https://${url}`;
}

export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { hostname } = new URL(url);
    return hostname.includes(".") || hostname === "localhost";
  } catch {
    return false;
  }
}

export interface ReportsLinkSettings {
  saltFront: string;
  saltBack: string;
  /** With `{hash}` and `{slug}` placeholders. */
  template: string;
}

export const DEFAULT_REPORTS_LINK = "https://workshop-reports.carpentries.org/?key={hash}&slug={slug}";

/** The workshop-reports link of an event: a salted hash of the slug lets the reports site trust it. */
export function reportsLink(slug: string, settings: ReportsLinkSettings): string {
  const hash = createHash("sha1")
    .update(settings.saltFront + slug.toLowerCase() + settings.saltBack)
    .digest("hex");
  return settings.template.replaceAll("{hash}", hash).replaceAll("{slug}", slug);
}

/** The event columns the save rules look at. */
export interface SavedEventFields {
  slug: string;
  completed: boolean;
  url: string | null;
  country: string | null;
  venue: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  instructorsPre: string;
}

/**
 * What every save does to an event: an empty URL is no URL, an online event has no place, and an
 * event still in progress gets a fresh workshop-reports link.
 */
export function applySaveRules<T extends SavedEventFields>(fields: T, reports: ReportsLinkSettings): T {
  const saved = { ...fields, url: fields.url === "" ? null : fields.url };
  if (saved.country === ONLINE_COUNTRY) {
    Object.assign(saved, { venue: ONLINE_PLACE, address: ONLINE_PLACE, latitude: null, longitude: null });
  }
  if (saved.slug && !saved.completed) saved.instructorsPre = reportsLink(saved.slug, reports);
  return saved;
}
