import type { Db, Executor } from "../../../db/client.ts";
import { recordChange, rowFields } from "../../../history/index.ts";
import { eventCategory } from "../../schema.ts";
import type { EventCategoryInput } from "./forms.ts";
import {
  deleteEventCategoryRow,
  type EventCategoryRow,
  eventsInCategory,
  insertEventCategory,
  updateEventCategoryRow,
} from "./queries.ts";
import { EVENT_CATEGORY_CONTENT_TYPE } from "./rules.ts";

type Author = { id: number } | null;

async function record(tx: Executor, row: EventCategoryRow, user: Author, comment?: string) {
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: EVENT_CATEGORY_CONTENT_TYPE,
        id: row.id,
        repr: row.name,
        fields: rowFields(eventCategory, row),
      },
    ],
  });
}

export function createEventCategory(db: Db, input: EventCategoryInput, user: Author) {
  return db.transaction(async (tx) => {
    const row = await insertEventCategory(tx, input);
    await record(tx, row, user);
    return row;
  });
}

export function updateEventCategory(db: Db, id: string, input: EventCategoryInput, user: Author) {
  return db.transaction(async (tx) => {
    const row = await updateEventCategoryRow(tx, id, input);
    await record(tx, row, user);
    return row;
  });
}

export type DeleteOutcome = { deleted: true } | { deleted: false; events: { slug: string }[] };

/** Deletes a category no event uses, keeping its last state in the history. */
export async function deleteEventCategory(
  db: Db,
  row: EventCategoryRow,
  user: Author,
): Promise<DeleteOutcome> {
  const events = await eventsInCategory(db, row.id);
  if (events.length > 0) return { deleted: false, events };
  await db.transaction(async (tx) => {
    await record(tx, row, user, "Deleted.");
    await deleteEventCategoryRow(tx, row.id);
  });
  return { deleted: true };
}
