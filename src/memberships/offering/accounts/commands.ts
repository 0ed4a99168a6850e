import type { Db, Executor } from "../../../db/client.ts";
import { uniqueViolation } from "../../../db/errors.ts";
import { type ChangedObject, recordChange, rowFields } from "../../../history/index.ts";
import type { FieldErrors } from "../../../ui/forms.tsx";
import { accountDisplay } from "../../rules.ts";
import { account, accountOwner } from "../../schema.ts";
import type { AccountInput } from "./forms.ts";
import {
  type AccountPartnership,
  accountBenefitIdsOf,
  hasPartnerships,
  partnershipsOfAccount,
} from "./page-queries.ts";
import {
  type AccountEntity,
  type AccountOwnerRow,
  type AccountRow,
  type AccountSummary,
  deleteAccountRow,
  findEntity,
  insertAccount,
  otherAccountFor,
  updateAccountRow,
  upsertOwnerRow,
} from "./queries.ts";
import {
  ACCOUNT_CONTENT_TYPE,
  ACCOUNT_OWNER_CONTENT_TYPE,
  ENTITY_WORD,
  entityColumns,
  entityIdOf,
} from "./rules.ts";

type Author = { id: number } | null;

export type SaveOutcome =
  | { ok: true; account: AccountRow; display: string }
  | { ok: false; errors: FieldErrors; existingAccountId?: string };

export function accountVersion(row: AccountRow, entityDisplay: string | null): ChangedObject {
  return {
    contentType: ACCOUNT_CONTENT_TYPE,
    id: row.id,
    repr: accountDisplay(row.accountType, entityDisplay),
    fields: { ...rowFields(account, row), generic_relation_pk: entityIdOf(row) },
  };
}

export function ownerVersion(
  row: AccountOwnerRow,
  personDisplay: string,
  accountRepr: string,
): ChangedObject {
  return {
    contentType: ACCOUNT_OWNER_CONTENT_TYPE,
    id: row.id,
    repr: `Owner ${personDisplay} for ${accountRepr} (${row.permissionType})`,
    fields: rowFields(accountOwner, row),
  };
}

/**
 * What the database must confirm: the entity exists, no other account points at it, and an account
 * that partnerships pay through keeps its entity (they must point at the same partner).
 */
async function problems(
  db: Executor,
  input: AccountInput,
  current: AccountSummary | undefined,
): Promise<{ entity: AccountEntity } | { errors: FieldErrors; existingAccountId?: string }> {
  const entity = await findEntity(db, input.accountType, input.entityId);
  const word = ENTITY_WORD[input.accountType];
  if (!entity) return { errors: { generic_relation_pk: [`There is no ${word} with this id.`] } };
  const existing = await otherAccountFor(db, input.accountType, input.entityId, current?.id);
  if (existing) {
    return {
      errors: { generic_relation_pk: [`An account for this ${word} already exists.`] },
      existingAccountId: existing,
    };
  }
  const entityChanged =
    current !== undefined &&
    (current.accountType !== input.accountType || entityIdOf(current) !== input.entityId);
  if (entityChanged && (await hasPartnerships(db, current.id))) {
    return {
      errors: {
        generic_relation_pk: [
          "Partnerships pay through this account, so it must keep its organisation or consortium.",
        ],
      },
    };
  }
  return { entity };
}

/** Another save that took the same entity between the check and the write is reported like the check does. */
async function raceSafe(input: AccountInput, save: () => Promise<SaveOutcome>): Promise<SaveOutcome> {
  try {
    return await save();
  } catch (error) {
    if (uniqueViolation(error) === undefined) throw error;
    return {
      ok: false,
      errors: {
        generic_relation_pk: [`An account for this ${ENTITY_WORD[input.accountType]} already exists.`],
      },
    };
  }
}

/** Creates an account; an individual account gets its person as owner. */
export async function createAccount(db: Db, input: AccountInput, user: Author): Promise<SaveOutcome> {
  const checked = await problems(db, input, undefined);
  if (!("entity" in checked)) return { ok: false, ...checked };
  const { entity } = checked;
  return raceSafe(input, () =>
    db.transaction(async (tx) => {
      const row = await insertAccount(tx, {
        accountType: input.accountType,
        ...entityColumns(input.accountType, input.entityId),
        active: input.active,
      });
      const objects = [accountVersion(row, entity.display)];
      if (input.accountType === "individual") {
        const owner = await upsertOwnerRow(tx, row.id, input.entityId);
        objects.push(ownerVersion(owner, entity.display, objects[0]?.repr ?? ""));
      }
      await recordChange(tx, { user, objects });
      return { ok: true as const, account: row, display: accountDisplay(row.accountType, entity.display) };
    }),
  );
}

/** Saves an account; an individual account's `owner` row follows its person. */
export async function updateAccount(
  db: Db,
  current: AccountSummary,
  input: AccountInput,
  user: Author,
): Promise<SaveOutcome> {
  const checked = await problems(db, input, current);
  if (!("entity" in checked)) return { ok: false, ...checked };
  const { entity } = checked;
  return raceSafe(input, () =>
    db.transaction(async (tx) => {
      const row = await updateAccountRow(tx, current.id, {
        accountType: input.accountType,
        ...entityColumns(input.accountType, input.entityId),
        active: input.active,
      });
      const objects = [accountVersion(row, entity.display)];
      if (input.accountType === "individual") {
        const owner = await upsertOwnerRow(tx, row.id, input.entityId);
        objects.push(ownerVersion(owner, entity.display, objects[0]?.repr ?? ""));
      }
      await recordChange(tx, { user, objects });
      return { ok: true as const, account: row, display: accountDisplay(row.accountType, entity.display) };
    }),
  );
}

export type DeleteOutcome =
  | { deleted: true }
  | { deleted: false; accountBenefitIds: string[]; partnerships: AccountPartnership[] };

/** Deletes an account (its owners go with it) unless account benefits or partnerships use it. */
export async function deleteAccount(db: Db, current: AccountSummary, user: Author): Promise<DeleteOutcome> {
  const [accountBenefitIds, partnerships] = await Promise.all([
    accountBenefitIdsOf(db, current.id),
    partnershipsOfAccount(db, current.id),
  ]);
  if (accountBenefitIds.length > 0 || partnerships.length > 0) {
    return { deleted: false, accountBenefitIds, partnerships };
  }
  await db.transaction(async (tx) => {
    await recordChange(tx, {
      user,
      comment: "Deleted.",
      objects: [accountVersion(current, current.entity?.display ?? null)],
    });
    await deleteAccountRow(tx, current.id);
  });
  return { deleted: true };
}
