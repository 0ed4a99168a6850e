import { addAutomaticComment } from "../comments/index.ts";
import type { Db, Executor } from "../db/client.ts";
import { recordChange, rowFields } from "../history/index.ts";
import type { FieldErrors } from "../ui/forms.tsx";
import type { OrganizationCreateInput, OrganizationInput } from "./forms.ts";
import {
  insertOrganizationAccount,
  membershipBlockersOf,
  type OrganizationMembershipBlockers,
} from "./membership-queries.ts";
import {
  affiliatedIds,
  deleteOrganizationRow,
  eventsOfOrganization,
  findOrganizationsByIds,
  insertOrganization,
  type OrganizationEvent,
  type OrganizationRow,
  replaceAffiliations,
  takenFields,
  updateOrganization as updateOrganizationRow,
} from "./queries.ts";
import { affiliationRows, organizationDisplay } from "./rules.ts";
import { organization } from "./schema.ts";

export const ORGANIZATION_CONTENT_TYPE = "workshops.organization";

type Author = { id: number } | null;
export type SaveOutcome = { ok: true; organization: OrganizationRow } | { ok: false; errors: FieldErrors };

/** The rules a form cannot check alone: unique domain and name, affiliations that exist. */
async function databaseProblems(
  db: Executor,
  input: OrganizationInput,
  exceptId?: number,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const taken = await takenFields(db, input, exceptId);
  if (taken.domain) errors.domain = ["Another organisation already has this domain."];
  if (taken.fullname) errors.fullname = ["Another organisation already has this full name."];
  const found = await findOrganizationsByIds(db, input.affiliated_organizations);
  if (found.length !== input.affiliated_organizations.length) {
    errors.affiliated_organizations = ["Some of the chosen organisations no longer exist."];
  }
  return errors;
}

function valuesOf(input: OrganizationInput) {
  return {
    domain: input.domain,
    fullname: input.fullname,
    country: input.country,
    latitude: input.latitude,
    longitude: input.longitude,
  };
}

async function record(tx: Executor, row: OrganizationRow, user: Author, comment?: string) {
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: ORGANIZATION_CONTENT_TYPE,
        id: row.id,
        repr: organizationDisplay(row),
        fields: {
          ...rowFields(organization, row),
          affiliated_organizations: await affiliatedIds(tx, row.id),
        },
      },
    ],
  });
}

/**
 * Saves a new organisation, its account (type organisation, as AMY does on create), its
 * affiliations and the optional comment, with its first version.
 */
export async function createOrganization(
  db: Db,
  input: OrganizationCreateInput,
  user: Author,
): Promise<SaveOutcome> {
  const errors = await databaseProblems(db, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const row = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, valuesOf(input));
    await insertOrganizationAccount(tx, created.id);
    await replaceAffiliations(tx, created.id, affiliationRows(created.id, input.affiliated_organizations));
    if (input.comment) {
      await addAutomaticComment(tx, {
        contentType: ORGANIZATION_CONTENT_TYPE,
        objectPk: created.id,
        text: input.comment,
      });
    }
    await record(tx, created, user);
    return created;
  });
  return { ok: true, organization: row };
}

export async function updateOrganization(
  db: Db,
  id: number,
  input: OrganizationInput,
  user: Author,
): Promise<SaveOutcome> {
  const errors = await databaseProblems(db, input, id);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const row = await db.transaction(async (tx) => {
    const updated = await updateOrganizationRow(tx, id, valuesOf(input));
    await replaceAffiliations(tx, id, affiliationRows(id, input.affiliated_organizations));
    await record(tx, updated, user);
    return updated;
  });
  return { ok: true, organization: row };
}

export interface DeleteBlockers extends OrganizationMembershipBlockers {
  events: OrganizationEvent[];
}

export type DeleteOutcome = { deleted: true } | { deleted: false; blockers: DeleteBlockers };

/** Whether anything keeps the organisation from being deleted. */
export function isBlocked(blockers: DeleteBlockers): boolean {
  return (
    blockers.events.length > 0 ||
    blockers.memberships.length > 0 ||
    blockers.partnerships.length > 0 ||
    blockers.accountBenefits.length > 0 ||
    blockers.accountPartnerships.length > 0
  );
}

/**
 * Deletes an organisation nothing refers to; its account, consortium links and affiliations go with
 * it (foreign-key cascades) and its last state is kept in the history. Otherwise reports what is in
 * the way: events, memberships it is a member of, partnerships with it, and what uses its account.
 */
export async function deleteOrganization(db: Db, row: OrganizationRow, user: Author): Promise<DeleteOutcome> {
  const [events, memberships] = await Promise.all([
    eventsOfOrganization(db, row.id),
    membershipBlockersOf(db, row.id),
  ]);
  const blockers = { events, ...memberships };
  if (isBlocked(blockers)) return { deleted: false, blockers };
  await db.transaction(async (tx) => {
    await record(tx, row, user, "Deleted.");
    await deleteOrganizationRow(tx, row.id);
  });
  return { deleted: true };
}
