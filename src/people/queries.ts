import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import { person, socialAuth } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { listActiveChoices } from "../reference/index.ts";
import { personDomain, personLanguage, qualification } from "./schema.ts";

export type PersonRow = typeof person.$inferSelect;

export async function findPerson(db: Executor, id: number): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  return row;
}

/** Usernames already taken among the candidates of `stem` (the stem itself and stem_N). */
export async function usernamesLike(db: Executor, stem: string): Promise<Set<string>> {
  const escaped = stem.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ username: person.username })
    .from(person)
    .where(or(eq(person.username, stem), like(person.username, `${escaped}\\_%`)));
  return new Set(rows.map((row) => row.username));
}

export interface PersonLinks {
  lessonIds: number[];
  domainIds: number[];
  languageIds: number[];
}

/** Runs in transactions too, where queries go one at a time (a transaction is one connection). */
export async function findPersonLinks(db: Executor, personId: number): Promise<PersonLinks> {
  const lessons = await db
    .select({ id: qualification.lessonId })
    .from(qualification)
    .where(eq(qualification.personId, personId));
  const domains = await db
    .select({ id: personDomain.knowledgedomainId })
    .from(personDomain)
    .where(eq(personDomain.personId, personId));
  const languages = await db
    .select({ id: personLanguage.languageId })
    .from(personLanguage)
    .where(eq(personLanguage.personId, personId));
  return {
    lessonIds: lessons.map((row) => row.id),
    domainIds: domains.map((row) => row.id),
    languageIds: languages.map((row) => row.id),
  };
}

/** Replaces the person's lessons, knowledge domains and languages with the given ones. */
export async function replacePersonLinks(tx: Executor, personId: number, links: PersonLinks): Promise<void> {
  await tx.delete(qualification).where(eq(qualification.personId, personId));
  await tx.delete(personDomain).where(eq(personDomain.personId, personId));
  await tx.delete(personLanguage).where(eq(personLanguage.personId, personId));
  const unique = (ids: number[]) => [...new Set(ids)];
  if (links.lessonIds.length > 0)
    await tx
      .insert(qualification)
      .values(unique(links.lessonIds).map((lessonId) => ({ personId, lessonId })));
  if (links.domainIds.length > 0)
    await tx
      .insert(personDomain)
      .values(unique(links.domainIds).map((knowledgedomainId) => ({ personId, knowledgedomainId })));
  if (links.languageIds.length > 0)
    await tx
      .insert(personLanguage)
      .values(unique(links.languageIds).map((languageId) => ({ personId, languageId })));
}

export async function deleteSocialLogins(tx: Executor, personId: number): Promise<void> {
  await tx.delete(socialAuth).where(eq(socialAuth.userId, personId));
}

/** Which of the given values are already used by another person in `column` (a unique column). */
export async function takenBy(
  db: Executor,
  column: "email" | "github" | "twitter" | "bluesky" | "mastodon" | "username",
  value: string,
  exceptPersonId: number | undefined,
): Promise<boolean> {
  const conditions = [eq(person[column], value)];
  if (exceptPersonId !== undefined) conditions.push(sql`${person.id} <> ${exceptPersonId}`);
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}

export async function findPersonsByIds(db: Executor, ids: number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(person).where(inArray(person.id, ids));
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * The lessons, knowledge domains and languages a person form offers: the active ones, plus any
 * retired one the person already has (`keep`), so saving does not drop it.
 */
export async function personFormChoices(
  db: Executor,
  keep: { lessons?: number[]; domains?: number[]; languages?: number[] } = {},
): Promise<{ lessons: Choice[]; domains: Choice[]; languages: Choice[] }> {
  const [lessons, domains, languages] = await Promise.all([
    listActiveChoices(db, "lessons", { keep: keep.lessons ?? [] }),
    listActiveChoices(db, "knowledge-domains", { keep: keep.domains ?? [], excludeDontKnowYet: true }),
    listActiveChoices(db, "languages", { keep: keep.languages ?? [] }),
  ]);
  return { lessons, domains, languages };
}

const UNIQUE_PERSON_FIELDS = [
  ["email", "email", "email address"],
  ["github", "github", "GitHub username"],
  ["twitter", "twitter", "Twitter handle"],
  ["bluesky", "bluesky", "Bluesky handle"],
  ["mastodon", "mastodon", "Mastodon handle"],
] as const;

/** Errors for values another person already has, keyed by form field. */
export async function uniquenessErrors(
  db: Executor,
  values: {
    email: string | null;
    github: string | null;
    twitter: string | null;
    bluesky: string | null;
    mastodon: string | null;
    username?: string;
  },
  exceptPersonId?: number,
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  for (const [field, column, label] of UNIQUE_PERSON_FIELDS) {
    const value = values[column];
    if (value && (await takenBy(db, column, value, exceptPersonId)))
      errors[field] = [`Another person already has this ${label}.`];
  }
  if (values.username && (await takenBy(db, "username", values.username, exceptPersonId)))
    errors.username = ["Another person already has this username."];
  return errors;
}

/** Errors for chosen lessons, domains or languages that do not exist (or are retired). */
export async function unknownChoiceErrors(
  db: Executor,
  chosen: { lessons: number[]; domains: number[]; languages: number[] },
  current: { lessons?: number[]; domains?: number[]; languages?: number[] } = {},
): Promise<Record<string, string[]>> {
  const choices = await personFormChoices(db, current);
  const errors: Record<string, string[]> = {};
  for (const field of ["lessons", "domains", "languages"] as const) {
    const offered = new Set(choices[field].map((choice) => Number(choice.value)));
    if (chosen[field].some((id) => !offered.has(id))) errors[field] = ["Choose only from the list."];
  }
  return errors;
}
