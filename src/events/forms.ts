import { z } from "zod";
import { isCountryCode } from "../reference/index.ts";
import {
  END_BEFORE_START_MESSAGE,
  endsBeforeStart,
  isGithubRepositoryUrl,
  isHttpUrl,
  joinContacts,
  MEMBERSHIP_AND_BENEFIT_MESSAGE,
  SLUG_CHARACTERS,
  SLUG_FORMAT,
  SLUG_FORMAT_MESSAGE,
  withDefaultScheme,
} from "./form-rules.ts";
import {
  COLLECTIONS,
  canCombine,
  type MergeChoices,
  SIDES,
  SIMPLE_FIELDS,
  WITH_COMBINE,
} from "./merge-rules.ts";
import type { event } from "./schema.ts";

const REQUIRED = "This field is required.";

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");

const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "" && value !== "false");

const requiredId = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .regex(/^\d{1,9}$/, "Choose from the list.")
  .transform(Number);

const optionalId = z
  .string()
  .trim()
  .regex(/^(\d{1,9})?$/, "Choose from the list.")
  .default("")
  .transform((value) => (value === "" ? null : Number(value)));

const ids = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/, "Choose from the list.")
      .transform(Number),
  )
  .default([]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record with a UUID key, chosen from a list (account benefit, event category). */
export const optionalUuid = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || UUID.test(value), "Choose from the list.")
  .transform((value) => (value === "" ? null : value.toLowerCase()));

const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine(
    (value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))),
    "Enter a valid date.",
  )
  .transform((value) => (value === "" ? null : value));

const optionalNumber = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || Number.isFinite(Number(value)), "Enter a number.")
  .transform((value) => (value === "" ? null : Number(value)));

const eventSchema = z
  .object({
    slug: z
      .string({ error: REQUIRED })
      .trim()
      .min(1, REQUIRED)
      .max(100, "Use at most 100 characters.")
      .refine((value) => SLUG_CHARACTERS.test(value), {
        error: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
        abort: true,
      })
      .refine((value) => SLUG_FORMAT.test(value), SLUG_FORMAT_MESSAGE),
    completed: checkbox,
    start: optionalDate,
    end: optionalDate,
    host: requiredId,
    sponsor: requiredId,
    administrator: requiredId,
    public_status: z.enum(["public", "private"], "Choose one of the options.").default("public"),
    assigned_to: optionalId,
    curricula: ids,
    lessons: ids,
    tags: ids.refine((list) => list.length > 0, REQUIRED),
    open_TTT_applications: checkbox,
    url: text(100).refine((value) => !isGithubRepositoryUrl(value), "Enter a valid value."),
    language: optionalId,
    reg_key: text(20),
    manual_attendance: z
      .string()
      .trim()
      .default("")
      .refine((value) => /^-?\d{0,9}$/.test(value), "Enter a whole number.")
      .transform((value) => (value === "" ? 0 : Number(value)))
      .refine((value) => value >= 0, "Ensure this value is greater than or equal to 0."),
    contact: z
      .array(z.string())
      .default([])
      .transform(joinContacts)
      .refine((value) => value.length <= 255, "Use at most 255 characters in all."),
    instructors_pre: z
      .string()
      .trim()
      .max(200, "Use at most 200 characters.")
      .default("")
      .transform(withDefaultScheme)
      .refine((value) => value === "" || isHttpUrl(value), "Enter a valid URL."),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .default("")
      .refine((code) => code === "" || isCountryCode(code), "Choose a country from the list."),
    venue: text(255),
    address: text(350),
    latitude: optionalNumber,
    longitude: optionalNumber,
    comment: z.string().trim().max(3000, "Use at most 3000 characters.").default(""),
    membership: optionalId,
    allocated_benefit: optionalUuid,
    event_category: optionalUuid,
  })
  .superRefine((form, context) => {
    if (endsBeforeStart(form.start, form.end))
      context.addIssue({ code: "custom", path: ["end"], message: END_BEFORE_START_MESSAGE });
    if (form.membership !== null && form.allocated_benefit !== null)
      context.addIssue({
        code: "custom",
        path: ["allocated_benefit"],
        message: MEMBERSHIP_AND_BENEFIT_MESSAGE,
      });
  });

export const eventForm = eventSchema;
export type EventFormData = z.output<typeof eventSchema>;

/** The multi-value fields of the event form, which arrive as repeated keys. */
export const EVENT_LIST_FIELDS = ["tags", "curricula", "lessons", "contact"] as const;

export type EventColumns = Omit<typeof event.$inferInsert, "id">;

/**
 * The event's own columns as the form sets them (the legacy columns keep their values). Without the
 * service offering the form has no allocated-benefit field, so the stored benefit is left alone.
 */
export function toEventFields(form: EventFormData, options: { allocatedBenefit: boolean }) {
  return {
    ...(options.allocatedBenefit ? { allocatedBenefitId: form.allocated_benefit } : {}),
    membershipId: form.membership,
    eventCategoryId: form.event_category,
    slug: form.slug,
    completed: form.completed,
    start: form.start,
    end: form.end,
    hostId: form.host,
    sponsorId: form.sponsor,
    administratorId: form.administrator,
    assignedToId: form.assigned_to,
    languageId: form.language,
    url: form.url === "" ? null : form.url,
    regKey: form.reg_key,
    manualAttendance: form.manual_attendance,
    contact: form.contact,
    country: form.country === "" ? null : form.country,
    venue: form.venue,
    address: form.address,
    latitude: form.latitude,
    longitude: form.longitude,
    instructorsPre: form.instructors_pre,
    openTttApplications: form.open_TTT_applications,
    publicStatus: form.public_status,
  } satisfies EventColumns;
}

export type EventFields = ReturnType<typeof toEventFields>;

export interface EventLinks {
  tagIds: number[];
  curriculumIds: number[];
  /** Undefined on create, where the form has no lessons: nothing to change. */
  lessonIds?: number[] | undefined;
}

export function toEventLinks(form: EventFormData, mode: "create" | "edit"): EventLinks {
  return {
    tagIds: form.tags,
    curriculumIds: form.curricula,
    lessonIds: mode === "edit" ? form.lessons : undefined,
  };
}

/** A radio group: one of `options`, with Django's wording for anything else. */
function choiceOf(options: readonly string[]) {
  return z
    .string({ error: "This field is required." })
    .refine((value) => value.length > 0, { error: "This field is required.", abort: true })
    .refine((value) => options.includes(value), {
      error: (issue) => `Select a valid choice. ${String(issue.input)} is not one of the available choices.`,
    });
}

export const eventsMergeForm = z.object({
  id: choiceOf(SIDES),
  ...Object.fromEntries(
    [...SIMPLE_FIELDS, ...COLLECTIONS].map((field) => [
      field.name,
      choiceOf(canCombine(field.name) ? WITH_COMBINE : SIDES),
    ]),
  ),
}) as unknown as z.ZodType<MergeChoices>;

/** The merge form as first shown: event A's side everywhere. */
export function initialMergeValues(): Record<string, string> {
  const values: Record<string, string> = { id: "obj_a" };
  for (const field of [...SIMPLE_FIELDS, ...COLLECTIONS]) values[field.name] = "obj_a";
  return values;
}
