import { z } from "zod";
import { GENDERS } from "../people/index.ts";
import { countryChoices, findAirport } from "../reference/index.ts";
import { fieldErrors } from "../server/forms.ts";
import type { FieldErrors } from "../ui/forms.tsx";
import { locationProblems, referencePoint } from "./rules.ts";
import type { StaffChoices, StaffSearch } from "./staff-queries.ts";

const MULTI_FIELDS = new Set(["country", "languages", "domains", "lessons"]);
const INVALID_CHOICE = "Select a valid choice.";

/** The staff search's query string as the form reads it: lists for the multi-selects, text for the rest. */
export function staffFormInput(query: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    input[name] = MULTI_FIELDS.has(name) ? query.getAll(name) : (query.get(name) ?? "");
  }
  return input;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

function optionalChoice(allowed: ReadonlySet<string>) {
  return optionalText.refine((value) => value === undefined || allowed.has(value), INVALID_CHOICE);
}

function multiChoice(allowed: ReadonlySet<string>) {
  return z
    .array(z.string())
    .default([])
    .refine((values) => values.every((value) => allowed.has(value)), INVALID_CHOICE);
}

function coordinate(limit: number, name: string) {
  return optionalText
    .refine((value) => value === undefined || Number.isFinite(Number(value)), "Enter a number.")
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .refine(
      (value) => value === undefined || Math.abs(value) <= limit,
      `The ${name} must be between -${limit} and ${limit}.`,
    );
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

const idsOf = (rows: readonly { id: number }[]) => new Set(rows.map((row) => String(row.id)));
const toIds = (values: readonly string[]) => values.map(Number);

/** WorkshopStaffForm's fields, each checked against what the form offers. */
export function workshopStaffFields(choices: StaffChoices) {
  return z.object({
    airport_iata: optionalText
      .refine((code) => code === undefined || findAirport(code) !== undefined, "Select a known airport.")
      .transform((code) => code?.toUpperCase()),
    country: multiChoice(new Set(countryChoices().map((choice) => choice.value))),
    continent: optionalChoice(idsOf(choices.continents)),
    latitude: coordinate(90, "latitude"),
    longitude: coordinate(180, "longitude"),
    is_instructor: checkbox,
    is_trainer: checkbox,
    was_helper: checkbox,
    was_organizer: checkbox,
    is_in_progress_trainee: checkbox,
    languages: multiChoice(idsOf(choices.languages)),
    domains: multiChoice(idsOf(choices.domains)),
    gender: optionalChoice(new Set(GENDERS.map((gender) => gender.value))),
    lessons: multiChoice(idsOf(choices.lessons)),
  });
}

export type StaffFormData = z.infer<ReturnType<typeof workshopStaffFields>>;

export interface StaffForm {
  data: StaffFormData;
  errors: FieldErrors;
  valid: boolean;
}

/**
 * Reads the staff search. An invalid form still filters by every field that is valid, but never
 * sorts by distance, since which place to measure from is then unclear.
 */
export function readStaffForm(input: Record<string, string | string[]>, choices: StaffChoices): StaffForm {
  const fields = workshopStaffFields(choices);
  const parsed = fields.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const validInput = Object.fromEntries(Object.entries(input).filter(([name]) => !(name in errors)));
    return { data: fields.parse(validInput), errors, valid: false };
  }
  const problems = locationProblems({
    airport: parsed.data.airport_iata !== undefined,
    countries: parsed.data.country.length > 0,
    latitude: parsed.data.latitude !== undefined,
    longitude: parsed.data.longitude !== undefined,
  });
  if (problems.length > 0) return { data: parsed.data, errors: { __all__: problems }, valid: false };
  return { data: parsed.data, errors: {}, valid: true };
}

export function staffSearchOf(form: StaffForm): StaffSearch {
  const { data } = form;
  const airport = data.airport_iata ? findAirport(data.airport_iata) : undefined;
  return {
    filters: {
      countries: data.country,
      continentId: data.continent === undefined ? undefined : Number(data.continent),
      lessonIds: toIds(data.lessons),
      languageIds: toIds(data.languages),
      domainIds: toIds(data.domains),
      gender: data.gender,
      isInstructor: data.is_instructor,
      isTrainer: data.is_trainer,
      wasHelper: data.was_helper,
      wasOrganizer: data.was_organizer,
      isInProgressTrainee: data.is_in_progress_trainee,
    },
    from: form.valid
      ? referencePoint(
          airport && { lat: airport.latitude, lng: airport.longitude },
          data.latitude,
          data.longitude,
        )
      : undefined,
  };
}

/** The `person_id` values of a review submission that are ids; none when the field is missing. */
export function reviewedPersonIds(body: unknown): number[] {
  const raw = body && typeof body === "object" ? (body as Record<string, unknown>).person_id : undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  return values
    .filter((value): value is string => typeof value === "string" && /^\d{1,9}$/.test(value))
    .map(Number);
}
