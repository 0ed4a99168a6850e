import { z } from "zod";
import { findAirport, isCountryCode } from "../reference/index.ts";
import type { FieldErrors } from "../ui/forms.tsx";
import type { PersonLinks } from "./queries.ts";
import {
  BLUESKY_PATTERN,
  GENDERS,
  GITHUB_MAX_LENGTH,
  GITHUB_PATTERN,
  MASTODON_PATTERN,
  ORCID_PATTERN,
  type PersonFields,
  USERNAME_PATTERN,
} from "./rules.ts";

const TIMEZONES = new Set(Intl.supportedValuesOf("timeZone"));

export function timezoneChoices(): { value: string; label: string }[] {
  return [...TIMEZONES].sort().map((zone) => ({ value: zone, label: zone }));
}

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address.")
  .default("");

const ids = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/, "Choose from the list.")
      .transform(Number),
  )
  .default([]);

const personSchema = z
  .object({
    personal: z
      .string()
      .trim()
      .min(1, "Enter the personal (first) name.")
      .max(100, "Use at most 100 characters."),
    middle: text(100),
    family: text(100),
    email: optionalEmail,
    secondary_email: optionalEmail,
    gender: z.enum(GENDERS.map((g) => g.value) as [string, ...string[]], "Choose one of the options."),
    gender_other: text(100),
    airport_iata: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "Choose the nearest major airport.")
      .refine((code) => findAirport(code) !== undefined, {
        error: (issue) => `Invalid IATA code: ${issue.input}`,
      }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => code === "" || isCountryCode(code), "Choose a country from the list.")
      .default(""),
    timezone: z
      .string()
      .trim()
      .refine((zone) => zone === "" || TIMEZONES.has(zone), "Choose a time zone from the list.")
      .default(""),
    affiliation: text(100),
    github: text(GITHUB_MAX_LENGTH).refine(
      (value) => value === "" || GITHUB_PATTERN.test(value),
      "This is not a valid GitHub username.",
    ),
    twitter: text(100),
    bluesky: text(100).refine(
      (value) => value === "" || BLUESKY_PATTERN.test(value),
      "Enter a Bluesky handle such as alice.bsky.social (without @).",
    ),
    mastodon: text(100).refine(
      (value) => value === "" || MASTODON_PATTERN.test(value),
      "Enter a Mastodon handle such as alice@mastodon.social (not a link, no leading @).",
    ),
    url: text(100),
    occupation: text(100),
    orcid: text(100).refine(
      (value) => value === "" || ORCID_PATTERN.test(value),
      "Enter the full ORCID link, such as https://orcid.org/0000-0002-1825-0097.",
    ),
    user_notes: z.string().default(""),
    lessons: ids,
    domains: ids,
    languages: ids,
  })
  .superRefine((form, context) => {
    if (form.gender === "O" && form.gender_other === "")
      context.addIssue({
        code: "custom",
        path: ["gender"],
        message: "Describe the gender in the box beside “Other”.",
      });
    if (form.gender !== "O" && form.gender_other !== "")
      context.addIssue({
        code: "custom",
        path: ["gender"],
        message: "Choose “Other” to describe the gender in your own words, or empty the box.",
      });
  });

export const personCreateForm = personSchema.and(
  z.object({ comment: z.string().trim().max(3000).default("") }),
);

export const personEditForm = personSchema.and(
  z.object({
    username: z
      .string()
      .trim()
      .min(1, "Enter a username.")
      .max(100, "Use at most 100 characters.")
      .regex(USERNAME_PATTERN, "Use only letters, digits, “_” and “-”."),
  }),
);

export type PersonFormData = z.output<typeof personSchema>;

/** The multi-value fields of the person form, which arrive as repeated keys. */
export const PERSON_LIST_FIELDS = ["lessons", "domains", "languages"] as const;

export function toPersonFields(form: PersonFormData): PersonFields {
  return {
    personal: form.personal,
    middle: form.middle,
    family: form.family,
    email: form.email || null,
    secondaryEmail: form.secondary_email,
    gender: form.gender,
    genderOther: form.gender_other,
    airportIata: form.airport_iata,
    country: form.country,
    timezone: form.timezone,
    github: form.github || null,
    twitter: form.twitter || null,
    bluesky: form.bluesky || null,
    mastodon: form.mastodon || null,
    url: form.url,
    affiliation: form.affiliation,
    occupation: form.occupation,
    orcid: form.orcid,
    userNotes: form.user_notes,
  };
}

export function toPersonLinks(form: PersonFormData): PersonLinks {
  return { lessonIds: form.lessons, domainIds: form.domains, languageIds: form.languages };
}

export type { FieldErrors };
