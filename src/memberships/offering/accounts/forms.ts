import { z } from "zod";
import { ACCOUNT_TYPES } from "../../rules.ts";
import { checkbox, requiredChoice, requiredInteger } from "../form-fields.ts";
import type { AccountType } from "./rules.ts";

/** AMY's AccountForm: the entity is chosen by its id, of the kind the account type names. */
export const accountForm = z
  .object({
    account_type: requiredChoice(ACCOUNT_TYPES),
    generic_relation_pk: requiredInteger(1),
    active: checkbox,
  })
  .transform((form) => ({
    accountType: form.account_type as AccountType,
    entityId: form.generic_relation_pk,
    active: form.active,
  }));
export type AccountInput = z.output<typeof accountForm>;
