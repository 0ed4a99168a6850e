import { z } from "zod";
import { submittedLists, submittedValues } from "../../server/forms.ts";

const name = z
  .string({ error: "Enter the consortium's name." })
  .trim()
  .min(1, "Enter the consortium's name.")
  .max(100, "A name is at most 100 characters long.");

const description = z
  .string({ error: "Enter a description." })
  .trim()
  .min(1, "Enter a description.")
  .max(255, "A description is at most 255 characters long.");

const organisations = z
  .array(z.string())
  .default([])
  .transform((values) => values.filter((value) => value !== ""))
  .refine((values) => values.every((value) => /^\d{1,9}$/.test(value)), "Choose organisations from the list.")
  .transform((values) => [...new Set(values.map(Number))]);

/** ConsortiumForm (spec §3.7). */
export const consortiumForm = z.object({ name, description, organisations });
export type ConsortiumInput = z.infer<typeof consortiumForm>;

export type ConsortiumFormValues = Record<string, string | string[]>;

/** The submitted text fields, plus every chosen organisation. */
export function consortiumFormValues(body: unknown): ConsortiumFormValues {
  return { ...submittedValues(body), ...submittedLists(body, ["organisations"]) };
}
