// Pure rules of the benefit pages: the list's filters.
import { BENEFIT_UNIT_TYPES, isChoice } from "../../rules.ts";
import { INVALID_CHOICE, type OrderTerm, parseOrdering, parseTriState } from "../list-filters.ts";

export const BENEFIT_CONTENT_TYPE = "offering.benefit";
export const BENEFITS_PATH = "/offering/benefits/";
export const BENEFIT_CREATE_PATH = "/offering/benefits/create/";

export const VIEW = "offering.view_benefit";
export const ADD = "offering.add_benefit";
export const CHANGE = "offering.change_benefit";
export const DELETE = "offering.delete_benefit";

export type BenefitOrderKey = "name" | "description" | "created_at" | "last_updated_at";

/** `last_modified_at` (broken in AMY) sorts by the last update. */
const ORDER_FIELDS: Record<string, BenefitOrderKey> = {
  name: "name",
  description: "description",
  created_at: "created_at",
  last_updated_at: "last_updated_at",
  last_modified_at: "last_updated_at",
};

export interface BenefitFilters {
  active: boolean | undefined;
  unitType: string | undefined;
  order: OrderTerm<BenefitOrderKey>[];
}

export function parseBenefitFilters(query: { active?: string; unit_type?: string; order_by?: string }): {
  filters: BenefitFilters;
  errors: Record<string, string[]>;
} {
  const errors: Record<string, string[]> = {};
  const { terms, valid } = parseOrdering(query.order_by, ORDER_FIELDS);
  if (!valid) errors.order_by = [INVALID_CHOICE];
  const unitOk = isChoice(BENEFIT_UNIT_TYPES, query.unit_type);
  if (query.unit_type && !unitOk) errors.unit_type = [INVALID_CHOICE];
  return {
    filters: {
      active: parseTriState(query.active),
      unitType: unitOk ? query.unit_type : undefined,
      order: terms,
    },
    errors,
  };
}
