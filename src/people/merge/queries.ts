import { and, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { person } from "../../accounts/schema.ts";
import { comment } from "../../comments/schema.ts";
import { communityRole, communityRoleConfig } from "../../community-roles/schema.ts";
import type { Executor } from "../../db/client.ts";
import { event, task } from "../../events/schema.ts";
import { contentTypeIdOf } from "../../history/index.ts";
import { badge, knowledgeDomain, language, lesson, role } from "../../reference/schema.ts";
import { PERSON_CONTENT_TYPE } from "../commands.ts";
import type { PersonRow } from "../queries.ts";
import { personDisplay } from "../rules.ts";
import { award, personDomain, personLanguage, qualification } from "../schema.ts";

/** One related row of a person: its id, what makes it a duplicate (`key`) and how it reads. */
export interface ChildItem {
  id: number;
  key: string;
  label: string;
}

type ChildTableName =
  | typeof award
  | typeof task
  | typeof qualification
  | typeof personDomain
  | typeof personLanguage;

/** The rows that belong to a person through a `person_id` column, and how to list, move and delete them. */
export interface ChildTable {
  list(db: Executor, personId: number): Promise<ChildItem[]>;
  remove(tx: Executor, ids: readonly number[]): Promise<void>;
  move(tx: Executor, ids: readonly number[], toPersonId: number): Promise<void>;
}

function childTable(table: ChildTableName, key: SQL<string>, label: SQL<string>): ChildTable {
  const rows = table as typeof task;
  return {
    list: (db, personId) =>
      db
        .select({ id: rows.id, key, label })
        .from(rows)
        .where(eq(rows.personId, personId))
        .orderBy(label, rows.id),
    async remove(tx, ids) {
      if (ids.length > 0) await tx.delete(rows).where(inArray(rows.id, [...ids]));
    },
    async move(tx, ids, toPersonId) {
      if (ids.length > 0)
        await tx
          .update(rows)
          .set({ personId: toPersonId })
          .where(inArray(rows.id, [...ids]));
    },
  };
}

const nameOf = (table: typeof badge | typeof lesson | typeof knowledgeDomain | typeof language, id: SQL) =>
  sql<string>`(select ${table.name} from ${table} where ${table.id} = ${id})`;

export const CHILD_TABLES = {
  award_set: childTable(
    award,
    sql<string>`${award.badgeId}::text`,
    sql<string>`(select ${badge.title} from ${badge} where ${badge.id} = ${award.badgeId})`,
  ),
  qualification_set: childTable(
    qualification,
    sql<string>`${qualification.lessonId}::text`,
    nameOf(lesson, sql`${qualification.lessonId}`),
  ),
  domains: childTable(
    personDomain,
    sql<string>`${personDomain.knowledgedomainId}::text`,
    nameOf(knowledgeDomain, sql`${personDomain.knowledgedomainId}`),
  ),
  languages: childTable(
    personLanguage,
    sql<string>`${personLanguage.languageId}::text`,
    nameOf(language, sql`${personLanguage.languageId}`),
  ),
  task_set: childTable(
    task,
    sql<string>`${task.eventId} || ':' || ${task.roleId}`,
    sql<string>`(select ${event.slug} from ${event} where ${event.id} = ${task.eventId}) || ' (' ||
      (select ${role.name} from ${role} where ${role.id} = ${task.roleId}) || ')'`,
  ),
} as const;

export type ChildCollection = keyof typeof CHILD_TABLES;

const commentsAbout = async (db: Executor, personId: number) =>
  and(
    eq(comment.contentTypeId, await contentTypeIdOf(db, PERSON_CONTENT_TYPE)),
    eq(comment.objectPk, String(personId)),
  );

export async function countComments(
  db: Executor,
  personId: number,
): Promise<{ written: number; about: number }> {
  const [written] = await db.select({ n: count() }).from(comment).where(eq(comment.userId, personId));
  const [about] = await db
    .select({ n: count() })
    .from(comment)
    .where(and(await commentsAbout(db, personId), eq(comment.isRemoved, false)));
  return { written: written?.n ?? 0, about: about?.n ?? 0 };
}

/** Comments a person wrote pass to another author, or to none (`null`). */
export async function reassignCommentsWritten(
  tx: Executor,
  fromPersonId: number,
  toPersonId: number | null,
): Promise<void> {
  await tx.update(comment).set({ userId: toPersonId }).where(eq(comment.userId, fromPersonId));
}

export async function moveCommentsAbout(
  tx: Executor,
  fromPersonId: number,
  toPersonId: number,
): Promise<void> {
  await tx
    .update(comment)
    .set({ objectPk: String(toPersonId) })
    .where(await commentsAbout(tx, fromPersonId));
}

/** Hidden, not deleted: django-comments' "removed" flag keeps the text for the record. */
export async function hideCommentsAbout(tx: Executor, personId: number): Promise<void> {
  await tx
    .update(comment)
    .set({ isRemoved: true })
    .where(await commentsAbout(tx, personId));
}

/** Records that name a person without belonging to them: they follow the person into the merged record. */
export async function repointReferences(
  tx: Executor,
  fromPersonId: number,
  toPersonId: number,
): Promise<void> {
  await tx.update(award).set({ awardedById: toPersonId }).where(eq(award.awardedById, fromPersonId));
  await tx.update(event).set({ assignedToId: toPersonId }).where(eq(event.assignedToId, fromPersonId));
}

export async function deletePersonRow(tx: Executor, personId: number): Promise<void> {
  await tx.delete(person).where(eq(person.id, personId));
}

export async function setActive(tx: Executor, personId: number, isActive: boolean): Promise<void> {
  await tx.update(person).set({ isActive }).where(eq(person.id, personId));
}

/** Community roles tied to an award (they keep it from being deleted). */
export async function communityRolesOfAward(db: Executor, awardId: number): Promise<string[]> {
  const rows = await db
    .select({ name: communityRoleConfig.displayName, person })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .innerJoin(person, eq(person.id, communityRole.personId))
    .where(eq(communityRole.awardId, awardId));
  return rows.map((row) => `${row.name} of ${personDisplay(row.person)}`);
}

/** What the comparison page shows of one person besides their own fields. */
export interface MergeSide {
  person: PersonRow;
  items: Record<ChildCollection, string[]>;
  comments: { written: number; about: number };
}

export async function loadMergeSide(db: Executor, row: PersonRow): Promise<MergeSide> {
  const items = {} as Record<ChildCollection, string[]>;
  for (const name of Object.keys(CHILD_TABLES) as ChildCollection[]) {
    items[name] = (await CHILD_TABLES[name].list(db, row.id)).map((item) => item.label);
  }
  return { person: row, items, comments: await countComments(db, row.id) };
}

/** "Instructor of Ada Lovelace <ada@example.org>": an award as the blocked-delete page names it. */
export async function describeAward(db: Executor, awardId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ title: badge.title, person })
    .from(award)
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .innerJoin(person, eq(person.id, award.personId))
    .where(eq(award.id, awardId));
  return row ? `The award "${row.title}" of ${personDisplay(row.person)}` : undefined;
}
