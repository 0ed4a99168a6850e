import type { Db, Executor } from "../../db/client.ts";
import { NotFoundError } from "../../server/errors.ts";
import { updatePerson } from "../commands.ts";
import { mergeIndividualAccounts, moveAccountOwners, moveMembershipTasks } from "../membership-queries.ts";
import { findPerson, type PersonRow } from "../queries.ts";
import { personDisplay } from "../rules.ts";
import {
  CHILD_TABLES,
  type ChildCollection,
  deletePersonRow,
  hideCommentsAbout,
  moveCommentsAbout,
  reassignCommentsWritten,
  repointReferences,
  setActive,
} from "./queries.ts";
import {
  type CollectionPlan,
  collectionPlan,
  type MergeChoices,
  mergedValues,
  mergeRoles,
  splitDuplicates,
} from "./rules.ts";

/** A delete the database refused because other records still refer to the row (a RESTRICT key). */
export class MergeBlockedError extends Error {
  constructor(
    /** The table a row could not be deleted from, e.g. "workshops_award". */
    readonly table: string,
    /** Its id: a number, or a UUID for the offering's tables (an account). */
    readonly rowId: number | string,
    /** The table whose rows still refer to it. */
    readonly referencedFrom: string,
  ) {
    super(`row ${rowId} of ${table} is still referenced from ${referencedFrom}`);
  }
}

export interface MergeOutcome {
  baseId: number;
  /** Items of the merging person dropped because the surviving person already had them. */
  warnings: string[];
}

type Actor = { id: number };

/**
 * Merges person B into A or A into B, as the choices say, in one transaction: the related records
 * first, then the merged person is deleted (freeing their username, email and handles), then the
 * surviving person takes the chosen values and a version of them is recorded.
 */
export async function mergePersons(
  db: Db,
  input: { aId: number; bId: number; choices: MergeChoices },
  actor: Actor,
): Promise<MergeOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const a = await loadPerson(tx, input.aId);
      const b = await loadPerson(tx, input.bId);
      const { base, merging } = mergeRoles(input.choices.id, a, b);
      const warnings: string[] = [];
      for (const name of Object.keys(CHILD_TABLES) as ChildCollection[]) {
        const plan = collectionPlan(input.choices[name], input.choices.id);
        const dropped = await mergeChildren(tx, name, plan, base.id, merging.id);
        if (name === "award_set" || name === "task_set")
          warnings.push(...dropped.map((label) => duplicateWarning(name, label, merging)));
      }
      await mergeCommentsWritten(
        tx,
        collectionPlan(input.choices.comment_comments, input.choices.id),
        base.id,
        merging.id,
      );
      await mergeCommentsAbout(
        tx,
        collectionPlan(input.choices.comments, input.choices.id),
        base.id,
        merging.id,
      );
      warnings.push(...(await mergeMembershipRecords(tx, base.id, merging)));
      await repointReferences(tx, merging.id, base.id);
      await deletePersonRow(tx, merging.id);
      const values = mergedValues(input.choices, a, b);
      await setActive(tx, base.id, values.isActive);
      await updatePerson(tx, base, { fields: values.fields, username: values.username }, actor);
      return { baseId: base.id, warnings };
    });
  } catch (error) {
    throw asMergeBlocked(error) ?? error;
  }
}

async function loadPerson(tx: Executor, id: number): Promise<PersonRow> {
  const row = await findPerson(tx, id);
  if (!row) throw new NotFoundError("There is no person with this id.");
  return row;
}

/** Carries out one collection's plan; gives the labels of the merging person's duplicates it deleted. */
async function mergeChildren(
  tx: Executor,
  name: ChildCollection,
  plan: CollectionPlan,
  baseId: number,
  mergingId: number,
): Promise<string[]> {
  const table = CHILD_TABLES[name];
  const mergingItems = await table.list(tx, mergingId);
  const ids = (items: { id: number }[]) => items.map((item) => item.id);
  if (plan === "keep-base") {
    await table.remove(tx, ids(mergingItems));
    return [];
  }
  const baseItems = await table.list(tx, baseId);
  if (plan === "take-merging") {
    await table.remove(tx, ids(baseItems));
    await table.move(tx, ids(mergingItems), baseId);
    return [];
  }
  const { move, drop } = splitDuplicates(mergingItems, baseItems, (item) => item.key);
  await table.remove(tx, ids(drop));
  await table.move(tx, ids(move), baseId);
  return drop.map((item) => item.label);
}

/**
 * The memberships area's records follow the merging person: membership roles (one per membership and
 * role), account-owner rows and the individual account (see `mergeIndividualAccounts`).
 */
async function mergeMembershipRecords(tx: Executor, baseId: number, merging: PersonRow): Promise<string[]> {
  const accounts = await mergeIndividualAccounts(tx, baseId, merging.id);
  if (accounts.outcome === "blocked") {
    throw new MergeBlockedError("offering_account", accounts.accountId, "offering_accountbenefit");
  }
  await moveAccountOwners(tx, baseId, merging.id);
  const dropped = await moveMembershipTasks(tx, baseId, merging.id);
  return dropped.map(
    (label) =>
      `The membership role "${label}" of ${personDisplay(merging)} was removed: the merged person already had it.`,
  );
}

function duplicateWarning(name: "award_set" | "task_set", label: string, merging: PersonRow): string {
  const what = name === "award_set" ? "award" : "task";
  return `The ${what} "${label}" of ${personDisplay(merging)} was removed: the merged person already had it.`;
}

async function mergeCommentsWritten(tx: Executor, plan: CollectionPlan, baseId: number, mergingId: number) {
  if (plan === "keep-base") return reassignCommentsWritten(tx, mergingId, null);
  if (plan === "take-merging") await reassignCommentsWritten(tx, baseId, null);
  await reassignCommentsWritten(tx, mergingId, baseId);
}

async function mergeCommentsAbout(tx: Executor, plan: CollectionPlan, baseId: number, mergingId: number) {
  if (plan === "keep-base") return hideCommentsAbout(tx, mergingId);
  if (plan === "take-merging") await hideCommentsAbout(tx, baseId);
  await moveCommentsAbout(tx, mergingId, baseId);
}

const REFUSED_DELETE = /update or delete on table "([^"]+)"/;
const STILL_REFERENCED = /Key \(id\)=\((\d+)\) is (?:still )?referenced from table "([^"]+)"/;
/** restrict_violation (ON DELETE RESTRICT) and foreign_key_violation (NO ACTION). */
const REFUSED_CODES = new Set(["23001", "23503"]);

/** A foreign-key refusal, however deep the driver wrapped it. */
function asMergeBlocked(error: unknown): MergeBlockedError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, detail } = cause as Error & { code?: string; detail?: string };
    if (!code || !REFUSED_CODES.has(code)) continue;
    const table = REFUSED_DELETE.exec(cause.message)?.[1];
    const referenced = STILL_REFERENCED.exec(detail ?? "");
    if (table && referenced?.[1] && referenced[2])
      return new MergeBlockedError(table, Number(referenced[1]), referenced[2]);
  }
  return undefined;
}
