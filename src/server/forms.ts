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
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validates a submitted form; on failure gives the errors and the submitted text to show again. */
export function parseForm<T>(schema: z.ZodType<T>, body: unknown): FormResult<T> {
  const values = submittedValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error), values };
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
