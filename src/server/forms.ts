import type { z } from "zod";
import type { FieldErrors } from "../ui/forms.tsx";

/** Maps a zod error to messages per field; errors without a path go under "__all__". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "__all__";
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
}

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string>; lists: Record<string, string[]> };

/**
 * Validates a submitted form; on failure gives the errors and the submitted text to show again.
 * `lists` names the multi-value fields (repeated keys, e.g. a multi-select), which reach the schema
 * as arrays; every other field is its first value.
 */
export function parseForm<T>(
  schema: z.ZodType<T>,
  body: unknown,
  options: { lists?: readonly string[] } = {},
): FormResult<T> {
  const values = submittedValues(body);
  const lists = submittedLists(body, options.lists ?? []);
  const result = schema.safeParse({ ...values, ...lists });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error), values, lists };
}

/** Keeps the text fields of a submission (first value of each), never the CSRF token. */
export function submittedValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== "object") return {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "csrfmiddlewaretoken") continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") values[key] = first;
  }
  return values;
}

/** Every value of each named field, as a list (absent → empty). */
export function submittedLists(body: unknown, names: readonly string[]): Record<string, string[]> {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const lists: Record<string, string[]> = {};
  for (const name of names) {
    const value = record[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    lists[name] = all.filter((item): item is string => typeof item === "string");
  }
  return lists;
}
