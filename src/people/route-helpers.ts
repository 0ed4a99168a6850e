import type { Executor } from "../db/client.ts";
import { NotFoundError } from "../server/errors.ts";
import { findPerson, type PersonRow } from "./queries.ts";

/** The person a URL names, or a 404. */
export async function loadPerson(db: Executor, param: string): Promise<PersonRow> {
  const id = /^\d{1,9}$/.test(param) ? Number(param) : 0;
  const row = id > 0 ? await findPerson(db, id) : undefined;
  if (!row) throw new NotFoundError("There is no person with this id.");
  return row;
}

/** A stored person as the text fields of the person form. */
export function personFormValues(row: PersonRow): Record<string, string> {
  return {
    username: row.username,
    personal: row.personal,
    middle: row.middle,
    family: row.family,
    email: row.email ?? "",
    secondary_email: row.secondaryEmail,
    gender: row.gender,
    gender_other: row.genderOther,
    airport_iata: row.airportIata,
    country: row.country,
    timezone: row.timezone,
    affiliation: row.affiliation,
    github: row.github ?? "",
    twitter: row.twitter ?? "",
    bluesky: row.bluesky ?? "",
    mastodon: row.mastodon ?? "",
    url: row.url,
    occupation: row.occupation,
    orcid: row.orcid,
    user_notes: row.userNotes,
  };
}

export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first !== "" ? first : undefined;
}

/** The integer values of a repeated query parameter; anything else is ignored. */
export function queryList(query: Record<string, unknown>, name: string): string[] {
  const value = query[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((item): item is string => typeof item === "string" && /^\d{1,9}$/.test(item));
}
