import { z } from "zod";
import { fieldErrors } from "../../../server/forms.ts";
import type { FieldErrors } from "../../../ui/forms.tsx";
import { optionalDate, optionalId, optionalUuid, requiredInteger, requiredUuid } from "../form-fields.ts";
import type { AccountBenefitDraft } from "./rules.ts";

const registrationCode = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters.")
  .default("")
  .transform((value) => (value === "" ? null : value));

/** AMY's AccountBenefitForm fields, each read on its own so one bad field does not hide the others' rules. */
const FIELDS = {
  account: requiredUuid,
  partnership: optionalId,
  benefit: requiredUuid,
  discount: optionalUuid,
  curriculum: optionalId,
  registration_code: registrationCode,
  start_date: optionalDate,
  end_date: optionalDate,
  allocation: requiredInteger(0),
} as const;

const DRAFT_KEYS: Record<keyof typeof FIELDS, keyof AccountBenefitDraft> = {
  account: "accountId",
  partnership: "partnershipId",
  benefit: "benefitId",
  discount: "discountId",
  curriculum: "curriculumId",
  registration_code: "registrationCode",
  start_date: "startDate",
  end_date: "endDate",
  allocation: "allocation",
};

/** The well-formed fields of a submission, and the errors of the others. */
export function readAccountBenefitForm(values: Record<string, string | undefined>): {
  draft: AccountBenefitDraft;
  errors: FieldErrors;
} {
  const draft: Record<string, unknown> = {};
  let errors: FieldErrors = {};
  for (const [name, schema] of Object.entries(FIELDS) as [keyof typeof FIELDS, z.ZodType][]) {
    const result = schema.safeParse(values[name]);
    if (result.success) draft[DRAFT_KEYS[name]] = result.data;
    else
      errors = { ...errors, [name]: Object.values(fieldErrors(result.error)).flatMap((list) => list ?? []) };
  }
  return { draft: draft as AccountBenefitDraft, errors };
}
