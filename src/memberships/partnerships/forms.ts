import { z } from "zod";
import { submittedValues } from "../../server/forms.ts";
import { optionalId, REQUIRED, requiredChoice, requiredText, requiredUuid } from "../offering/form-fields.ts";
import { isIsoDate, PUBLIC_STATUSES } from "../rules.ts";

const requiredDate = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .refine(isIsoDate, "Enter a valid date (YYYY-MM-DD).");

/** Django's URLField in the forms AMY uses: a web (or FTP) address, at most 200 characters. */
const requiredUrl = requiredText(200).refine(isWebAddress, "Enter a valid URL.");

function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    const schemeOk = ["http:", "https:", "ftp:", "ftps:"].includes(url.protocol);
    return schemeOk && (url.hostname.includes(".") || url.hostname === "localhost");
  } catch {
    return false;
  }
}

export const EXACTLY_ONE_PARTNER = "Select a partner consortium or a partner organisation, not both.";

/**
 * PartnershipForm / PartnershipRollOverForm (spec §3.8). The registration code is checked against
 * every other code by the command, which sees the database.
 */
export const partnershipForm = z
  .object({
    partner_consortium: optionalId,
    partner_organisation: optionalId,
    name: requiredText(100),
    tier: requiredUuid,
    agreement_start: requiredDate,
    agreement_end: requiredDate,
    agreement_link: requiredUrl,
    registration_code: requiredText(40),
    public_status: requiredChoice(PUBLIC_STATUSES),
  })
  .superRefine((input, context) => {
    if (input.agreement_end < input.agreement_start) {
      context.addIssue({
        code: "custom",
        path: ["agreement_end"],
        message: "Agreement end date can't be before the start date.",
      });
    }
    if ((input.partner_consortium === null) === (input.partner_organisation === null)) {
      context.addIssue({ code: "custom", path: [], message: EXACTLY_ONE_PARTNER });
    }
  });
export type PartnershipInput = z.infer<typeof partnershipForm>;

export type FormValues = Record<string, string>;

export function partnershipFormValues(body: unknown): FormValues {
  return submittedValues(body);
}
