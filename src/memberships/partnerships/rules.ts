// Pure rules of the partnership pages: the list's query string, credits, roll-over's first values
// and what the details page says about extensions.
import type { BlockingGroup } from "../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { addDays, addOneYearMinusOneDay } from "../rules.ts";

export const PARTNERSHIPS_PATH = "/fiscal/partnerships/";
export const PARTNERSHIP_ORDERINGS = ["name", "-name"] as const;
export type PartnershipOrdering = (typeof PARTNERSHIP_ORDERINGS)[number];
export const CREDITS_FILTERS = ["under_limit", "over_limit"] as const;

const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";
const TRUTHY = new Set(["on", "true", "True", "1"]);

function first(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === "string" && item !== "" ? item : undefined;
}

export interface PartnershipQuery {
  activeOnly: boolean;
  credits: (typeof CREDITS_FILTERS)[number] | undefined;
  tierId: string | undefined;
  orderBy: PartnershipOrdering | undefined;
}

/**
 * The list's filters: `active_only` (checkbox), `credits` (under_limit / over_limit), `tier` (one of
 * the tiers' ids) and `order_by`. A value that is not a choice is left out and reported.
 */
export function parsePartnershipQuery(
  query: Record<string, unknown>,
  tierIds: readonly string[],
): { filters: PartnershipQuery; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = first(query, name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors[name] = [INVALID_CHOICE];
    return undefined;
  };
  const tier = first(query, "tier")?.toLowerCase();
  return {
    filters: {
      activeOnly: TRUTHY.has(first(query, "active_only") ?? ""),
      credits: pick("credits", CREDITS_FILTERS),
      tierId:
        tier === undefined
          ? undefined
          : pick(
              "tier",
              tierIds.map((id) => id.toLowerCase()),
            ),
      orderBy: pick("order_by", PARTNERSHIP_ORDERINGS),
    },
    errors,
  };
}

/** Credits a partnership is allowed after an edit: its tier's, plus every credit extension (spec §5). */
export function creditsAfterEdit(tierCredits: number, creditsExtensions: readonly number[]): number {
  return creditsExtensions.reduce((sum, credits) => sum + credits, tierCredits);
}

/** "None", or "By 10, 20 credits" / "By 30 days". */
export function extensionsText(extensions: readonly number[], unit: "credits" | "days"): string {
  return extensions.length === 0 ? "None" : `By ${extensions.join(", ")} ${unit}`;
}

/** Whether more credits are allocated than allowed. */
export function overBudget(creditsUsed: number, credits: number): boolean {
  return creditsUsed > credits;
}

export interface RollOverSource {
  name: string;
  tierId: string | null;
  agreementEnd: string;
  agreementLink: string;
  publicStatus: string;
  partnerConsortiumId: number | null;
  partnerOrganisationId: number | null;
}

/**
 * The roll-over form's first values: the old partnership's name, tier, link, status and partner;
 * a year-long agreement from the day after the old one ends; and no registration code, since codes
 * are unique (AMY copied the old code, which always failed).
 */
export function rollOverInitialValues(old: RollOverSource): Record<string, string> {
  const start = addDays(old.agreementEnd, 1);
  return {
    name: old.name,
    tier: old.tierId ?? "",
    agreement_start: start,
    agreement_end: addOneYearMinusOneDay(start),
    agreement_link: old.agreementLink,
    registration_code: "",
    public_status: old.publicStatus,
    partner_consortium: old.partnerConsortiumId === null ? "" : String(old.partnerConsortiumId),
    partner_organisation: old.partnerOrganisationId === null ? "" : String(old.partnerOrganisationId),
  };
}

/** The records that keep a partnership from being deleted, as the "Failed to delete" page lists them. */
export function partnershipBlockingGroups(blockers: {
  accountBenefits: { text: string; href: string }[];
  communityRoles: { text: string }[];
}): BlockingGroup[] {
  const groups: BlockingGroup[] = [];
  if (blockers.accountBenefits.length > 0)
    groups.push({ label: "Account benefits", items: blockers.accountBenefits });
  if (blockers.communityRoles.length > 0)
    groups.push({ label: "Community roles", items: blockers.communityRoles });
  return groups;
}
