import { z } from "zod";
import type { FieldErrors } from "../../ui/forms.tsx";
import { optionalUuid } from "../forms.ts";

// The task form. The create page prefixes its fields (`task-event`, …) as AMY's does; the edit page
// does not. The schema reads unprefixed names: `unprefixed` and `prefixedErrors` translate.

export const TASK_PREFIX = "task-";
export const TASK_FIELDS = ["event", "person", "role", "seat_membership", "allocated_benefit"] as const;

const INVALID_CHOICE = "Choose one of the options offered.";
export const SEAT_MEMBERSHIP_AND_BENEFIT_MESSAGE =
  "Choose either a seat membership or an allocated benefit, not both: a seat counts against only one of them.";
export const TASK_BENEFIT_REMOVED_MESSAGE =
  "The allocated benefit was removed: a seat counted against a membership cannot also use a benefit.";

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

const optionalId = z
  .string()
  .trim()
  .default("")
  .refine((value) => /^(\d{1,9})?$/.test(value), INVALID_CHOICE)
  .transform((value) => (value === "" ? null : Number(value)));

export const taskForm = z
  .object({
    event: requiredId("Choose the event."),
    person: requiredId("Choose the person."),
    role: requiredId("Choose the role."),
    seat_membership: optionalId,
    allocated_benefit: optionalUuid,
  })
  .superRefine((form, context) => {
    if (form.seat_membership !== null && form.allocated_benefit !== null)
      context.addIssue({
        code: "custom",
        path: ["allocated_benefit"],
        message: SEAT_MEMBERSHIP_AND_BENEFIT_MESSAGE,
      });
  });
export type TaskInput = z.infer<typeof taskForm>;

/**
 * The task fields of a submission, without the prefix. Without the service offering the form has no
 * allocated-benefit field, so none is read.
 */
export function unprefixed(
  values: Record<string, string>,
  prefix: string,
  options: { allocatedBenefit: boolean } = { allocatedBenefit: true },
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of TASK_FIELDS) {
    if (name === "allocated_benefit" && !options.allocatedBenefit) continue;
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
