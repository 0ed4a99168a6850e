import { domainToASCII } from "node:url";
import { awardDisplay, personDisplay } from "../people/index.ts";
import type { BlockingGroup } from "../ui/blocked-delete.tsx";
import type { EventAwardRow, EventTaskRow } from "./details-queries.ts";
import { taskDisplay, taskPath } from "./tasks/rules.ts";

// Pure rules about events: what an event's data means, with no database in sight.

/** What a slug in an event address may hold; anything else is not an event. */
export const SLUG_PATTERN = /^[-a-zA-Z0-9_]+$/;

export function eventPath(slug: string): string {
  return `/workshops/event/${slug}/`;
}

// Anchored at the start only, as AMY's: trailing text after the repository is tolerated.
const WEBSITE_URL = /^https?:\/\/([^.]+)\.github\.(?:io|com)\/([^/]+)\/?/;
const REPOSITORY_URL = /^https?:\/\/github\.com\/([^/]+)\/([^/]+)\/?/;

function githubNameAndRepo(url: string): [string, string] | undefined {
  const match = WEBSITE_URL.exec(url) ?? REPOSITORY_URL.exec(url);
  return match?.[1] && match[2] ? [match[1], match[2]] : undefined;
}

/** The workshop's GitHub Pages website when the URL names a GitHub website or repository; else the URL. */
export function websiteUrl(url: string | null): string | null {
  const found = url ? githubNameAndRepo(url) : undefined;
  return found ? `https://${found[0]}.github.io/${found[1]}/` : url;
}

/** The workshop's GitHub repository when the URL names a GitHub website or repository; else the URL. */
export function repositoryUrl(url: string | null): string | null {
  const found = url ? githubNameAndRepo(url) : undefined;
  return found ? `https://github.com/${found[0]}/${found[1]}` : url;
}

const EMAIL_TOKEN = /^\S+@\S+\.\S+$/;

/**
 * The email addresses in the contact field, domains IDNA-encoded. Splits on `;` and `,` too (AMY
 * splits only on spaces, quotes and angle brackets, so a stored `a@x.org;b@y.org` became one address).
 */
export function mailto(contact: string): string[] {
  const addresses: string[] = [];
  for (const token of contact.split(/[\s<>"';,]+/)) {
    if (!EMAIL_TOKEN.test(token)) continue;
    const at = token.lastIndexOf("@");
    const domain = domainToASCII(token.slice(at + 1));
    if (domain) addresses.push(`${token.slice(0, at)}@${domain}`);
  }
  return addresses;
}

/** The larger of the attendance typed in and the number of learner tasks. */
export function attendance(manualAttendance: number, learnerTasks: number): number {
  return Math.max(manualAttendance, learnerTasks);
}

/** A future event with a place to go (venue and coordinates), or an online one, may recruit instructors. */
export function eligibleForInstructorRecruitment(
  event: { start: string | null; venue: string; latitude: number | null; longitude: number | null },
  tagNames: readonly string[],
  today: string,
): boolean {
  if (!event.start || event.start < today) return false;
  const located = event.venue !== "" && event.latitude !== null && event.longitude !== null;
  return located || tagNames.includes("online");
}

const TAG_COLOURS: [string, string][] = [
  ["swc", "primary"],
  ["dc", "success"],
  ["online", "info"],
  ["lc", "warning"],
  ["ttt", "danger"],
  ["itt", "danger"],
];

/** The Bootstrap colour of a tag's badge, by the start of its name. */
export function tagColour(name: string): string {
  const lower = name.toLowerCase();
  return TAG_COLOURS.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? "secondary";
}

/** `event.str()` of AMY: the slug. */
export function eventDisplay(event: { slug: string }): string {
  return event.slug;
}

/** The tasks and awards that keep an event from being deleted, as the blocked-delete page lists them. */
export function blockedDeleteGroups(
  slug: string,
  blockers: { tasks: readonly EventTaskRow[]; awards: readonly EventAwardRow[] },
): BlockingGroup[] {
  const groups: BlockingGroup[] = [];
  if (blockers.tasks.length > 0) {
    groups.push({
      label: "Tasks",
      items: blockers.tasks.map((row) => ({
        text: taskDisplay({ eventSlug: slug, person: row.person, roleVerboseName: row.roleVerboseName }),
        href: taskPath(row.id),
      })),
    });
  }
  if (blockers.awards.length > 0) {
    groups.push({
      label: "Awards",
      items: blockers.awards.map((row) => ({
        text: awardDisplay({
          person: personDisplay(row.person),
          badgeTitle: row.badgeTitle,
          awarded: row.awarded,
          eventSlug: slug,
        }),
        href: `/workshops/person/${row.person.id}/`,
      })),
    });
  }
  return groups;
}
