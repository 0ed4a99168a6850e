// Pure rules of memberships, partnerships and the service offering: choice lists, how each record
// reads, where its page is, and the date arithmetic of agreements. No database here.
//
// This file imports no domain module: pages all over the app (organisations, events, reports)
// import it and use its lists while their own modules load, so importing a module index here would
// make an import cycle in which these constants are read before they exist.

import { humanReadableDate } from "../ui/time.ts";

export interface ChoiceItem {
  value: string;
  label: string;
}

export const MEMBERSHIP_VARIANTS: readonly ChoiceItem[] = [
  { value: "partner", label: "Partner" },
  { value: "affiliate", label: "Affiliate" },
  { value: "sponsor", label: "Sponsor" },
  { value: "bronze", label: "Bronze" },
  { value: "silver", label: "Silver" },
  { value: "gold", label: "Gold" },
  { value: "platinum", label: "Platinum" },
  { value: "titanium", label: "Titanium" },
  { value: "alacarte", label: "A la carte" },
];

export const CONTRIBUTION_TYPES: readonly ChoiceItem[] = [
  { value: "financial", label: "Financial" },
  { value: "person-days", label: "Person-days" },
  { value: "other", label: "Other" },
];

export const PUBLIC_STATUSES: readonly ChoiceItem[] = [
  { value: "public", label: "Public" },
  { value: "private", label: "Private" },
];

export const ACCOUNT_TYPES: readonly ChoiceItem[] = [
  { value: "individual", label: "individual" },
  { value: "organisation", label: "organisation" },
  { value: "consortium", label: "consortium" },
];

export const ACCOUNT_OWNER_PERMISSION_TYPES: readonly ChoiceItem[] = [
  { value: "owner", label: "Owner" },
  { value: "programmatic_contact", label: "Programmatic Contact" },
  { value: "billing_contact", label: "Billing Contact" },
];

export const BENEFIT_UNIT_TYPES: readonly ChoiceItem[] = [
  { value: "seat", label: "Seat" },
  { value: "event", label: "Event" },
];

/** The label of a stored choice; an unknown value is shown as it is. */
export function choiceLabel(list: readonly ChoiceItem[], value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return list.find((item) => item.value === value)?.label ?? value;
}

/** Whether a value is one of the list's choices (for form and filter validation). */
export function isChoice(list: readonly ChoiceItem[], value: unknown): value is string {
  return typeof value === "string" && list.some((item) => item.value === value);
}

/** Python's `str.title()`: every run of letters gets a capital first letter and lower-case rest. */
export function titleCase(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// How records read (spec §0.4, §1.4, §1.9–§1.15)

export interface MembershipDisplayFields {
  name: string;
  variant: string;
  agreementStart: string | null;
  agreementEnd: string | null;
  consortium: boolean;
}

/** `Alpha Gold membership Jan 01 - Dec 31, 2026`, plus ` (consortium)` for a consortium. */
export function membershipDisplay(row: MembershipDisplayFields): string {
  const text = `${row.name} ${titleCase(row.variant)} membership ${humanReadableDate(row.agreementStart, row.agreementEnd)}`;
  return row.consortium ? `${text} (consortium)` : text;
}

export interface PartnershipDisplayFields {
  name: string;
  tierName: string | null;
  agreementStart: string | null;
  agreementEnd: string | null;
  partnerConsortiumId: number | null;
}

/** `Alpha Gold partnership Jan 01 - Dec 31, 2026`; `(No Tier)` without a tier; ` (consortium)` for a consortium partner. */
export function partnershipDisplay(row: PartnershipDisplayFields): string {
  const tier = row.tierName ? titleCase(row.tierName) : "(No Tier)";
  const text = `${row.name} ${tier} partnership ${humanReadableDate(row.agreementStart, row.agreementEnd)}`;
  return row.partnerConsortiumId !== null ? `${text} (consortium)` : text;
}

/** `gold (64 credits)`. */
export function tierDisplay(row: { name: string; credits: number }): string {
  return `${row.name} (${row.credits} credits)`;
}

/** `Benefit "Instructor Training" (seat, 1 credits)`. */
export function benefitDisplay(row: { name: string; unitType: string; credits: number }): string {
  return `Benefit "${row.name}" (${row.unitType}, ${row.credits} credits)`;
}

/** `Account organisation for "Alpha <alpha.edu>"`; a missing entity reads `None`, as in AMY. */
export function accountDisplay(accountType: string, entityDisplay: string | null): string {
  return `Account ${accountType} for "${entityDisplay ?? "None"}"`;
}

export type AccountBenefitState = "frozen" | "future" | "expired" | "active";

/** Frozen first, then not yet started, then ended; otherwise active on `today`. */
export function accountBenefitState(
  row: { frozen: boolean; startDate: string; endDate: string },
  today: string,
): AccountBenefitState {
  if (row.frozen) return "frozen";
  if (today < row.startDate) return "future";
  if (today > row.endDate) return "expired";
  return "active";
}

const STATE_PREFIX: Record<AccountBenefitState, string> = {
  frozen: "(FROZEN)",
  future: "(FUTURE)",
  expired: "(EXPIRED)",
  active: "",
};

export interface AccountBenefitDisplayFields {
  frozen: boolean;
  startDate: string;
  endDate: string;
  allocation: number;
  benefit: { name: string; unitType: string; credits: number };
  /** The partnership's display string, or else the account's entity display. */
  forWhom: string | null;
}

/**
 * `(FROZEN) Account Benefit "X" (seat, 1 credits) for "…" (allocation: 10, valid: Jan 01 - Dec 31, 2026)`.
 * An active benefit has no state prefix (AMY then starts the text with a space; we drop it).
 */
export function accountBenefitDisplay(row: AccountBenefitDisplayFields, today: string): string {
  const prefix = STATE_PREFIX[accountBenefitState(row, today)];
  const text = `Account ${benefitDisplay(row.benefit)} for "${row.forWhom ?? "None"}" (allocation: ${row.allocation}, valid: ${humanReadableDate(row.startDate, row.endDate)})`;
  return prefix ? `${prefix} ${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Pages

export const membershipPath = (id: number): string => `/fiscal/membership/${id}/`;
export const partnershipPath = (id: number): string => `/fiscal/partnerships/${id}/`;
export const consortiumPath = (id: number): string => `/fiscal/consortiums/${id}/`;
export const accountPath = (uuid: string): string => `/offering/accounts/${uuid}/`;
export const benefitPath = (uuid: string): string => `/offering/benefits/${uuid}/`;
export const accountBenefitPath = (uuid: string): string => `/offering/account-benefits/${uuid}/`;
export const eventCategoryPath = (uuid: string): string => `/offering/event-categories/${uuid}/`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its usual hyphenated form (any version): what a `:uuid` path parameter must be. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

// ---------------------------------------------------------------------------------------------
// Dates: `YYYY-MM-DD` strings, computed in UTC so no time zone or DST shifts a day.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date written `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = new Date(Date.UTC(year, month - 1, day));
  return time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === day;
}

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date `n` days later (earlier when negative). */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/**
 * The last day of a year-long agreement starting on `date`: the day before its anniversary. The
 * anniversary of 29 February in a common year is 1 March, so 2024-02-29 gives 2025-02-28 (AMY
 * crashed on such dates).
 */
export function addOneYearMinusOneDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  toUtc(date);
  const anniversary = Date.UTC(year + 1, month - 1, day); // 29 Feb overflows to 1 Mar
  return fromUtc(anniversary - DAY_MS);
}

/** Whether an agreement from `start` to `end` lasts exactly one year (end = start + 1 year − 1 day). */
export function isFullYear(start: string, end: string): boolean {
  return end === addOneYearMinusOneDay(start);
}

/**
 * Whether `date` falls within the agreement, widened by the grace days on either side
 * (`start − graceBefore ≤ date ≤ end + graceAfter`, both ends inclusive).
 */
export function activeOnDate(
  agreement: { agreementStart: string; agreementEnd: string },
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): boolean {
  return (
    addDays(agreement.agreementStart, -graceBefore) <= date &&
    date <= addDays(agreement.agreementEnd, graceAfter)
  );
}

/**
 * Whether a remaining-seats figure is shown as a problem: none left of a non-zero allowance, or
 * seats used that were never allowed.
 */
export function seatsDanger(remaining: number, total: number): boolean {
  return (remaining <= 0 && total > 0) || (remaining < 0 && total === 0);
}
