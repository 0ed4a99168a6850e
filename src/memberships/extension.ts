// Extending an agreement: the dates of a membership (§2.9, §3.6) or a partnership (§2.13, §3.9a),
// and a partnership's credits (§3.9b). The forms, the arithmetic and the comments each leaves.
import { z } from "zod";
import { addDays, daysBetween, isIsoDate } from "./rules.ts";

/**
 * Room for the user's text in a comment (at most 3000 characters, COMMENT_MAX_LENGTH) once the
 * first lines are written. A literal, not an import, so loading this file never loads the comments
 * module's routes.
 */
export const EXTENSION_COMMENT_MAX_LENGTH = 2800;
/** PostgreSQL's `integer`. */
const MAX_INTEGER = 2_147_483_647;

const comment = z
  .string()
  .default("")
  .transform((value) => value.trim())
  .refine(
    (value) => value.length <= EXTENSION_COMMENT_MAX_LENGTH,
    `A comment is at most ${EXTENSION_COMMENT_MAX_LENGTH} characters long.`,
  );

const NEW_END_REQUIRED = "Enter the new end date.";

/**
 * The extend-dates form for an agreement currently ending on `currentEnd`. Only `new_agreement_end`
 * and `comment` are read: the start, current end and extension shown on the page are not inputs.
 */
export function extensionForm(currentEnd: string) {
  return z.object({
    new_agreement_end: z
      .string({ error: NEW_END_REQUIRED })
      .trim()
      .min(1, { error: NEW_END_REQUIRED, abort: true })
      .refine(isIsoDate, { error: "Enter a valid date as YYYY-MM-DD.", abort: true })
      .refine(
        (value) => value > currentEnd,
        `The new end date must be later than the current end date (${currentEnd}).`,
      ),
    comment,
  });
}
export type ExtensionInput = z.infer<ReturnType<typeof extensionForm>>;

/** An extension of `days` days is recorded in `extensions`; the end date already includes them all. */
export function extendDates(
  current: { agreementEnd: string; extensions: readonly number[] },
  newEnd: string,
): { days: number; agreementEnd: string; extensions: number[] } {
  const days = daysBetween(current.agreementEnd, newEnd);
  return { days, agreementEnd: newEnd, extensions: [...current.extensions, days] };
}

/** The days an extension would add, for the read-only "extension" box (0 until a later date is given). */
export function extensionDays(currentEnd: string, newEnd: string | undefined): number {
  if (!newEnd || !isIsoDate(newEnd) || newEnd <= currentEnd) return 0;
  return daysBetween(currentEnd, newEnd);
}

/** A first line, a blank line, `----`, a blank line, then what the user wrote (possibly nothing). */
function withUserText(firstLine: string, userText: string): string {
  return `${firstLine}\n\n----\n\n${userText}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${Math.abs(n) === 1 ? one : many}`;

/** The comment left by extending a membership's or partnership's dates. */
export function extensionComment(
  kind: "membership" | "partnership",
  days: number,
  today: string,
  newEnd: string,
  userText: string,
): string {
  const what = kind === "membership" ? "Membership" : "Partnership";
  return withUserText(
    `${what} extended by ${plural(days, "day", "days")} on ${today}; the agreement now ends on ${newEnd}.`,
    userText,
  );
}

/** The comment left by extending a partnership's credits. */
export function creditsExtensionComment(
  diff: number,
  today: string,
  newCredits: number,
  userText: string,
): string {
  return withUserText(
    `Partnership credits extended by ${plural(diff, "credit", "credits")} on ${today}; the partnership now has ${plural(newCredits, "credit", "credits")}.`,
    userText,
  );
}

// ---------------------------------------------------------------------------------------------
// Editing the recorded extensions on the membership edit page (§2.6 step 2)

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The end date after the extension values changed: moved by the difference of their sums. */
export function endAfterExtensionsEdit(
  agreementEnd: string,
  oldExtensions: readonly number[],
  newExtensions: readonly number[],
): string {
  return addDays(agreementEnd, sum(newExtensions) - sum(oldExtensions));
}

/** Whether two extension lists differ (in any value or in length). */
export function extensionsChanged(
  oldExtensions: readonly number[],
  newExtensions: readonly number[],
): boolean {
  return (
    oldExtensions.length !== newExtensions.length ||
    oldExtensions.some((value, index) => value !== newExtensions[index])
  );
}

/** The comment left when extension values were edited by hand: the new values and the new end date. */
export function extensionsChangedComment(extensions: readonly number[], newEnd: string): string {
  const values = extensions.length > 0 ? `${extensions.join(", ")} days` : "none";
  return `Extensions changed to: ${values}. The agreement now ends on ${newEnd}.`;
}

// ---------------------------------------------------------------------------------------------
// Extending a partnership's credits (§3.9b)

const NEW_CREDITS_REQUIRED = "Enter the new number of credits.";

/** The extend-credits form for a partnership currently allowed `currentCredits`. */
export function creditsExtensionForm(currentCredits: number) {
  return z.object({
    new_credits: z
      .string({ error: NEW_CREDITS_REQUIRED })
      .trim()
      .min(1, { error: NEW_CREDITS_REQUIRED, abort: true })
      .refine((value) => /^-?\d+$/.test(value), { error: "Enter a whole number.", abort: true })
      .transform(Number)
      .refine((value) => Math.abs(value) <= MAX_INTEGER, { error: "Enter a smaller number.", abort: true })
      .refine(
        (value) => value > currentCredits,
        `The new number of credits must be larger than the current one (${currentCredits}).`,
      ),
    comment,
  });
}
export type CreditsExtensionInput = z.infer<ReturnType<typeof creditsExtensionForm>>;

/** A credit extension adds `diff` credits, recorded in `creditsExtensions`. */
export function extendCredits(
  current: { credits: number; creditsExtensions: readonly number[] },
  newCredits: number,
): { diff: number; credits: number; creditsExtensions: number[] } {
  const diff = newCredits - current.credits;
  return { diff, credits: newCredits, creditsExtensions: [...current.creditsExtensions, diff] };
}
