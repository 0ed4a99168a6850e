import type { CurrentUser } from "../../accounts/index.ts";
import { postComment } from "../../comments/index.ts";
import type { Db, Executor } from "../../db/client.ts";
import { uniqueViolation } from "../../db/errors.ts";
import { type ChangedObject, recordChange, rowFields } from "../../history/index.ts";
import { findOrganizationById, organizationDisplay } from "../../organizations/index.ts";
import type { FieldErrors } from "../../ui/forms.tsx";
import { todayIso } from "../../ui/time.ts";
import { codeConflictMessage, registrationCodeUses } from "../codes.ts";
import { findConsortium } from "../consortia/queries.ts";
import {
  type CreditsExtensionInput,
  creditsExtensionComment,
  type ExtensionInput,
  extendCredits as extendCreditsRule,
  extendDates as extendDatesRule,
  extensionComment,
} from "../extension.ts";
import { type AccountBenefitSummary, accountBenefitsOf } from "../offering/account-benefits/queries.ts";
import { accountBenefitDisplays } from "../queries.ts";
import { accountDisplay, partnershipDisplay } from "../rules.ts";
import { account, accountBenefit, partnership } from "../schema.ts";
import type { PartnershipInput } from "./forms.ts";
import {
  type AccountBenefitRow,
  type AccountRow,
  deletePartnershipRow,
  findTier,
  freezeAccountBenefitsOf,
  getOrCreateAccount,
  insertPartnership,
  markRolledOver,
  moveAccountBenefits,
  type Partner,
  type PartnershipRow,
  type PartnershipValues,
  type RelatedCommunityRole,
  relatedCommunityRoles,
  type TierRow,
  updatePartnershipRow,
} from "./queries.ts";
import { creditsAfterEdit } from "./rules.ts";

export const PARTNERSHIP_CONTENT_TYPE = "fiscal.partnership";
const ACCOUNT_CONTENT_TYPE = "offering.account";
const ACCOUNT_BENEFIT_CONTENT_TYPE = "offering.accountbenefit";

type Author = CurrentUser | null;
export type SaveOutcome =
  | { ok: true; partnership: PartnershipRow; relinkedTo?: string | undefined }
  | { ok: false; errors: FieldErrors };

const CODE_TAKEN = "Another partnership already uses this registration code.";

/** The partner the form chose. */
function partnerOf(input: PartnershipInput): Partner {
  return input.partner_organisation !== null
    ? { organizationId: input.partner_organisation }
    : { consortiumId: input.partner_consortium ?? 0 };
}

/** How the partner reads, for the account's history and the edit page's note. */
async function partnerDisplay(db: Executor, partner: Partner): Promise<string | null> {
  if ("organizationId" in partner) {
    const row = await findOrganizationById(db, partner.organizationId);
    return row ? organizationDisplay(row) : null;
  }
  return (await findConsortium(db, partner.consortiumId))?.name ?? null;
}

/**
 * The rules a form cannot check alone: the registration code is used by nothing else, the partner
 * and the tier exist. Gives the tier when all is well.
 */
async function databaseProblems(
  db: Executor,
  input: PartnershipInput,
  exceptId?: number,
): Promise<{ errors: FieldErrors; tier?: TierRow }> {
  const errors: FieldErrors = {};
  const uses = await registrationCodeUses(
    db,
    input.registration_code,
    exceptId === undefined ? undefined : { kind: "partnership", id: exceptId },
  );
  const conflict = codeConflictMessage("partnership", uses);
  if (conflict) errors.registration_code = [conflict];
  if (input.partner_organisation !== null && !(await findOrganizationById(db, input.partner_organisation))) {
    errors.partner_organisation = ["Select a valid choice. That choice is not one of the available choices."];
  }
  if (input.partner_consortium !== null && !(await findConsortium(db, input.partner_consortium))) {
    errors.partner_consortium = ["Select a valid choice. That choice is not one of the available choices."];
  }
  const tier = await findTier(db, input.tier);
  if (!tier) errors.tier = ["Select a valid choice. That choice is not one of the available choices."];
  return tier ? { errors, tier } : { errors };
}

function valuesOf(input: PartnershipInput) {
  return {
    name: input.name,
    tierId: input.tier,
    agreementStart: input.agreement_start,
    agreementEnd: input.agreement_end,
    agreementLink: input.agreement_link,
    registrationCode: input.registration_code,
    publicStatus: input.public_status,
    partnerConsortiumId: input.partner_organisation === null ? input.partner_consortium : null,
    partnerOrganisationId: input.partner_organisation,
  } satisfies Partial<PartnershipValues>;
}

function partnershipVersion(row: PartnershipRow, tierName: string | null): ChangedObject {
  return {
    contentType: PARTNERSHIP_CONTENT_TYPE,
    id: row.id,
    repr: partnershipDisplay({ ...row, tierName }),
    fields: rowFields(partnership, row),
  };
}

async function accountVersion(tx: Executor, row: AccountRow, partner: Partner): Promise<ChangedObject> {
  return {
    contentType: ACCOUNT_CONTENT_TYPE,
    id: row.id,
    repr: accountDisplay(row.accountType, await partnerDisplay(tx, partner)),
    fields: rowFields(account, row),
  };
}

async function accountBenefitVersions(
  tx: Executor,
  rows: readonly AccountBenefitRow[],
): Promise<ChangedObject[]> {
  const displays = await accountBenefitDisplays(
    tx,
    rows.map((row) => row.id),
    todayIso(),
  );
  return rows.map((row) => ({
    contentType: ACCOUNT_BENEFIT_CONTENT_TYPE,
    id: row.id,
    repr: displays.get(row.id) ?? row.id,
    fields: rowFields(accountBenefit, row),
  }));
}

/** Runs a save; a registration code taken meanwhile by another partnership is a field error, not a 500. */
async function guardCode(save: () => Promise<SaveOutcome>): Promise<SaveOutcome> {
  try {
    return await save();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined || !constraint.includes("registration_code")) throw error;
    return { ok: false, errors: { registration_code: [CODE_TAKEN] } };
  }
}

/**
 * Saves a new partnership: its partner's account (made if the partner has none), the tier's
 * credits, and the first versions of both, in one transaction.
 */
export async function createPartnership(db: Db, input: PartnershipInput, user: Author): Promise<SaveOutcome> {
  const { errors, tier } = await databaseProblems(db, input);
  if (!tier || Object.keys(errors).length > 0) return { ok: false, errors };
  return guardCode(() =>
    db.transaction(async (tx) => {
      const partner = partnerOf(input);
      const owner = await getOrCreateAccount(tx, partner);
      const row = await insertPartnership(tx, {
        ...valuesOf(input),
        credits: tier.credits,
        accountId: owner.account.id,
      });
      const objects = [partnershipVersion(row, tier.name)];
      if (owner.created) objects.push(await accountVersion(tx, owner.account, partner));
      await recordChange(tx, { user, objects });
      return { ok: true as const, partnership: row };
    }),
  );
}

/**
 * Saves an edited partnership. Its credits become the tier's plus every credit extension (project
 * decision; AMY reset them to the tier's). AMY requires the account to belong to the partner and
 * crashes when the admin picks another partner; here the partnership moves to the new partner's
 * account (made if needed), taking its linked account benefits along, so every benefit of the
 * partnership stays on the partnership's account. `relinkedTo` then names the new account's holder.
 */
export async function updatePartnership(
  db: Db,
  row: PartnershipRow,
  input: PartnershipInput,
  user: Author,
): Promise<SaveOutcome> {
  const { errors, tier } = await databaseProblems(db, input, row.id);
  if (!tier || Object.keys(errors).length > 0) return { ok: false, errors };
  return guardCode(() =>
    db.transaction(async (tx) => {
      const partner = partnerOf(input);
      const owner = await getOrCreateAccount(tx, partner);
      const relinked = owner.account.id !== row.accountId;
      const updated = await updatePartnershipRow(tx, row.id, {
        ...valuesOf(input),
        credits: creditsAfterEdit(tier.credits, row.creditsExtensions),
        accountId: owner.account.id,
      });
      const objects = [partnershipVersion(updated, tier.name)];
      if (owner.created) objects.push(await accountVersion(tx, owner.account, partner));
      if (relinked)
        objects.push(
          ...(await accountBenefitVersions(tx, await moveAccountBenefits(tx, row.id, owner.account.id))),
        );
      await recordChange(tx, { user, objects });
      return {
        ok: true as const,
        partnership: updated,
        relinkedTo: relinked ? ((await partnerDisplay(tx, partner)) ?? undefined) : undefined,
      };
    }),
  );
}

export type DeleteOutcome =
  | { deleted: true }
  | { deleted: false; accountBenefits: AccountBenefitSummary[]; communityRoles: RelatedCommunityRole[] };

/**
 * Deletes a partnership no account benefit or community role refers to; its account stays, its
 * predecessor forgets it (the database sets `rolled_to_partnership` to null).
 */
export async function deletePartnership(
  db: Db,
  row: PartnershipRow,
  tierName: string | null,
  user: Author,
): Promise<DeleteOutcome> {
  return db.transaction(async (tx): Promise<DeleteOutcome> => {
    const [accountBenefits, communityRoles] = await Promise.all([
      accountBenefitsOf(tx, { partnershipId: row.id }),
      relatedCommunityRoles(tx, row.id),
    ]);
    if (accountBenefits.length > 0 || communityRoles.length > 0) {
      return { deleted: false, accountBenefits, communityRoles };
    }
    await recordChange(tx, { user, comment: "Deleted.", objects: [partnershipVersion(row, tierName)] });
    await deletePartnershipRow(tx, row.id);
    return { deleted: true };
  });
}

/** A comment on the partnership by the acting admin. */
async function addUserComment(
  tx: Executor,
  id: number,
  text: string,
  user: Author,
  ipAddress: string | null,
) {
  if (!user) return;
  await postComment(tx, {
    contentType: PARTNERSHIP_CONTENT_TYPE,
    objectPk: String(id),
    text,
    author: user,
    ipAddress,
  });
}

/** Moves the agreement's end, records the days added and leaves the user's comment (spec §2.13). */
export async function extendPartnershipDates(
  db: Db,
  row: PartnershipRow,
  tierName: string | null,
  input: ExtensionInput,
  user: Author,
  ipAddress: string | null,
): Promise<PartnershipRow> {
  const change = extendDatesRule(row, input.new_agreement_end);
  return db.transaction(async (tx) => {
    const updated = await updatePartnershipRow(tx, row.id, {
      agreementEnd: change.agreementEnd,
      extensions: change.extensions,
    });
    const text = extensionComment("partnership", change.days, todayIso(), change.agreementEnd, input.comment);
    await addUserComment(tx, row.id, text, user, ipAddress);
    await recordChange(tx, { user, objects: [partnershipVersion(updated, tierName)] });
    return updated;
  });
}

/** Raises the allowed credits, records the increase and leaves the user's comment (spec §2.13). */
export async function extendPartnershipCredits(
  db: Db,
  row: PartnershipRow,
  tierName: string | null,
  input: CreditsExtensionInput,
  user: Author,
  ipAddress: string | null,
): Promise<PartnershipRow> {
  const change = extendCreditsRule(row, input.new_credits);
  return db.transaction(async (tx) => {
    const updated = await updatePartnershipRow(tx, row.id, {
      credits: change.credits,
      creditsExtensions: change.creditsExtensions,
    });
    const text = creditsExtensionComment(change.diff, todayIso(), change.credits, input.comment);
    await addUserComment(tx, row.id, text, user, ipAddress);
    await recordChange(tx, { user, objects: [partnershipVersion(updated, tierName)] });
    return updated;
  });
}

export type RollOverOutcome = SaveOutcome | { ok: false; alreadyRolledOver: true };

class AlreadyRolledOver extends Error {}

/**
 * Creates the successor of a partnership in one transaction: the old partnership's credits, the
 * account of the successor's partner (re-derived, as the admin may have changed the partner; AMY
 * kept the old account), the old partnership's account benefits frozen (only those, a project
 * decision: AMY froze every benefit of the account) and the old partnership pointing at the new.
 */
export async function rollOverPartnership(
  db: Db,
  old: PartnershipRow,
  oldTierName: string | null,
  input: PartnershipInput,
  user: Author,
): Promise<RollOverOutcome> {
  const { errors, tier } = await databaseProblems(db, input);
  if (!tier || Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    return await guardCode(() =>
      db.transaction(async (tx) => {
        const partner = partnerOf(input);
        const owner = await getOrCreateAccount(tx, partner);
        const created = await insertPartnership(tx, {
          ...valuesOf(input),
          credits: old.credits,
          accountId: owner.account.id,
        });
        const rolled = await markRolledOver(tx, old.id, created.id);
        if (!rolled) throw new AlreadyRolledOver();
        const frozen = await freezeAccountBenefitsOf(tx, old.id);
        const objects = [
          partnershipVersion(created, tier.name),
          partnershipVersion(rolled, oldTierName),
          ...(await accountBenefitVersions(tx, frozen)),
        ];
        if (owner.created) objects.push(await accountVersion(tx, owner.account, partner));
        await recordChange(tx, { user, objects });
        return { ok: true as const, partnership: created };
      }),
    );
  } catch (error) {
    if (error instanceof AlreadyRolledOver) return { ok: false, alreadyRolledOver: true };
    throw error;
  }
}
