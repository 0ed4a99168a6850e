import type { Db, Executor } from "../../db/client.ts";
import { recordChange, rowFields } from "../../history/index.ts";
import type { FieldErrors } from "../../ui/forms.tsx";
import { consortium } from "../schema.ts";
import type { ConsortiumInput } from "./forms.ts";
import {
  type ConsortiumBlockers,
  type ConsortiumRow,
  consortiumBlockers,
  deleteConsortiumRow,
  findOrganisationsByIds,
  insertConsortium,
  organisationIdsOf,
  replaceOrganisations,
  updateConsortiumRow,
} from "./queries.ts";
import { consortiumDisplay } from "./rules.ts";

export const CONSORTIUM_CONTENT_TYPE = "fiscal.consortium";

type Author = { id: number } | null;
export type SaveOutcome = { ok: true; consortium: ConsortiumRow } | { ok: false; errors: FieldErrors };

async function databaseProblems(db: Executor, input: ConsortiumInput): Promise<FieldErrors> {
  const found = await findOrganisationsByIds(db, input.organisations);
  return found.length === input.organisations.length
    ? {}
    : { organisations: ["Some of the chosen organisations no longer exist."] };
}

async function record(tx: Executor, row: ConsortiumRow, user: Author, comment?: string) {
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: CONSORTIUM_CONTENT_TYPE,
        id: row.id,
        repr: consortiumDisplay(row),
        fields: { ...rowFields(consortium, row), organisations: await organisationIdsOf(tx, row.id) },
      },
    ],
  });
}

/** Saves a new consortium with its organisations and its first version (no account is made). */
export async function createConsortium(db: Db, input: ConsortiumInput, user: Author): Promise<SaveOutcome> {
  const errors = await databaseProblems(db, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const row = await db.transaction(async (tx) => {
    const created = await insertConsortium(tx, { name: input.name, description: input.description });
    await replaceOrganisations(tx, created.id, input.organisations);
    await record(tx, created, user);
    return created;
  });
  return { ok: true, consortium: row };
}

export async function updateConsortium(
  db: Db,
  id: number,
  input: ConsortiumInput,
  user: Author,
): Promise<SaveOutcome> {
  const errors = await databaseProblems(db, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const row = await db.transaction(async (tx) => {
    const updated = await updateConsortiumRow(tx, id, { name: input.name, description: input.description });
    await replaceOrganisations(tx, id, input.organisations);
    await record(tx, updated, user);
    return updated;
  });
  return { ok: true, consortium: row };
}

export type DeleteOutcome = { deleted: true } | { deleted: false; blockers: ConsortiumBlockers };

/**
 * Deletes a consortium no partnership names and whose account bought nothing; its organisation
 * links and its account go with it, its last state stays in the history.
 */
export async function deleteConsortium(db: Db, row: ConsortiumRow, user: Author): Promise<DeleteOutcome> {
  return db.transaction(async (tx): Promise<DeleteOutcome> => {
    const blockers = await consortiumBlockers(tx, row.id);
    if (blockers.partnerships.length > 0 || blockers.accountBenefits.length > 0) {
      return { deleted: false, blockers };
    }
    await record(tx, row, user, "Deleted.");
    await deleteConsortiumRow(tx, row.id);
    return { deleted: true };
  });
}
