// Pure rules of the account-benefit pages: the list's filters, the form's rules, the locks.
import type { FieldErrors } from "../../../ui/forms.tsx";
import { isUuid } from "../../rules.ts";
import { INVALID_CHOICE, type OrderTerm, parseOrdering } from "../list-filters.ts";

export const ACCOUNT_BENEFIT_CONTENT_TYPE = "offering.accountbenefit";
export const ACCOUNT_BENEFITS_PATH = "/offering/account-benefits/";
export const ACCOUNT_BENEFIT_CREATE_PATH = "/offering/account-benefits/create/";
export const PARTNERSHIP_LOOKUP = "/select_lookups/partnerships/";

export const VIEW = "offering.view_accountbenefit";
export const ADD = "offering.add_accountbenefit";
export const CHANGE = "offering.change_accountbenefit";
export const DELETE = "offering.delete_accountbenefit";

export type AccountBenefitOrderKey =
  | "account"
  | "benefit"
  | "start_date"
  | "end_date"
  | "allocation"
  | "created_at"
  | "last_updated_at";

const ORDER_FIELDS: Record<string, AccountBenefitOrderKey> = {
  account: "account",
  benefit: "benefit",
  start_date: "start_date",
  end_date: "end_date",
  allocation: "allocation",
  created_at: "created_at",
  last_updated_at: "last_updated_at",
  last_modified_at: "last_updated_at",
};

export interface AccountBenefitFilters {
  accountId: string | undefined;
  partnershipId: number | undefined;
  benefitId: string | undefined;
  curriculumId: number | undefined;
  order: OrderTerm<AccountBenefitOrderKey>[];
}

const INVALID_ID = "This is not a record id; the list is shown without it.";

export function parseAccountBenefitFilters(query: {
  account?: string;
  partnership?: string;
  benefit?: string;
  curriculum?: string;
  order_by?: string;
}): { filters: AccountBenefitFilters; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const uuid = (name: "account" | "benefit") => {
    const value = query[name];
    if (!value) return undefined;
    if (isUuid(value)) return value.toLowerCase();
    errors[name] = [INVALID_ID];
    return undefined;
  };
  const integer = (name: "partnership" | "curriculum") => {
    const value = query[name];
    if (!value) return undefined;
    if (/^\d{1,9}$/.test(value)) return Number(value);
    errors[name] = [INVALID_ID];
    return undefined;
  };
  const { terms, valid } = parseOrdering(query.order_by, ORDER_FIELDS);
  if (!valid) errors.order_by = [INVALID_CHOICE];
  return {
    filters: {
      accountId: uuid("account"),
      partnershipId: integer("partnership"),
      benefitId: uuid("benefit"),
      curriculumId: integer("curriculum"),
      order: terms,
    },
    errors,
  };
}

/**
 * The form after its fields were read: each well-formed field, or undefined when the field has its
 * own error (the rules below then skip what depends on it, as Django's `clean()` does).
 */
export interface AccountBenefitDraft {
  accountId?: string | undefined;
  partnershipId?: number | null | undefined;
  benefitId?: string | undefined;
  discountId?: string | null | undefined;
  curriculumId?: number | null | undefined;
  registrationCode?: string | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  allocation?: number | undefined;
}

/** What the database says about the draft's references. */
export interface AccountBenefitFacts {
  accountExists: boolean;
  benefitExists: boolean;
  discountExists: boolean;
  curriculumExists: boolean;
  /** The chosen partnership, when one was chosen and exists. */
  partnership: { accountId: string; agreementStart: string; agreementEnd: string } | undefined;
  partnershipMissing: boolean;
  /** The error the registration-code rule gives (§3.10), if any. */
  codeConflict: string | undefined;
}

export interface AccountBenefitValues {
  accountId: string;
  partnershipId: number | null;
  benefitId: string;
  discountId: string | null;
  curriculumId: number | null;
  registrationCode: string | null;
  startDate: string;
  endDate: string;
  allocation: number;
}

const CHOOSE = "Select a valid choice. That choice is not one of the available choices.";

/**
 * AMY's AccountBenefitForm rules (§3.13) on top of the field errors, all collected before any is
 * reported: the references exist, the code is free, the partnership belongs to the account, a
 * partnership's dates replace the typed ones, both dates are given and the end is not before the
 * start.
 */
export function checkAccountBenefit(
  draft: AccountBenefitDraft,
  fieldErrors: FieldErrors,
  facts: AccountBenefitFacts,
): { ok: true; values: AccountBenefitValues } | { ok: false; errors: FieldErrors } {
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages) errors[field] = [...messages];
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  if (draft.accountId !== undefined && !facts.accountExists) add("account", CHOOSE);
  if (draft.benefitId !== undefined && !facts.benefitExists) add("benefit", CHOOSE);
  if (draft.discountId && !facts.discountExists) add("discount", CHOOSE);
  if (draft.curriculumId && !facts.curriculumExists) add("curriculum", CHOOSE);
  if (facts.partnershipMissing) add("partnership", CHOOSE);
  if (facts.codeConflict) add("registration_code", facts.codeConflict);
  let { startDate, endDate } = draft;
  if (facts.partnership) {
    if (facts.accountExists && facts.partnership.accountId !== draft.accountId) {
      add("partnership", "This partnership does not belong to the selected account.");
    }
    startDate = facts.partnership.agreementStart;
    endDate = facts.partnership.agreementEnd;
  }
  if (startDate === null) add("start_date", "This field is required.");
  if (endDate === null) add("end_date", "This field is required.");
  if (startDate && endDate && startDate > endDate) {
    add("end_date", "The end date must not be before the start date.");
  }
  const { accountId, benefitId, allocation } = draft;
  if (
    Object.keys(errors).length > 0 ||
    accountId === undefined ||
    benefitId === undefined ||
    allocation === undefined ||
    !startDate ||
    !endDate
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    values: {
      accountId,
      partnershipId: draft.partnershipId ?? null,
      benefitId,
      discountId: draft.discountId ?? null,
      curriculumId: draft.curriculumId ?? null,
      registrationCode: draft.registrationCode ?? null,
      startDate,
      endDate,
      allocation,
    },
  };
}
