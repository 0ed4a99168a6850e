// What the partnership pages load alike: the partnership the URL names and the form's choices.
import type { Executor } from "../../db/client.ts";
import { findOrganizationById, organizationDisplay } from "../../organizations/index.ts";
import { NotFoundError } from "../../server/errors.ts";
import { allConsortia } from "../consortia/queries.ts";
import { findPartnership, type PartnershipWithTier } from "../queries.ts";
import { partnershipDisplay, tierDisplay } from "../rules.ts";
import { allTiers } from "./queries.ts";
import type { PartnershipFormChoices } from "./views/form.tsx";

export const VIEW = "fiscal.view_partnership";
export const ADD = "fiscal.add_partnership";
export const CHANGE = "fiscal.change_partnership";
export const DELETE = "fiscal.delete_partnership";
export const FIX_ERRORS = "Please fix errors in the form below.";

export type IdParams = { Params: { id: string } };

/** The partnership the URL names, with its tier; anything but an existing id is a 404. */
export async function loadPartnership(db: Executor, id: string): Promise<PartnershipWithTier> {
  const row = /^\d{1,9}$/.test(id) ? await findPartnership(db, Number(id)) : undefined;
  if (!row) throw new NotFoundError("There is no partnership with this id.");
  return row;
}

export function displayOf(row: PartnershipWithTier): string {
  return partnershipDisplay(row);
}

/** The consortia and tiers to choose from, and the chosen organisation (found by the autocomplete). */
export async function formChoices(
  db: Executor,
  values: Record<string, string | undefined>,
): Promise<PartnershipFormChoices> {
  const organisationId = values.partner_organisation;
  const [consortia, tiers, organisation] = await Promise.all([
    allConsortia(db),
    allTiers(db),
    organisationId && /^\d{1,9}$/.test(organisationId)
      ? findOrganizationById(db, Number(organisationId))
      : Promise.resolve(undefined),
  ]);
  return {
    consortia: consortia.map((row) => ({ value: String(row.id), label: row.name })),
    tiers: tiers.map((row) => ({ value: row.id, label: tierDisplay(row) })),
    organisation: organisation
      ? [{ value: String(organisation.id), label: organizationDisplay(organisation) }]
      : [],
  };
}

/** The edit form's first values: the partnership as stored. */
export function storedValues(row: PartnershipWithTier): Record<string, string> {
  return {
    partner_consortium: row.partnerConsortiumId === null ? "" : String(row.partnerConsortiumId),
    partner_organisation: row.partnerOrganisationId === null ? "" : String(row.partnerOrganisationId),
    name: row.name,
    tier: row.tierId ?? "",
    agreement_start: row.agreementStart,
    agreement_end: row.agreementEnd,
    agreement_link: row.agreementLink,
    registration_code: row.registrationCode ?? "",
    public_status: row.publicStatus,
  };
}
