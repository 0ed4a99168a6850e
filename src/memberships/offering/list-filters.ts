// Pure parsing of the offering lists' query strings: tri-state booleans, choices and `order_by`.
import type { ChoiceItem } from "../rules.ts";

export const INVALID_CHOICE = "This is not one of the choices; the list is shown without it.";

/** The choices of a tri-state filter select. */
export const TRI_STATE_CHOICES: readonly ChoiceItem[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

/**
 * Django's NullBooleanField filter: `true`/`True`/`2` → yes, `false`/`False`/`3` → no; anything
 * else means "no filtering".
 */
export function parseTriState(value: string | undefined): boolean | undefined {
  if (value === "true" || value === "True" || value === "2") return true;
  if (value === "false" || value === "False" || value === "3") return false;
  return undefined;
}

/** `true` / `false` / undefined back to the filter select's value. */
export function triStateValue(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

export interface OrderTerm<K extends string> {
  key: K;
  descending: boolean;
}

/**
 * `order_by`: comma-separated field names, each optionally prefixed with `-`. `fields` maps each
 * accepted name to the key the query sorts by (so an alias such as `last_modified_at` can name
 * `last_updated_at`). Any unknown name makes the whole ordering invalid: the list keeps its
 * default order and the filter says why.
 */
export function parseOrdering<K extends string>(
  value: string | undefined,
  fields: Readonly<Record<string, K>>,
): { terms: OrderTerm<K>[]; valid: boolean } {
  if (value === undefined || value.trim() === "") return { terms: [], valid: true };
  const terms: OrderTerm<K>[] = [];
  for (const raw of value.split(",")) {
    const name = raw.trim();
    const descending = name.startsWith("-");
    const field = descending ? name.slice(1) : name;
    const key = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (key === undefined) return { terms: [], valid: false };
    terms.push({ key, descending });
  }
  return { terms, valid: true };
}

/** Ascending and descending options for each field, for the order-by select. */
export function orderChoices(fields: readonly { value: string; label: string }[]): ChoiceItem[] {
  return fields.flatMap((field) => [
    { value: field.value, label: `${field.label} (ascending)` },
    { value: `-${field.value}`, label: `${field.label} (descending)` },
  ]);
}
