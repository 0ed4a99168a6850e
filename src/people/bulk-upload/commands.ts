import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.ts";
import { event, task } from "../../events/schema.ts";
import { recordChange, rowFields } from "../../history/index.ts";
import { role } from "../../reference/schema.ts";
import { createPerson } from "../commands.ts";
import { findPerson, type PersonRow } from "../queries.ts";
import { personDisplay, personFields } from "../rules.ts";
import { loadLookups } from "./queries.ts";
import { type BulkRow, hasErrors, type VerifiedRow, verifyRows } from "./rules.ts";

export async function verifyBatch(db: Executor, rows: readonly BulkRow[], autoMatch = false) {
  return verifyRows(rows, await loadLookups(db, rows), autoMatch);
}

export type SaveOutcome =
  | { ok: true; persons: number; tasks: number }
  | { ok: false; details: string; verified: VerifiedRow[] };

/** A reason shown to the admin why nothing was saved. */
class BatchRejected extends Error {}

/**
 * Verifies the rows again and saves them all in one transaction, or nothing: matched rows reuse their
 * person, the others become new (inactive) persons; each row's task is created unless it exists.
 */
export async function saveBatch(
  db: Db,
  rows: readonly BulkRow[],
  actor: { id: number },
): Promise<SaveOutcome> {
  const verified = await verifyBatch(db, rows);
  const withErrors = verified.filter((row) => row.errors.length > 0).length;
  if (hasErrors(verified))
    return {
      ok: false,
      details: `${withErrors} ${withErrors === 1 ? "row has" : "rows have"} errors`,
      verified,
    };
  try {
    const counts = await db.transaction((tx) => saveRows(tx, verified, actor));
    return { ok: true, ...counts };
  } catch (error) {
    const details = failureDetails(error);
    if (details === undefined) throw error;
    return { ok: false, details, verified: await verifyBatch(db, rows) };
  }
}

async function saveRows(tx: Executor, verified: readonly VerifiedRow[], actor: { id: number }) {
  let persons = 0;
  const tasks = [];
  for (const { row, matched } of verified) {
    const saved = matched
      ? await existingPerson(tx, row.existingPersonId)
      : await createPerson(tx, newPerson(row), actor);
    if (!matched) persons++;
    const created = await createTaskUnlessExists(tx, saved, row);
    if (created) tasks.push(created);
  }
  if (tasks.length > 0) await recordChange(tx, { user: actor, objects: tasks });
  return { persons, tasks: tasks.length };
}

async function existingPerson(tx: Executor, id: number): Promise<PersonRow> {
  const found = await findPerson(tx, id);
  if (!found) throw new BatchRejected(`the person #${id} no longer exists`);
  return found;
}

function newPerson(row: BulkRow) {
  const fields = personFields({
    personal: row.personal,
    family: row.family,
    email: row.email,
    airportIata: row.airportIata,
  });
  return { fields, username: row.username };
}

/** The task's history entry when it is new; undefined when the person already had it. */
async function createTaskUnlessExists(tx: Executor, saved: PersonRow, row: BulkRow) {
  const [found] = await tx.select({ id: event.id }).from(event).where(eq(event.slug, row.event));
  if (!found) throw new BatchRejected(`the event "${row.event}" no longer exists`);
  const [roleRow] = await tx.select().from(role).where(eq(role.name, row.role));
  if (!roleRow) throw new BatchRejected(`the role "${row.role}" no longer exists`);
  const [created] = await tx
    .insert(task)
    .values({ eventId: found.id, personId: saved.id, roleId: roleRow.id })
    .onConflictDoNothing()
    .returning();
  if (!created) return undefined;
  return {
    contentType: "workshops.task",
    id: created.id,
    repr: `${row.event}/${personDisplay(saved)}=${roleRow.verboseName || roleRow.name}`,
    fields: rowFields(task, created),
  };
}

/** What to tell the admin when saving failed for a reason they can fix; undefined for a bug. */
function failureDetails(error: unknown): string | undefined {
  if (error instanceof BatchRejected) return error.message;
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === "23505")
      return `a value must be unique but is already taken${typeof constraint === "string" ? ` (${constraint})` : ""}`;
    if (code === "23503") return "a row refers to a record that no longer exists";
    current = cause;
  }
  return undefined;
}
