import { z } from "zod";
import {
  COLLECTION_CHOICES,
  COLLECTIONS,
  CONSENT_CHOICES,
  type MergeChoices,
  SIDES,
  SIMPLE_FIELDS,
} from "./rules.ts";

/** A radio group: one of `options`; anything else is refused the way Django's ChoiceField refuses it. */
function choiceOf<const T extends readonly [string, ...string[]]>(options: T) {
  return z
    .string({ error: "This field is required." })
    .refine((value) => value.length > 0, { error: "This field is required.", abort: true })
    .refine((value): value is T[number] => options.includes(value), {
      error: (issue) => `Select a valid choice. ${String(issue.input)} is not one of the available choices.`,
      abort: true,
    })
    .transform((value) => value as T[number]);
}

export const personsMergeForm: z.ZodType<MergeChoices> = z.object({
  id: choiceOf(SIDES),
  ...Object.fromEntries(SIMPLE_FIELDS.map((field) => [field.name, choiceOf(SIDES)])),
  ...Object.fromEntries(COLLECTIONS.map((collection) => [collection.name, choiceOf(COLLECTION_CHOICES)])),
  consent_set: choiceOf(CONSENT_CHOICES),
}) as unknown as z.ZodType<MergeChoices>;

/** The merge form as first shown: the first person's side everywhere, consents by most recent. */
export function initialMergeValues(): Record<string, string> {
  const values: Record<string, string> = { id: "obj_a", consent_set: "most_recent" };
  for (const field of SIMPLE_FIELDS) values[field.name] = "obj_a";
  for (const collection of COLLECTIONS) values[collection.name] = "obj_a";
  return values;
}
