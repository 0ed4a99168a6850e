// Forms of the membership workflows: the members and persons formsets (§2.7, §2.8, rows per §3.5)
// and the roll-over form (§3.4). The extend form is shared with partnerships (extension.ts).
import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "../comments/index.ts";
import { submittedValues } from "../server/forms.ts";
import { type FormValues, membershipFieldsShape, ROLLED_PAIRS } from "./forms.ts";
import { addDays, addOneYearMinusOneDay } from "./rules.ts";
import type { membership } from "./schema.ts";

/** The fields of a members row (besides id, EDITABLE, DELETE and the parent `membership`). */
export const MEMBER_FIELDS = ["organization", "role"] as const;
/** The fields of a persons (membership tasks) row. */
export const PERSON_FIELDS = ["person", "role"] as const;

export const MEMBER_DUPLICATE = "This organisation already has this role in the membership.";
export const PERSON_DUPLICATE = "This person already has this role in the membership.";
export const CHOOSE_ORGANIZATION = "Select a valid choice: choose an organisation from the list.";
export const CHOOSE_PERSON = "Select a valid choice: choose a person from the list.";
export const CHOOSE_ROLE = "Select a valid choice: choose a role from the list.";

/** A posted id of a select: a whole positive number, or undefined. */
export function postedId(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Roll-over (§3.4)

/** The most each `*_rolled_from_previous` may carry: what the old membership has left (never < 0). */
export interface RolledMaxima {
  workshops_without_admin_fee_rolled_from_previous: number;
  public_instructor_training_seats_rolled_from_previous: number;
  inhouse_instructor_training_seats_rolled_from_previous: number;
}

const WHOLE_NUMBER = /^[-+]?\d{1,9}$/;

/** A checkbox as Django reads it: absent, empty or "false" is unticked. */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "" && value.toLowerCase() !== "false");

/** An optional count between 0 and `max`; empty is null. */
const boundedCount = (max: number) =>
  z
    .string()
    .trim()
    .default("")
    .refine((value) => value === "" || WHOLE_NUMBER.test(value), {
      error: "Enter a whole number.",
      abort: true,
    })
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || value >= 0, "The value must be ≥ 0.")
    .refine(
      (value) => value === null || value <= max,
      `The value must be ≤ ${max}: that is what the previous membership has left.`,
    );

const comment = z
  .string()
  .default("")
  .transform((value) => value.trim())
  .refine(
    (value) => value.length <= COMMENT_MAX_LENGTH,
    `A comment is at most ${COMMENT_MAX_LENGTH} characters long.`,
  );

const { consortium: _readOnly, ...sharedFields } = membershipFieldsShape;

/** MembershipRollOverForm: the membership fields (consortium read-only) plus what to carry over. */
export function rollOverForm(maxima: RolledMaxima) {
  return z
    .object({
      ...sharedFields,
      copy_members: checkbox,
      copy_membership_tasks: checkbox,
      workshops_without_admin_fee_rolled_from_previous: boundedCount(
        maxima.workshops_without_admin_fee_rolled_from_previous,
      ),
      public_instructor_training_seats_rolled_from_previous: boundedCount(
        maxima.public_instructor_training_seats_rolled_from_previous,
      ),
      inhouse_instructor_training_seats_rolled_from_previous: boundedCount(
        maxima.inhouse_instructor_training_seats_rolled_from_previous,
      ),
      comment,
    })
    .superRefine((form, context) => {
      if (form.agreement_end < form.agreement_start) {
        context.addIssue({
          code: "custom",
          path: ["agreement_end"],
          message: "Agreement end date can't be before the start date.",
        });
      }
    });
}
export type RollOverInput = z.output<ReturnType<typeof rollOverForm>>;

const text = (value: number | null) => (value === null ? "" : String(value));

/**
 * The roll-over form's first values: the old membership's terms, a year-long agreement starting the
 * day after the old one ends, nothing carried over yet, both copy boxes ticked. The registration
 * code starts empty: codes are unique, so the old one could never be saved again.
 */
export function rollOverInitialValues(old: typeof membership.$inferSelect): FormValues {
  const start = addDays(old.agreementEnd, 1);
  const values: FormValues = {
    name: old.name,
    public_status: old.publicStatus,
    variant: old.variant,
    agreement_start: start,
    agreement_end: addOneYearMinusOneDay(start),
    contribution_type: old.contributionType,
    registration_code: "",
    agreement_link: "",
    workshops_without_admin_fee_per_agreement: text(old.workshopsWithoutAdminFeePerAgreement),
    public_instructor_training_seats: String(old.publicInstructorTrainingSeats),
    additional_public_instructor_training_seats: String(old.additionalPublicInstructorTrainingSeats),
    inhouse_instructor_training_seats: String(old.inhouseInstructorTrainingSeats),
    additional_inhouse_instructor_training_seats: String(old.additionalInhouseInstructorTrainingSeats),
    emergency_contact: old.emergencyContact,
    copy_members: "on",
    copy_membership_tasks: "on",
    comment: "",
  };
  for (const pair of ROLLED_PAIRS) values[pair.from] = "0";
  return values;
}

/** The submitted roll-over form, to show again beside its errors. */
export function rollOverFormValues(body: unknown): FormValues {
  return submittedValues(body);
}
