/** Events merge: reading both sides and moving what belongs to the merged event. */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import { comment } from "../comments/schema.ts";
import type { Executor } from "../db/client.ts";
import { contentTypeIdOf } from "../history/index.ts";
import { organization } from "../organizations/schema.ts";
import { award } from "../people/schema.ts";
import { curriculum, language, lesson, role, tag } from "../reference/schema.ts";
import { todayIso } from "../ui/time.ts";
import { type EventRow, findEventLinks } from "./form-queries.ts";
import { EVENT_CONTENT_TYPE } from "./form-rules.ts";
import { findAccountBenefitLink, findEventCategoryName, findMembershipLink } from "./offering-queries.ts";
import { event, task } from "./schema.ts";

export interface MergeSide {
  event: EventRow;
  /** How each foreign key reads, by form field name. */
  names: Record<
    | "host"
    | "sponsor"
    | "administrator"
    | "assigned_to"
    | "language"
    | "membership"
    | "allocated_benefit"
    | "event_category",
    string
  >;
  items: Record<"tags" | "curricula" | "lessons" | "task_set", string[]>;
  comments: number;
}

export type TaskLink = { id: number; personId: number; roleId: number };

export async function tasksOf(db: Executor, eventId: number): Promise<TaskLink[]> {
  return db
    .select({ id: task.id, personId: task.personId, roleId: task.roleId })
    .from(task)
    .where(eq(task.eventId, eventId))
    .orderBy(asc(task.id));
}

export async function moveTasks(tx: Executor, ids: readonly number[], eventId: number): Promise<void> {
  if (ids.length > 0)
    await tx
      .update(task)
      .set({ eventId })
      .where(inArray(task.id, [...ids]));
}

export async function deleteTasks(tx: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await tx.delete(task).where(inArray(task.id, [...ids]));
}

const commentsAbout = async (db: Executor, eventId: number) =>
  and(
    eq(comment.contentTypeId, await contentTypeIdOf(db, EVENT_CONTENT_TYPE)),
    eq(comment.objectPk, String(eventId)),
  );

export async function moveComments(tx: Executor, fromEventId: number, toEventId: number): Promise<void> {
  await tx
    .update(comment)
    .set({ objectPk: String(toEventId) })
    .where(await commentsAbout(tx, fromEventId));
}

/** Hidden, not deleted: django-comments' "removed" flag keeps the text for the record. */
export async function hideComments(tx: Executor, eventId: number): Promise<void> {
  await tx
    .update(comment)
    .set({ isRemoved: true })
    .where(await commentsAbout(tx, eventId));
}

export async function repointAwards(tx: Executor, fromEventId: number, toEventId: number): Promise<void> {
  await tx.update(award).set({ eventId: toEventId }).where(eq(award.eventId, fromEventId));
}

export async function deleteEventRow(tx: Executor, eventId: number): Promise<void> {
  await tx.delete(event).where(eq(event.id, eventId));
}

/** One event as the comparison page shows it. */
export async function loadMergeSide(db: Executor, row: EventRow): Promise<MergeSide> {
  const orgName = async (id: number | null) =>
    id === null
      ? ""
      : ((
          await db.select({ name: organization.fullname }).from(organization).where(eq(organization.id, id))
        )[0]?.name ?? "");
  const [assignee] =
    row.assignedToId === null
      ? []
      : await db
          .select({ personal: person.personal, family: person.family })
          .from(person)
          .where(eq(person.id, row.assignedToId));
  const [spoken] =
    row.languageId === null
      ? []
      : await db.select({ name: language.name }).from(language).where(eq(language.id, row.languageId));
  const links = await findEventLinks(db, row.id);
  const names = async (table: typeof tag | typeof lesson | typeof curriculum, ids: number[]) =>
    ids.length === 0
      ? []
      : (await db.select({ name: table.name }).from(table).where(inArray(table.id, ids))).map((r) => r.name);
  const tasks = await db
    .select({ personal: person.personal, family: person.family, role: role.name })
    .from(task)
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(role, eq(role.id, task.roleId))
    .where(eq(task.eventId, row.id))
    .orderBy(asc(task.id));
  const [comments] = await db
    .select({ n: count() })
    .from(comment)
    .where(and(await commentsAbout(db, row.id), eq(comment.isRemoved, false)));
  return {
    event: row,
    names: {
      host: await orgName(row.hostId),
      sponsor: await orgName(row.sponsorId),
      administrator: await orgName(row.administratorId),
      assigned_to: assignee ? `${assignee.personal} ${assignee.family}` : "",
      language: spoken?.name ?? "",
      membership: (await findMembershipLink(db, row.membershipId))?.label ?? "",
      allocated_benefit: (await findAccountBenefitLink(db, row.allocatedBenefitId, todayIso()))?.label ?? "",
      event_category: (await findEventCategoryName(db, row.eventCategoryId)) ?? "",
    },
    items: {
      tags: await names(tag, links.tagIds),
      curricula: await names(curriculum, links.curriculumIds),
      lessons: await names(lesson, links.lessonIds),
      task_set: tasks.map((item) => `${item.personal} ${item.family} (${item.role})`),
    },
    comments: comments?.n ?? 0,
  };
}
