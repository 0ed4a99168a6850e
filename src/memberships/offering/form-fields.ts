// zod pieces the offering forms share, with Django's wording where AMY shows it.
import { z } from "zod";
import { type ChoiceItem, isIsoDate, isUuid } from "../rules.ts";

export const REQUIRED = "This field is required.";

/** Required text, trimmed, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(max, `Use at most ${max} characters.`);

/** A checkbox, read as Django's BooleanField reads it: absent, empty or "false" is unticked. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && !["", "false", "0"].includes(value.toLowerCase()));

/** One of the list's values. */
export const requiredChoice = (list: readonly ChoiceItem[]) =>
  z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .refine((value) => list.some((item) => item.value === value), {
      error: (issue) => `Select a valid choice. ${String(issue.input)} is not one of the available choices.`,
    });

/** A whole number at least `min`. */
export const requiredInteger = (min: number) =>
  z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .refine((value) => /^[-+]?\d{1,9}$/.test(value), { error: "Enter a whole number.", abort: true })
    .transform(Number)
    .refine((value) => value >= min, `Ensure this value is greater than or equal to ${min}.`);

const CHOOSE = "Select a valid choice. That choice is not one of the available choices.";

/** A required record id chosen from a select. */
export const requiredId = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .regex(/^\d{1,9}$/, CHOOSE)
  .transform(Number);

/** An optional record id chosen from a select; empty → null. */
export const optionalId = z
  .string()
  .trim()
  .regex(/^(\d{1,9})?$/, CHOOSE)
  .default("")
  .transform((value) => (value === "" ? null : Number(value)));

/** A required UUID chosen from a select. */
export const requiredUuid = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .refine(isUuid, CHOOSE)
  .transform((value) => value.toLowerCase());

/** An optional UUID chosen from a select; empty → null. */
export const optionalUuid = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || isUuid(value), CHOOSE)
  .transform((value) => (value === "" ? null : value.toLowerCase()));

/** An optional `YYYY-MM-DD` date; empty → null (the form decides whether it is required). */
export const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || isIsoDate(value), "Enter a valid date (YYYY-MM-DD).")
  .transform((value) => (value === "" ? null : value));
