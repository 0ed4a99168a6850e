import { z } from "zod";

export const TERM_MAX_LENGTH = 100;

/** AMY's SearchForm: the term is trimmed before it is checked, as Django's CharField does. */
export const searchForm = z.object({
  term: z
    .string({ error: "Enter what to search for." })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, "Enter what to search for.")
        .max(TERM_MAX_LENGTH, `The search term is at most ${TERM_MAX_LENGTH} characters long.`),
    ),
  // A checkbox, read as Django's BooleanField reads it.
  no_redirect: z
    .string()
    .optional()
    .transform((value) => value !== undefined && !["", "false", "0"].includes(value.toLowerCase())),
});
export type SearchInput = z.infer<typeof searchForm>;
