// The owners formset of an organisation or consortium account (§2.14, rows per §3.5).
import { and, eq, inArray } from "drizzle-orm";
import { person } from "../../../accounts/schema.ts";
import type { Db, Executor } from "../../../db/client.ts";
import { type ChangedObject, recordChange } from "../../../history/index.ts";
import { personDisplay } from "../../../people/index.ts";
import {
  addRowError,
  type FormsetPlan,
  type PostedRow,
  planFormset,
  planIsValid,
  type RowChange,
  type StoredRow,
} from "../../../ui/formset.ts";
import { ACCOUNT_OWNER_PERMISSION_TYPES, accountDisplay, isChoice } from "../../rules.ts";
import { accountOwner } from "../../schema.ts";
import { ownerVersion } from "./commands.ts";
import type { AccountOwnerRow, AccountSummary } from "./queries.ts";

/** The fields of an owners row (besides id, EDITABLE, DELETE and the parent `account`). */
export const OWNER_FIELDS = ["person", "permission_type"] as const;

export const CHOOSE_PERSON = "Select a valid choice: choose a person from the list.";
export const CHOOSE_PERMISSION = "Select a valid choice: choose a permission from the list.";
const CHANGED_MEANWHILE =
  "The owners changed while you were editing them; nothing was saved. Reload and try again.";

type Author = { id: number } | null;

export function storedOwnerRows(rows: readonly AccountOwnerRow[]): StoredRow[] {
  return rows.map((row) => ({
    id: row.id,
    values: { person: String(row.personId), permission_type: row.permissionType },
  }));
}

const postedPersonId = (text: string | undefined) =>
  text !== undefined && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;

/** The persons of the new and changed rows; a malformed id gets its error here. */
function personIdsIn(plan: FormsetPlan): number[] {
  const ids = new Set<number>();
  for (const change of plan.changes) {
    if (change.kind === "delete") continue;
    const text = change.values.person ?? "";
    if (text === "") continue;
    const id = postedPersonId(text);
    if (id === undefined) addRowError(plan, change.index, CHOOSE_PERSON, "person");
    else ids.add(id);
  }
  return [...ids];
}

export async function personNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(inArray(person.id, [...ids]));
  return new Map(rows.map((row) => [row.id, personDisplay(row)]));
}

export type OwnersOutcome = { ok: true } | { ok: false; plan: FormsetPlan };

class ChangedMeanwhile extends Error {}

/** Deletions first, then updates, then new rows. */
function ordered(changes: readonly RowChange[]): RowChange[] {
  const rank = { delete: 0, update: 1, create: 2 } as const;
  return [...changes].sort((a, b) => rank[a.kind] - rank[b.kind] || a.index - b.index);
}

/**
 * Applies the posted owner rows to the account (the parent comes from the URL, never from the post),
 * with a version of each saved or deleted owner. Any row error saves nothing.
 */
export async function saveOwners(
  db: Db,
  target: AccountSummary,
  stored: readonly AccountOwnerRow[],
  rows: readonly PostedRow[],
  author: Author,
): Promise<OwnersOutcome> {
  const plan = planFormset(rows, storedOwnerRows(stored), { fields: OWNER_FIELDS, canDelete: true });
  const names = await personNames(db, [
    ...new Set([...personIdsIn(plan), ...stored.map((row) => row.personId)]),
  ]);
  for (const change of plan.changes) {
    if (change.kind === "delete") continue;
    const id = postedPersonId(change.values.person);
    if (id !== undefined && !names.has(id)) addRowError(plan, change.index, CHOOSE_PERSON, "person");
    const type = change.values.permission_type ?? "";
    if (type !== "" && !isChoice(ACCOUNT_OWNER_PERMISSION_TYPES, type)) {
      addRowError(plan, change.index, CHOOSE_PERMISSION, "permission_type");
    }
  }
  if (!planIsValid(plan)) return { ok: false, plan };
  const accountRepr = accountDisplay(target.accountType, target.entity?.display ?? null);
  try {
    await db.transaction(async (tx) => {
      const saved: ChangedObject[] = [];
      const deleted: ChangedObject[] = [];
      for (const change of ordered(plan.changes)) {
        const where = (id: string) => and(eq(accountOwner.id, id), eq(accountOwner.accountId, target.id));
        let row: AccountOwnerRow | undefined;
        if (change.kind === "delete") {
          [row] = await tx.delete(accountOwner).where(where(change.id)).returning();
          if (row)
            deleted.push(ownerVersion(row, names.get(row.personId) ?? String(row.personId), accountRepr));
          continue;
        }
        const values = {
          personId: Number(change.values.person),
          permissionType: change.values.permission_type ?? "",
        };
        [row] =
          change.kind === "update"
            ? await tx
                .update(accountOwner)
                .set({ ...values, lastUpdatedAt: new Date() })
                .where(where(change.id))
                .returning()
            : await tx
                .insert(accountOwner)
                .values({ ...values, accountId: target.id })
                .returning();
        if (!row) throw new ChangedMeanwhile();
        saved.push(ownerVersion(row, names.get(row.personId) ?? String(row.personId), accountRepr));
      }
      if (saved.length > 0) await recordChange(tx, { user: author, objects: saved });
      if (deleted.length > 0) await recordChange(tx, { user: author, comment: "Deleted.", objects: deleted });
    });
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    plan.formErrors.push(CHANGED_MEANWHILE);
    return { ok: false, plan };
  }
  return { ok: true };
}

/** Ids of the persons the rows name, to show them as the selects' chosen options. */
export function chosenPersonIds(rows: readonly { values: Record<string, string> }[]): number[] {
  const ids = new Set<number>();
  for (const row of rows) {
    const id = postedPersonId(row.values.person);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}
