import type { Db } from "../db/client.ts";
import type { BlockingGroup } from "../ui/blocked-delete.tsx";
import { recordEventVersion } from "./commands.ts";
import {
  awardsOfEvent,
  deleteEventRow,
  type EventAwardRow,
  type EventTaskRow,
  findAssignableAdmin,
  setAssignee,
  tasksOfEvent,
} from "./details-queries.ts";
import type { EventRow } from "./form-queries.ts";
import { blockedDeleteGroups } from "./rules.ts";

type Actor = { id: number } | null;

export type DeleteOutcome = { deleted: true } | { deleted: false; groups: BlockingGroup[] };

/**
 * Deletes an event nothing protects (its tag, curriculum and lesson links go with it); its last
 * state stays in the history. Otherwise names the tasks and awards in the way.
 */
export async function deleteEvent(db: Db, row: EventRow, actor: Actor): Promise<DeleteOutcome> {
  const blockers: { tasks: EventTaskRow[]; awards: EventAwardRow[] } = {
    tasks: await tasksOfEvent(db, row.id),
    awards: await awardsOfEvent(db, row.id),
  };
  if (blockers.tasks.length > 0 || blockers.awards.length > 0) {
    return { deleted: false, groups: blockedDeleteGroups(row.slug, blockers) };
  }
  await db.transaction(async (tx) => {
    await recordEventVersion(tx, row.id, actor, "Deleted.");
    await deleteEventRow(tx, row.id);
  });
  return { deleted: true };
}

export type AssignOutcome = { ok: true } | { ok: false };

/** Makes an admin responsible for the event, or (null) nobody; anyone but an admin is refused. */
export async function assignEvent(
  db: Db,
  row: EventRow,
  assigneeId: number | null,
  actor: Actor,
): Promise<AssignOutcome> {
  if (assigneeId !== null && !(await findAssignableAdmin(db, assigneeId))) return { ok: false };
  await db.transaction(async (tx) => {
    await setAssignee(tx, row.id, assigneeId);
    await recordEventVersion(tx, row.id, actor);
  });
  return { ok: true };
}
