// Pure rules of the consortia pages: the list's query string and the "Failed to delete" groups.

import type { BlockingGroup } from "../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";

export const CONSORTIUM_ORDERINGS = ["name", "-name", "description", "-description"] as const;
export type ConsortiumOrdering = (typeof CONSORTIUM_ORDERINGS)[number];

export const CONSORTIA_PATH = "/fiscal/consortiums/";

/** A consortium reads as its name. */
export function consortiumDisplay(row: { name: string }): string {
  return row.name;
}

const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

function values(query: Record<string, unknown>, name: string): string[] {
  const value = query[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((item): item is string => typeof item === "string" && item !== "");
}

export interface ConsortiumListFilters {
  containsOrganisations: number[];
  orderBy: ConsortiumOrdering | undefined;
}

/**
 * The list's filters: `contains_organisations` (repeated organisation ids, any of them) and
 * `order_by`. A value that is not a choice is left out and reported beside its field.
 */
export function parseConsortiumFilters(query: Record<string, unknown>): {
  filters: ConsortiumListFilters;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const organisations = values(query, "contains_organisations");
  const ids = organisations.filter((value) => /^\d{1,9}$/.test(value)).map(Number);
  if (ids.length < organisations.length) errors.contains_organisations = [INVALID_CHOICE];
  const [orderBy] = values(query, "order_by");
  const orderOk = (CONSORTIUM_ORDERINGS as readonly string[]).includes(orderBy ?? "");
  if (orderBy !== undefined && !orderOk) errors.order_by = [INVALID_CHOICE];
  return {
    filters: {
      containsOrganisations: [...new Set(ids)],
      orderBy: orderOk ? (orderBy as ConsortiumOrdering) : undefined,
    },
    errors,
  };
}

/** The records that keep a consortium from being deleted, as the "Failed to delete" page lists them. */
export function consortiumBlockingGroups(blockers: {
  partnerships: { text: string; href: string }[];
  accountBenefits: { text: string; href: string }[];
}): BlockingGroup[] {
  const groups: BlockingGroup[] = [];
  if (blockers.partnerships.length > 0) groups.push({ label: "Partnerships", items: blockers.partnerships });
  if (blockers.accountBenefits.length > 0) {
    groups.push({ label: "Account benefits of its account", items: blockers.accountBenefits });
  }
  return groups;
}
