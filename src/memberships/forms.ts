// The membership create and edit forms (spec §3.2, §3.3): zod schemas over the posted text, with
// Django's wording for the standard field errors. Rules that need the database (registration codes,
// member count) are checked by the commands.
import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "../comments/index.ts";
import { submittedValues } from "../server/forms.ts";
import { endAfterExtensionsEdit, extensionsChanged } from "./extension.ts";
import {
  type ChoiceItem,
  CONTRIBUTION_TYPES,
  isIsoDate,
  MEMBERSHIP_VARIANTS,
  PUBLIC_STATUSES,
} from "./rules.ts";
import type { membership } from "./schema.ts";

const REQUIRED = "This field is required.";
export const END_BEFORE_START = "Agreement end date can't be before the start date.";
export const EXTENSIONS_BEFORE_START =
  "With these extensions the agreement would end before it starts; make them shorter.";

const requiredText = (max: number) =>
  z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .max(max, `Ensure this value has at most ${max} characters.`);

const optionalText = z.string().default("");

/** A checkbox as Django reads it: absent, empty or "false" is unticked. */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && !["", "false", "0", "off"].includes(value.toLowerCase()));

const choice = (list: readonly ChoiceItem[]) =>
  z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .refine((value) => list.some((item) => item.value === value), {
      error: (issue) => `Select a valid choice. ${String(issue.input)} is not one of the available choices.`,
    });

const date = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .refine((value) => isIsoDate(value), "Enter a valid date (YYYY-MM-DD).");

const WHOLE_NUMBER = /^[-+]?\d{1,9}$/;
const NOT_NEGATIVE = "Ensure this value is greater than or equal to 0.";

/** A required count of zero or more. */
const count = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .refine((value) => WHOLE_NUMBER.test(value), { error: "Enter a whole number.", abort: true })
  .transform(Number)
  .refine((value) => value >= 0, NOT_NEGATIVE);

/** An optional count of zero or more; empty is null. */
const optionalCount = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || WHOLE_NUMBER.test(value), {
    error: "Enter a whole number.",
    abort: true,
  })
  .transform((value) => (value === "" ? null : Number(value)))
  .refine((value) => value === null || value >= 0, NOT_NEGATIVE);

const URL_SCHEMES = new Set(["http:", "https:", "ftp:", "ftps:"]);

/** Django's URLField: a scheme-less address gets `http://`; the result must parse as a web address. */
const agreementLink = requiredText(200)
  .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`))
  .refine((value) => {
    try {
      const url = new URL(value);
      return URL_SCHEMES.has(url.protocol) && url.hostname.includes(".") && !/\s/.test(value);
    } catch {
      return false;
    }
  }, "Enter a valid URL.")
  .refine((value) => value.length <= 200, "Ensure this value has at most 200 characters.");

/** Blank codes are stored as null, so many memberships may have none (spec §3.3 rule 4). */
const registrationCode = z
  .string()
  .trim()
  .default("")
  .refine((value) => value.length <= 40, "Ensure this value has at most 40 characters.")
  .transform((value) => (value === "" ? null : value));

/** The fields the create, edit and roll-over forms share. */
export const membershipFieldsShape = {
  name: requiredText(100),
  consortium: checkbox,
  public_status: choice(PUBLIC_STATUSES),
  variant: choice(MEMBERSHIP_VARIANTS),
  agreement_start: date,
  agreement_end: date,
  contribution_type: choice(CONTRIBUTION_TYPES),
  registration_code: registrationCode,
  agreement_link: agreementLink,
  workshops_without_admin_fee_per_agreement: optionalCount,
  public_instructor_training_seats: count,
  additional_public_instructor_training_seats: count,
  inhouse_instructor_training_seats: count,
  additional_inhouse_instructor_training_seats: count,
  emergency_contact: optionalText,
};

/** Rule 1: the agreement may end on the day it starts, not before. */
function checkDates(form: { agreement_start: string; agreement_end: string }, context: z.RefinementCtx) {
  if (form.agreement_end < form.agreement_start) {
    context.addIssue({ code: "custom", path: ["agreement_end"], message: END_BEFORE_START });
  }
}

const comment = z
  .string()
  .default("")
  .transform((value) => value.trim())
  .refine(
    (value) => value.length <= COMMENT_MAX_LENGTH,
    `A comment is at most ${COMMENT_MAX_LENGTH} characters long.`,
  );

/** MembershipCreateForm (spec §3.2). */
export const membershipCreateForm = z
  .object({
    main_organization: z
      .string({ error: REQUIRED })
      .trim()
      .min(1, REQUIRED)
      .regex(/^\d{1,9}$/, "Select a valid choice. That choice is not one of the available choices.")
      .transform(Number),
    ...membershipFieldsShape,
    comment,
  })
  .superRefine(checkDates);
export type MembershipCreateInput = z.infer<typeof membershipCreateForm>;

/** The pairs of carried-over entitlements: what the old membership gave, what the new one received. */
export const ROLLED_PAIRS = [
  {
    over: "workshops_without_admin_fee_rolled_over",
    from: "workshops_without_admin_fee_rolled_from_previous",
    overColumn: "workshopsWithoutAdminFeeRolledOver",
    fromColumn: "workshopsWithoutAdminFeeRolledFromPrevious",
  },
  {
    over: "public_instructor_training_seats_rolled_over",
    from: "public_instructor_training_seats_rolled_from_previous",
    overColumn: "publicInstructorTrainingSeatsRolledOver",
    fromColumn: "publicInstructorTrainingSeatsRolledFromPrevious",
  },
  {
    over: "inhouse_instructor_training_seats_rolled_over",
    from: "inhouse_instructor_training_seats_rolled_from_previous",
    overColumn: "inhouseInstructorTrainingSeatsRolledOver",
    fromColumn: "inhouseInstructorTrainingSeatsRolledFromPrevious",
  },
] as const;

export type RolledOverField = (typeof ROLLED_PAIRS)[number]["over"];
export type RolledFromField = (typeof ROLLED_PAIRS)[number]["from"];

/** What the edit form shows of a membership: the rolled fields depend on its neighbours. */
export interface EditFormShape {
  /** It has a successor: its `*_rolled_over` fields are on the form. */
  hasSuccessor: boolean;
  /** It has a predecessor: its `*_rolled_from_previous` fields are on the form. */
  hasPredecessor: boolean;
  /** Its stored extensions, one `extensions_N` input each. */
  extensions: readonly number[];
}

export const extensionField = (index: number) => `extensions_${index}`;

/**
 * The posted extension inputs as the new list: an input left empty removes that extension, an input
 * not posted at all keeps the stored value. Each must be a whole number ≥ 0.
 */
function extensionsSchema(stored: readonly number[]) {
  const shape: Record<string, z.ZodType<number | null | undefined>> = {};
  stored.forEach((_, index) => {
    shape[extensionField(index)] = z
      .string()
      .trim()
      .optional()
      .refine((value) => value === undefined || value === "" || WHOLE_NUMBER.test(value), {
        error: "Enter a whole number.",
        abort: true,
      })
      .transform((value) => (value === undefined ? undefined : value === "" ? null : Number(value)))
      .refine((value) => value === undefined || value === null || value >= 0, NOT_NEGATIVE);
  });
  return shape;
}

/** MembershipForm (spec §3.3), shaped for one membership. */
export function membershipEditForm(shape: EditFormShape) {
  const rolled: Record<string, typeof optionalCount> = {};
  for (const pair of ROLLED_PAIRS) {
    if (shape.hasSuccessor) rolled[pair.over] = optionalCount;
    if (shape.hasPredecessor) rolled[pair.from] = optionalCount;
  }
  return z
    .object({ ...membershipFieldsShape, ...rolled, ...extensionsSchema(shape.extensions) })
    .superRefine(checkDates)
    .transform((form, context) => {
      const extensions = shape.extensions.flatMap((stored, index) => {
        const posted = (form as Record<string, unknown>)[extensionField(index)];
        if (posted === undefined) return [stored];
        return posted === null ? [] : [posted as number];
      });
      const changed = extensionsChanged(shape.extensions, extensions);
      const agreementEnd = changed
        ? endAfterExtensionsEdit(form.agreement_end, shape.extensions, extensions)
        : form.agreement_end;
      if (agreementEnd < form.agreement_start) {
        context.addIssue({ code: "custom", path: ["extensions"], message: EXTENSIONS_BEFORE_START });
        return z.NEVER;
      }
      const rolledValues: Partial<Record<RolledOverField | RolledFromField, number | null>> = {};
      const posted = form as Record<string, unknown>;
      for (const pair of ROLLED_PAIRS) {
        if (shape.hasSuccessor) rolledValues[pair.over] = (posted[pair.over] as number | null) ?? null;
        if (shape.hasPredecessor) rolledValues[pair.from] = (posted[pair.from] as number | null) ?? null;
      }
      return {
        ...pickShared(form),
        agreement_end: agreementEnd,
        extensions,
        extensionsChanged: changed,
        rolled: rolledValues,
      };
    });
}

type SharedInput = z.output<z.ZodObject<typeof membershipFieldsShape>>;

function pickShared(form: SharedInput): SharedInput {
  return {
    name: form.name,
    consortium: form.consortium,
    public_status: form.public_status,
    variant: form.variant,
    agreement_start: form.agreement_start,
    agreement_end: form.agreement_end,
    contribution_type: form.contribution_type,
    registration_code: form.registration_code,
    agreement_link: form.agreement_link,
    workshops_without_admin_fee_per_agreement: form.workshops_without_admin_fee_per_agreement,
    public_instructor_training_seats: form.public_instructor_training_seats,
    additional_public_instructor_training_seats: form.additional_public_instructor_training_seats,
    inhouse_instructor_training_seats: form.inhouse_instructor_training_seats,
    additional_inhouse_instructor_training_seats: form.additional_inhouse_instructor_training_seats,
    emergency_contact: form.emergency_contact,
  };
}

export type MembershipEditInput = z.output<ReturnType<typeof membershipEditForm>>;

export type MembershipColumns = Omit<typeof membership.$inferInsert, "id">;

/** The membership's own columns as the shared fields set them. */
export function membershipColumns(form: SharedInput) {
  return {
    name: form.name,
    consortium: form.consortium,
    publicStatus: form.public_status,
    variant: form.variant,
    agreementStart: form.agreement_start,
    agreementEnd: form.agreement_end,
    contributionType: form.contribution_type,
    registrationCode: form.registration_code,
    agreementLink: form.agreement_link,
    workshopsWithoutAdminFeePerAgreement: form.workshops_without_admin_fee_per_agreement,
    publicInstructorTrainingSeats: form.public_instructor_training_seats,
    additionalPublicInstructorTrainingSeats: form.additional_public_instructor_training_seats,
    inhouseInstructorTrainingSeats: form.inhouse_instructor_training_seats,
    additionalInhouseInstructorTrainingSeats: form.additional_inhouse_instructor_training_seats,
    emergencyContact: form.emergency_contact,
  } satisfies MembershipColumns;
}

export type FormValues = Record<string, string | undefined>;

/** The submitted text of a membership form, to show again beside its errors. */
export function membershipFormValues(body: unknown): FormValues {
  return submittedValues(body);
}

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** A stored membership as the edit form's initial values. */
export function editFormValues(row: typeof membership.$inferSelect): FormValues {
  const values: FormValues = {
    name: row.name,
    consortium: row.consortium ? "on" : undefined,
    public_status: row.publicStatus,
    variant: row.variant,
    agreement_start: row.agreementStart,
    agreement_end: row.agreementEnd,
    contribution_type: row.contributionType,
    registration_code: row.registrationCode ?? "",
    agreement_link: row.agreementLink,
    workshops_without_admin_fee_per_agreement: text(row.workshopsWithoutAdminFeePerAgreement),
    public_instructor_training_seats: text(row.publicInstructorTrainingSeats),
    additional_public_instructor_training_seats: text(row.additionalPublicInstructorTrainingSeats),
    inhouse_instructor_training_seats: text(row.inhouseInstructorTrainingSeats),
    additional_inhouse_instructor_training_seats: text(row.additionalInhouseInstructorTrainingSeats),
    emergency_contact: row.emergencyContact,
  };
  for (const pair of ROLLED_PAIRS) {
    values[pair.over] = text(row[pair.overColumn]);
    values[pair.from] = text(row[pair.fromColumn]);
  }
  row.extensions.forEach((days, index) => {
    values[extensionField(index)] = String(days);
  });
  return values;
}

/** The create form's initial values: a private membership with no seats. */
export const CREATE_FORM_DEFAULTS: FormValues = {
  public_status: "private",
  public_instructor_training_seats: "0",
  additional_public_instructor_training_seats: "0",
  inhouse_instructor_training_seats: "0",
  additional_inhouse_instructor_training_seats: "0",
};
