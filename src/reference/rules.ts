import { isCountryCode } from "./countries.ts";

/** Splits a list of country codes typed with commas and/or spaces; codes are upper-cased, repeats dropped. */
export function parseCountryCodes(text: string): { codes: string[]; invalid: string[] } {
  const entered = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => code.toUpperCase()),
    ),
  ];
  const valid = (code: string) => /^[A-Z0-9]{2}$/.test(code) && isCountryCode(code);
  return { codes: entered.filter(valid), invalid: entered.filter((code) => !valid(code)) };
}

/** Django's URLField schemes; anything else (javascript:, data:…) would be a link nobody should follow. */
const WEB_SCHEMES = new Set(["http:", "https:", "ftp:", "ftps:"]);

export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return WEB_SCHEMES.has(url.protocol) && url.hostname.includes(".");
}

/**
 * The columns of which at most one row may be true (a curriculum's `unknown` and `mix_match`) that a
 * save sets: those must be cleared on every other row in the same transaction.
 */
export function exclusiveFlagsToClear(
  exclusive: readonly string[],
  values: Readonly<Record<string, unknown>>,
): string[] {
  return exclusive.filter((column) => values[column] === true);
}

/** The unique constraint a database error names, when the error (or one it wraps) is a unique violation. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
    current = cause;
  }
  return undefined;
}

export type RowId = number | string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a row id from the URL; undefined for anything that cannot be an id (so the page is a 404). */
export function parseRowId(param: string, kind: "integer" | "uuid"): RowId | undefined {
  if (kind === "uuid") return UUID.test(param) ? param.toLowerCase() : undefined;
  if (!/^\d{1,9}$/.test(param)) return undefined;
  const id = Number(param);
  return id > 0 ? id : undefined;
}
