/** Verifying uploaded rows: pure decisions over what the database holds (see `loadLookups`). */
import { z } from "zod";
import { findAirport } from "../../reference/index.ts";
import { firstFreeUsername, personDisplay, USERNAME_PATTERN, usernameStem } from "../rules.ts";
import type { UploadedRow } from "./csv.ts";

/** One row as kept in the session. `existingPersonId` 0 means "create a new person". */
export interface BulkRow extends UploadedRow {
  username: string;
  existingPersonId: number;
}

export interface KnownPerson {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
  username: string;
  airportIata: string;
}

export interface Lookups {
  eventSlugs: ReadonlySet<string>;
  roleNames: ReadonlySet<string>;
  personsById: ReadonlyMap<number, KnownPerson>;
  personsByEmail: ReadonlyMap<string, KnownPerson>;
  /** Usernames in the database among those the rows name or would generate. */
  takenUsernames: ReadonlySet<string>;
  /** Persons sharing a name pair or an email with some row. */
  similarCandidates: readonly KnownPerson[];
  existingTasks: ReadonlySet<string>;
}

export interface SimilarPerson {
  id: number;
  display: string;
}

export interface VerifiedRow {
  row: BulkRow;
  matched: boolean;
  errors: string[];
  infos: string[];
  similar: SimilarPerson[];
}

export const EXISTING_PERSON_USED = "Existing record for person will be used.";
export const MATCH_MISSING = "Could not match selected person. New record will be created.";

export function taskKey(eventSlug: string, personId: number, roleName: string): string {
  return JSON.stringify([eventSlug, personId, roleName]);
}

/** A fresh row from the file, before anything is matched or generated. */
export function newBulkRow(uploaded: UploadedRow): BulkRow {
  return { ...uploaded, username: "", existingPersonId: 0 };
}

/**
 * Verifies every row. With `autoMatch` (right after the upload) a row whose email belongs to a person
 * is matched to them. Generated usernames avoid each other and every username another row names.
 */
export function verifyRows(rows: readonly BulkRow[], lookups: Lookups, autoMatch: boolean): VerifiedRow[] {
  const reserved = new Set(rows.map((row) => row.username).filter(Boolean));
  const seenUsernames = new Set<string>();
  const seenEmails = new Set<string>();
  return rows.map((row) => {
    const verified = verifyRow(row, lookups, autoMatch, reserved);
    if (!verified.matched) checkWithinBatch(verified, seenUsernames, seenEmails);
    return verified;
  });
}

function verifyRow(input: BulkRow, lookups: Lookups, autoMatch: boolean, reserved: Set<string>): VerifiedRow {
  const errors = referenceErrors(input, lookups);
  const infos: string[] = [];
  const person = resolveMatch(input, lookups, autoMatch, infos);
  let row: BulkRow;
  if (person) {
    row = { ...input, ...personCells(person), existingPersonId: person.id };
  } else {
    row = { ...input, existingPersonId: 0 };
    errors.push(...newPersonErrors(row, lookups));
    if (!row.username) {
      row.username = firstFreeUsername(
        usernameStem(row.personal, row.family),
        union(lookups.takenUsernames, reserved),
      );
      reserved.add(row.username);
    }
    if (!row.email) infos.push("It's highly recommended to add an email address.");
    infos.push("Person and task will be created.");
  }
  if (person && lookups.eventSlugs.has(row.event) && lookups.roleNames.has(row.role))
    infos.push(
      lookups.existingTasks.has(taskKey(row.event, person.id, row.role))
        ? "Task already exists."
        : "Task will be created.",
    );
  errors.push(...fieldErrors(row));
  if (!row.role) errors.push("Must have a role.");
  if (!row.event) errors.push("Must have an event.");
  return { row, matched: person !== undefined, errors, infos, similar: similarPersons(row, lookups) };
}

function referenceErrors(row: BulkRow, lookups: Lookups): string[] {
  const errors: string[] = [];
  if (row.event && !lookups.eventSlugs.has(row.event))
    errors.push(`Event with slug "${row.event}" does not exist.`);
  if (row.role && !lookups.roleNames.has(row.role))
    errors.push(`Role with name "${row.role}" does not exist.`);
  if (row.airportIata && !findAirport(row.airportIata))
    errors.push(`Airport with IATA code "${row.airportIata}" does not exist.`);
  return errors;
}

function resolveMatch(
  row: BulkRow,
  lookups: Lookups,
  autoMatch: boolean,
  infos: string[],
): KnownPerson | undefined {
  const person = autoMatch
    ? row.email
      ? lookups.personsByEmail.get(row.email)
      : undefined
    : row.existingPersonId
      ? lookups.personsById.get(row.existingPersonId)
      : undefined;
  if (person) infos.push(EXISTING_PERSON_USED);
  else if (!autoMatch && row.existingPersonId) infos.push(MATCH_MISSING);
  return person;
}

function personCells(person: KnownPerson) {
  return {
    personal: person.personal,
    family: person.family,
    email: person.email ?? "",
    airportIata: person.airportIata,
    username: person.username,
  };
}

function newPersonErrors(row: BulkRow, lookups: Lookups): string[] {
  const errors: string[] = [];
  if (row.email && lookups.personsByEmail.has(row.email))
    errors.push("Person with this email address already exists.");
  if (row.username && lookups.takenUsernames.has(row.username))
    errors.push("Person with this username already exists.");
  return errors;
}

/** Two new persons of one file cannot share a username or an email: saving would fail. */
function checkWithinBatch(verified: VerifiedRow, usernames: Set<string>, emails: Set<string>): void {
  const { username, email } = verified.row;
  if (usernames.has(username)) verified.errors.push("Another row of this file has the same username.");
  if (email && emails.has(email))
    verified.errors.push("Another row of this file has the same email address.");
  usernames.add(username);
  if (email) emails.add(email);
}

const emailSchema = z.email("Enter a valid email address.");

/** The Person model's own rules on the row's cells (uniqueness is checked above). */
export function fieldErrors(row: BulkRow): string[] {
  const problems: [string, string][] = [];
  if (!row.personal) problems.push(["personal", "This field is required."]);
  for (const [field, value] of [
    ["personal", row.personal],
    ["family", row.family],
    ["username", row.username],
  ] as const)
    if (value.length > 100) problems.push([field, "Ensure this value has at most 100 characters."]);
  if (row.email.length > 254) problems.push(["email", "Ensure this value has at most 254 characters."]);
  else if (row.email && !emailSchema.safeParse(row.email).success)
    problems.push(["email", "Enter a valid email address."]);
  if (row.username && !USERNAME_PATTERN.test(row.username))
    problems.push(["username", "Enter a valid username: letters, digits, _ and - only."]);
  return problems.map(([field, message]) => `${field}: ${message}`);
}

function similarPersons(row: BulkRow, lookups: Lookups): SimilarPerson[] {
  return lookups.similarCandidates
    .filter(
      (person) =>
        (person.personal === row.personal && person.family === row.family) ||
        (row.email !== "" && person.email === row.email),
    )
    .map((person) => ({ id: person.id, display: personDisplay(person) }));
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a, ...b]);
}

/** The names a row's new person could get: what `loadLookups` asks the database about. */
export function usernameStemOf(row: BulkRow): string {
  return usernameStem(row.personal, row.family);
}

export const hasErrors = (rows: readonly VerifiedRow[]) => rows.some((row) => row.errors.length > 0);

/** The confirmation page's cells, by AMY's field names, one value per row in row order. */
export const EDITED_FIELDS = [
  "personal",
  "family",
  "username",
  "email",
  "airport_iata",
  "event",
  "role",
] as const;
export type EditedLists = Partial<Record<(typeof EDITED_FIELDS)[number], readonly string[]>>;

/**
 * Puts the submitted cells into the rows, up to the shortest list; without one of the lists the rows
 * stay as they are. The matched person stays the row's own.
 */
export function applyEdits(rows: readonly BulkRow[], lists: EditedLists): BulkRow[] {
  const columns = EDITED_FIELDS.map((field) => lists[field]);
  if (columns.some((column) => column === undefined)) return [...rows];
  const count = Math.min(rows.length, ...columns.map((column) => column?.length ?? 0));
  return rows.map((row, index) => {
    if (index >= count) return row;
    const cell = (field: (typeof EDITED_FIELDS)[number]) => (lists[field]?.[index] ?? "").trim();
    return {
      personal: cell("personal"),
      family: cell("family"),
      username: cell("username"),
      email: cell("email").toLowerCase(),
      airportIata: cell("airport_iata"),
      event: cell("event"),
      role: cell("role"),
      existingPersonId: row.existingPersonId,
    };
  });
}
