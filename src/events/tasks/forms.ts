import { z } from "zod";
import type { FieldErrors } from "../../ui/forms.tsx";

// The task form. The create page prefixes its fields (`task-event`, …) as AMY's does; the edit page
// does not. The schema reads unprefixed names: `unprefixed` and `prefixedErrors` translate.

export const TASK_PREFIX = "task-";
export const TASK_FIELDS = ["event", "person", "role"] as const;

const INVALID_CHOICE = "Choose one of the options offered.";

function requiredId(missing: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(
      z
        .string()
        .min(1, missing)
        .regex(/^\d{1,9}$/, INVALID_CHOICE)
        .transform(Number),
    );
}

export const taskForm = z.object({
  event: requiredId("Choose the event."),
  person: requiredId("Choose the person."),
  role: requiredId("Choose the role."),
});
export type TaskInput = z.infer<typeof taskForm>;

/** The task fields of a submission, without the prefix. */
export function unprefixed(values: Record<string, string>, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of TASK_FIELDS) {
    const value = values[`${prefix}${name}`];
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

/** Field errors renamed to the form's prefixed field names (non-field errors stay as they are). */
export function prefixedErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([name, messages]) => [
      name === "__all__" ? name : `${prefix}${name}`,
      messages,
    ]),
  );
}

/** The create page's prefill from `?event=&person=&role=` links. */
export function prefilledValues(query: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of TASK_FIELDS) {
    const raw = Array.isArray(query[name]) ? query[name][0] : query[name];
    if (typeof raw === "string" && raw !== "") values[`${TASK_PREFIX}${name}`] = raw;
  }
  return values;
}
