/** The pure rules of the autocomplete lookups: query parameters, patterns, paging and labels. */

import { BadRequestError } from "../server/errors.ts";

export const LOOKUP_PAGE_SIZE = 25;

export interface LookupResult {
  id: number | string;
  text: string;
}

export interface LookupPage<T extends LookupResult = LookupResult> {
  results: T[];
  more: boolean;
}

export interface LookupRequest {
  /** Trimmed; empty means "no filtering". */
  term: string;
  page: number;
  /** Rows to skip and rows to fetch: one more than a page, to learn whether another page exists. */
  offset: number;
  limit: number;
}

function firstValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** `term` and `page` from the query string; a missing or malformed page is the first page. */
export function parseLookupRequest(query: Record<string, unknown>): LookupRequest {
  const term = (firstValue(query.term) ?? "").trim();
  const pageText = firstValue(query.page) ?? "";
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) > 0 ? Number(pageText) : 1;
  return { term, page, offset: (page - 1) * LOOKUP_PAGE_SIZE, limit: LOOKUP_PAGE_SIZE + 1 };
}

/** An optional record id from the query string (`person`, `badge`, `trainee`); anything else is a 400. */
export function optionalId(query: Record<string, unknown>, name: string): number | undefined {
  const text = firstValue(query[name]);
  if (text === undefined || text === "") return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new BadRequestError(`The ${name} parameter must be a record id.`);
  return Number(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional UUID from the query string (`account`), lower-cased; anything else is a 400. */
export function optionalUuid(query: Record<string, unknown>, name: string): string | undefined {
  const text = firstValue(query[name]);
  if (text === undefined || text === "") return undefined;
  if (!UUID.test(text)) throw new BadRequestError(`The ${name} parameter must be a record id.`);
  return text.toLowerCase();
}

/** An optional text parameter (its first value), undefined when absent or empty. */
export function optionalText(query: Record<string, unknown>, name: string): string | undefined {
  const text = firstValue(query[name])?.trim();
  return text ? text : undefined;
}

/** True when the parameter is present at all (even empty), as AMY's `subtag` switch is. */
export function hasParam(query: Record<string, unknown>, name: string): boolean {
  return firstValue(query[name]) !== undefined;
}

/** Rows fetched with `limit = page size + 1` become one page and whether another follows. */
export function toPage<T extends LookupResult>(rows: readonly T[]): LookupPage<T> {
  return { results: rows.slice(0, LOOKUP_PAGE_SIZE), more: rows.length > LOOKUP_PAGE_SIZE };
}

/** A LIKE pattern matching the term anywhere, with the term's own `\`, `%` and `_` taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** "Ada Lovelace" → ["Ada", "Lovelace"]: a term of exactly two words may be a personal and a family name. */
export function twoTokens(term: string): [string, string] | undefined {
  const tokens = term.trim().split(/\s+/);
  return tokens.length === 2 && tokens[0] && tokens[1] ? [tokens[0], tokens[1]] : undefined;
}
