/** Badges and awards: the pure rules of AMY's Badge and Award models and of their pages. */

/** The three legacy instructor badges: kept for history, never awarded again (spec 10). */
export const LEGACY_INSTRUCTOR_BADGES: readonly string[] = [
  "swc-instructor",
  "dc-instructor",
  "lc-instructor",
];

/** Whether the award form offers a badge: retired and legacy instructor badges are not. */
export function isOfferedBadge(badge: { name: string; retiredAt: Date | null }): boolean {
  return badge.retiredAt === null && !LEGACY_INSTRUCTOR_BADGES.includes(badge.name);
}

/** "<person>/<badge title>/<awarded>/<event or None>", how AMY names an award. */
export function awardDisplay(award: {
  person: string;
  badgeTitle: string;
  awarded: string;
  eventSlug: string | null;
}): string {
  return `${award.person}/${award.badgeTitle}/${award.awarded}/${award.eventSlug ?? "None"}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** A role still counts on `today` when it has no end or ends later. */
export function isConcurrentRole(role: { end: string | null }, today: string): boolean {
  return role.end === null || role.end > today;
}

/**
 * The community role configurations to give a person on a new award: those set to auto-assign,
 * except where the person already holds a concurrent role of that configuration.
 */
export function configsToAutoAssign(
  configs: readonly { id: number; autoassignWhenAwardCreated: boolean }[],
  heldRoles: readonly { configId: number; end: string | null }[],
  today: string,
): number[] {
  const held = new Set(
    heldRoles.filter((role) => isConcurrentRole(role, today)).map((role) => role.configId),
  );
  return configs
    .filter((config) => config.autoassignWhenAwardCreated && !held.has(config.id))
    .map((c) => c.id);
}

export const AWARD_ORDERINGS = ["awarded", "-awarded", "person__family", "-person__family"] as const;
export type AwardOrdering = (typeof AWARD_ORDERINGS)[number];

export interface BadgeAwardsFilter {
  awardedAfter: string | undefined;
  awardedBefore: string | undefined;
  eventId: number | undefined;
  orderBy: AwardOrdering;
}

export interface ParsedBadgeAwardsFilter {
  filter: BadgeAwardsFilter;
  /** The submitted text of each filter field, to show again. */
  values: Record<string, string>;
  errors: Record<string, string[]>;
}

/**
 * Reads the badge page's filters from the query string. A value that is not understood is ignored
 * and reported beside its field, so a mistyped date never breaks the page.
 */
export function parseBadgeAwardsFilter(query: Record<string, unknown>): ParsedBadgeAwardsFilter {
  const values: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  const text = (name: string) => {
    const value = firstString(query[name])?.trim() ?? "";
    if (value) values[name] = value;
    return value;
  };
  const date = (name: string) => {
    const value = text(name);
    if (!value) return undefined;
    if (isIsoDate(value)) return value;
    errors[name] = ["Enter a date as YYYY-MM-DD."];
    return undefined;
  };
  const awardedAfter = date("awarded_after");
  const awardedBefore = date("awarded_before");
  const event = text("event");
  const eventId = /^\d{1,9}$/.test(event) ? Number(event) : undefined;
  if (event && eventId === undefined) errors.event = ["Choose an event from the list."];
  const order = text("order_by");
  const orderBy = (AWARD_ORDERINGS as readonly string[]).includes(order)
    ? (order as AwardOrdering)
    : "awarded";
  if (order && orderBy !== order) errors.order_by = ["This order is not one of the choices."];
  return { filter: { awardedAfter, awardedBefore, eventId, orderBy }, values, errors };
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** The database error code of a broken rule (unique or foreign key), looking through wrapped errors. */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^\d{2}[0-9A-Z]{3}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}
export const UNIQUE_VIOLATION = "23505";
/** A row still referred to: 23503 for NO ACTION keys, 23001 for RESTRICT ones (AMY's "protect"). */
export const STILL_REFERENCED: readonly string[] = ["23503", "23001"];
