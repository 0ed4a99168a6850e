import { z } from "zod";
import { isIsoDate } from "./rules.ts";

// The award form keeps AMY's prefix: its fields are posted as `award-person`, `award-badge`, …

const text = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

const INVALID_CHOICE = "Choose one of the options offered.";

function requiredId(missing: string) {
  return text.pipe(
    z
      .string()
      .min(1, missing)
      .regex(/^\d{1,9}$/, INVALID_CHOICE)
      .transform(Number),
  );
}

const optionalId = text.pipe(
  z
    .string()
    .regex(/^(\d{1,9})?$/, INVALID_CHOICE)
    .transform((value) => (value ? Number(value) : null)),
);

export const awardForm = z.object({
  "award-person": requiredId("Choose the person who earned the badge."),
  "award-badge": requiredId("Choose a badge."),
  "award-awarded": text.pipe(
    z
      .string()
      .min(1, "Enter the date of the award.")
      .refine(isIsoDate, "Enter a date as YYYY-MM-DD, e.g. 2026-03-01."),
  ),
  "award-event": optionalId,
  "award-awarded_by": optionalId,
});
export type AwardInput = z.infer<typeof awardForm>;

/** The form's fields a link may fill in and lock (`?badge=<id>`, `?person=<id>`). */
export type LockedAwardFields = Partial<Record<"award-badge" | "award-person", string>>;

/** Reads `badge` and `person` from the query string: those fields are then shown fixed and win over the POST. */
export function lockedAwardFields(query: Record<string, unknown>): LockedAwardFields {
  const locked: LockedAwardFields = {};
  const badge = firstString(query.badge);
  const person = firstString(query.person);
  if (badge !== undefined) locked["award-badge"] = badge;
  if (person !== undefined) locked["award-person"] = person;
  return locked;
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
