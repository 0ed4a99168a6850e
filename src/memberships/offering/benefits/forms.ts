import { z } from "zod";
import { BENEFIT_UNIT_TYPES } from "../../rules.ts";
import { checkbox, requiredChoice, requiredInteger, requiredText } from "../form-fields.ts";

/** AMY's BenefitForm; credits may not be negative (a project decision, checked by the database too). */
export const benefitForm = z
  .object({
    name: requiredText(100),
    description: requiredText(255),
    unit_type: requiredChoice(BENEFIT_UNIT_TYPES),
    credits: requiredInteger(0),
    active: checkbox,
  })
  .transform((form) => ({
    name: form.name,
    description: form.description,
    unitType: form.unit_type,
    credits: form.credits,
    active: form.active,
  }));
export type BenefitInput = z.output<typeof benefitForm>;
