import { z } from "zod";
import type { Choice } from "../ui/forms.tsx";
import { isWebAddress, parseCountryCodes } from "./rules.ts";

// The building blocks of the reference forms: each field knows its form name (AMY's), the column it
// fills, how it is shown and the zod rule that turns the submitted text into the column's value.

export type FieldKind = "text" | "textarea" | "integer" | "checkbox" | "choice" | "url" | "countries";

export interface FieldSpec {
  /** The form field name, as in AMY's admin. */
  name: string;
  /** The Drizzle column key the value goes to. */
  column: string;
  label: string;
  kind: FieldKind;
  rule: z.ZodType<unknown>;
  required: boolean;
  maxLength?: number | undefined;
  help?: string | undefined;
  choices?: readonly Choice[] | undefined;
  /** What an add form starts with. */
  initial?: string | undefined;
  /** Checked for duplicates before saving, and named when the database reports a unique violation. */
  unique: boolean;
}

interface TextOptions {
  max: number;
  required?: boolean;
  unique?: boolean;
  help?: string;
}

const submitted = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

function lengthRule(label: string, options: TextOptions) {
  const limited = z.string().max(options.max, `The ${label} can be at most ${options.max} characters long.`);
  return options.required ? limited.min(1, `Enter the ${label}.`) : limited;
}

export function textField(name: string, column: string, label: string, options: TextOptions): FieldSpec {
  return {
    name,
    column,
    label,
    kind: "text",
    rule: submitted.pipe(lengthRule(label.toLowerCase(), options)),
    required: options.required ?? false,
    maxLength: options.max,
    help: options.help,
    unique: options.unique ?? false,
  };
}

export function textAreaField(name: string, column: string, label: string, options: TextOptions): FieldSpec {
  return { ...textField(name, column, label, options), kind: "textarea" };
}

/** A machine name: letters, digits, hyphens and underscores, as Django's SlugField. */
export function slugField(name: string, column: string, label: string, options: TextOptions): FieldSpec {
  const slug = lengthRule(label.toLowerCase(), options).regex(
    /^[-a-zA-Z0-9_]*$/,
    `The ${label.toLowerCase()} may hold only letters, digits, hyphens and underscores.`,
  );
  return { ...textField(name, column, label, options), rule: submitted.pipe(slug) };
}

const MAX_INTEGER = 2_147_483_647;

export function nonNegativeIntegerField(
  name: string,
  column: string,
  label: string,
  help?: string,
): FieldSpec {
  const message = `The ${label.toLowerCase()} must be a whole number, 0 or more.`;
  return {
    name,
    column,
    label,
    kind: "integer",
    rule: submitted
      .pipe(z.string().regex(/^\d{1,10}$/, message))
      .transform(Number)
      .refine((value) => value <= MAX_INTEGER, message),
    required: true,
    help,
    initial: "0",
    unique: false,
  };
}

export function checkboxField(name: string, column: string, label: string, help?: string): FieldSpec {
  return {
    name,
    column,
    label,
    kind: "checkbox",
    rule: z
      .string()
      .optional()
      .transform((value) => value !== undefined && value !== ""),
    required: false,
    help,
    unique: false,
  };
}

export function choiceField(
  name: string,
  column: string,
  label: string,
  choices: readonly Choice[],
): FieldSpec {
  const values = new Set(choices.map((choice) => choice.value));
  return {
    name,
    column,
    label,
    kind: "choice",
    rule: submitted.refine((value) => values.has(value), "Choose one of the options."),
    required: false,
    choices,
    unique: false,
  };
}

export function urlField(name: string, column: string, label: string, max: number): FieldSpec {
  return {
    name,
    column,
    label,
    kind: "url",
    rule: submitted
      .pipe(z.string().max(max, `The ${label.toLowerCase()} can be at most ${max} characters long.`))
      .refine(
        (value) => value === "" || isWebAddress(value),
        "Enter a full web address starting with https:// (or http://), or leave this empty.",
      ),
    required: false,
    maxLength: max,
    unique: false,
  };
}

/** ISO 3166 two-letter codes (plus EU and W3), stored as django-countries does: comma-separated. */
export function countriesField(name: string, column: string, label: string, max: number): FieldSpec {
  return {
    name,
    column,
    label,
    kind: "countries",
    rule: submitted.transform((text, context) => {
      const { codes, invalid } = parseCountryCodes(text);
      if (invalid.length > 0) {
        context.addIssue({ code: "custom", message: `These are not country codes: ${invalid.join(", ")}.` });
        return z.NEVER;
      }
      const stored = codes.join(",");
      if (stored.length > max) {
        context.addIssue({
          code: "custom",
          message: `Too many countries: at most ${max} characters in all.`,
        });
        return z.NEVER;
      }
      return stored;
    }),
    required: false,
    help: "Two-letter ISO codes separated by commas or spaces, e.g. “FR, DE, EU”.",
    unique: false,
  };
}

/** The zod schema of a table's form: form field name → column value. */
export function formSchema(fields: readonly FieldSpec[]) {
  return z.object(Object.fromEntries(fields.map((field) => [field.name, field.rule])));
}

/** The column values of a valid submission. */
export function columnValues(
  fields: readonly FieldSpec[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.column, data[field.name]]));
}

/** A stored row as the text its form shows. */
export function formValues(
  fields: readonly FieldSpec[],
  row: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = row[field.column];
      if (field.kind === "checkbox") return [field.name, value ? "on" : ""];
      if (field.kind === "countries") return [field.name, String(value ?? "").replaceAll(",", ", ")];
      if (value === undefined) return [field.name, field.initial ?? ""];
      return [field.name, value === null ? "" : String(value)];
    }),
  );
}
