import { eq } from "drizzle-orm";
import type { Db, Executor } from "../db/client.ts";
import { recordChange, rowFields } from "../history/index.ts";
import { NotFoundError } from "../server/errors.ts";
import { type EventRow, findEventById, findEventLinks, replaceEventLinks } from "./form-queries.ts";
import { applySaveRules, EVENT_CONTENT_TYPE, type ReportsLinkSettings } from "./form-rules.ts";
import type { EventFields, EventLinks } from "./forms.ts";
import {
  deleteEventRow,
  deleteTasks,
  hideComments,
  moveComments,
  moveTasks,
  repointAwards,
  type TaskLink,
  tasksOf,
} from "./merge-queries.ts";
import {
  type CollectionPlan,
  collectionPlan,
  type MergeChoices,
  mergedFields,
  mergedIds,
  mergeRoles,
  splitDuplicateTasks,
} from "./merge-rules.ts";
import { event } from "./schema.ts";

export { EVENT_CONTENT_TYPE };

type Actor = { id: number } | null;

/** Records the event as it is now in the history, with its tags, curricula and lessons. */
export async function recordEventVersion(
  tx: Executor,
  eventId: number,
  actor: Actor,
  comment?: string,
): Promise<void> {
  const row = await findEventById(tx, eventId);
  if (!row) throw new Error(`event ${eventId} does not exist`);
  const links = await findEventLinks(tx, eventId);
  await recordChange(tx, {
    user: actor,
    objects: [
      {
        contentType: EVENT_CONTENT_TYPE,
        id: row.id,
        repr: row.slug,
        fields: {
          ...rowFields(event, row),
          tags: links.tagIds,
          curricula: links.curriculumIds,
          lessons: links.lessonIds,
        },
      },
    ],
    ...(comment ? { comment } : {}),
  });
}

export interface EventInput {
  fields: EventFields;
  links: EventLinks;
}

export async function createEvent(
  tx: Executor,
  input: EventInput,
  actor: Actor,
  reports: ReportsLinkSettings,
): Promise<EventRow> {
  const [row] = await tx.insert(event).values(applySaveRules(input.fields, reports)).returning();
  if (!row) throw new Error("insert returned no row");
  await replaceEventLinks(tx, row.id, input.links);
  await recordEventVersion(tx, row.id, actor);
  return row;
}

export async function updateEvent(
  tx: Executor,
  stored: EventRow,
  input: EventInput,
  actor: Actor,
  reports: ReportsLinkSettings,
): Promise<EventRow> {
  const [row] = await tx
    .update(event)
    .set(applySaveRules(input.fields, reports))
    .where(eq(event.id, stored.id))
    .returning();
  if (!row) throw new Error(`event ${stored.id} does not exist`);
  await replaceEventLinks(tx, row.id, input.links);
  await recordEventVersion(tx, row.id, actor);
  return row;
}

/** A delete the database refused because other records still refer to the event (a RESTRICT key). */
export class EventMergeBlockedError extends Error {
  constructor(
    readonly slug: string,
    /** The table whose rows still refer to it. */
    readonly referencedFrom: string,
  ) {
    super(`event ${slug} is still referenced from ${referencedFrom}`);
  }
}

export interface EventMergeOutcome {
  base: EventRow;
  /** Tasks of the merged event dropped because the surviving event already had them. */
  warnings: string[];
}

/**
 * Merges event B into A or A into B, as the choices say, in one transaction: tasks, comments and awards
 * first, then the merged event is deleted (freeing its slug and URL), then the surviving event takes
 * the chosen values and a version of it is recorded.
 */
export async function mergeEvents(
  db: Db,
  input: { aId: number; bId: number; choices: MergeChoices },
  actor: Actor,
  reports: ReportsLinkSettings,
): Promise<EventMergeOutcome> {
  const { choices } = input;
  return db.transaction(async (tx) => {
    const a = await loadEvent(tx, input.aId);
    const b = await loadEvent(tx, input.bId);
    const { base, merging } = mergeRoles(choices.id, a, b);
    const [linksA, linksB] = [await findEventLinks(tx, a.id), await findEventLinks(tx, b.id)];
    const warnings = await mergeTasks(tx, collectionPlan(choices.task_set, choices.id), base, merging);
    await mergeComments(tx, collectionPlan(choices.comments, choices.id), base.id, merging.id);
    await repointAwards(tx, merging.id, base.id);
    await deleteMergedEvent(tx, merging);
    const fields = { ...base, ...mergedFields(choices, a, b) };
    const links = {
      tagIds: mergedIds(choices.tags, linksA.tagIds, linksB.tagIds),
      curriculumIds: mergedIds(choices.curricula, linksA.curriculumIds, linksB.curriculumIds),
      lessonIds: mergedIds(choices.lessons, linksA.lessonIds, linksB.lessonIds),
    };
    const [row] = await tx
      .update(event)
      .set(applySaveRules(fields, reports))
      .where(eq(event.id, base.id))
      .returning();
    if (!row) throw new Error(`event ${base.id} does not exist`);
    await replaceEventLinks(tx, base.id, links);
    await recordEventVersion(tx, base.id, actor, `Merged ${merging.slug} into ${row.slug}.`);
    return { base: row, warnings };
  });
}

async function loadEvent(tx: Executor, id: number): Promise<EventRow> {
  const row = await findEventById(tx, id);
  if (!row) throw new NotFoundError("There is no event with this id.");
  return row;
}

async function mergeTasks(tx: Executor, plan: CollectionPlan, base: EventRow, merging: EventRow) {
  const mergingTasks = await tasksOf(tx, merging.id);
  const ids = (items: TaskLink[]) => items.map((item) => item.id);
  if (plan === "keep-base") {
    await deleteTasks(tx, ids(mergingTasks));
    return [];
  }
  const baseTasks = await tasksOf(tx, base.id);
  if (plan === "take-merging") {
    await deleteTasks(tx, ids(baseTasks));
    await moveTasks(tx, ids(mergingTasks), base.id);
    return [];
  }
  const { move, drop } = splitDuplicateTasks(mergingTasks, baseTasks);
  await deleteTasks(tx, ids(drop));
  await moveTasks(tx, ids(move), base.id);
  return drop.length === 0
    ? []
    : [`${drop.length} task(s) of ${merging.slug} were removed: the same person already had that role.`];
}

async function mergeComments(tx: Executor, plan: CollectionPlan, baseId: number, mergingId: number) {
  if (plan === "keep-base") return hideComments(tx, mergingId);
  if (plan === "take-merging") await hideComments(tx, baseId);
  await moveComments(tx, mergingId, baseId);
}

/** Deletes the merged event; a refusal by a protecting foreign key undoes the whole merge. */
async function deleteMergedEvent(tx: Executor, merging: EventRow) {
  try {
    await deleteEventRow(tx, merging.id);
  } catch (error) {
    const referencedFrom = refusingTable(error);
    if (referencedFrom === undefined) throw error;
    throw new EventMergeBlockedError(merging.slug, referencedFrom);
  }
}

/** The table named by a foreign-key refusal (restrict_violation or foreign_key_violation), however wrapped. */
function refusingTable(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, detail } = cause as Error & { code?: string; detail?: string };
    if (code === "23001" || code === "23503")
      return /referenced from table "([^"]+)"/.exec(detail ?? "")?.[1] ?? "another table";
  }
  return undefined;
}
