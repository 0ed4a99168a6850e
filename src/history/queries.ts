import { and, count, desc, eq, inArray } from "drizzle-orm";
import { contentType, person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { revision, version } from "./schema.ts";

/** The content type row of "app_label.model", created the first time it is needed. */
export async function contentTypeIdOf(db: Executor, label: string): Promise<number> {
  const [appLabel, model] = label.split(".");
  if (!appLabel || !model) throw new Error(`content type "${label}" is not "app_label.model"`);
  await db.insert(contentType).values({ appLabel, model }).onConflictDoNothing();
  const [row] = await db
    .select({ id: contentType.id })
    .from(contentType)
    .where(and(eq(contentType.appLabel, appLabel), eq(contentType.model, model)));
  if (!row) throw new Error(`content type ${label} was not created`);
  return row.id;
}

export async function insertRevision(
  db: Executor,
  values: { userId: number | null; comment: string },
): Promise<number> {
  const [row] = await db.insert(revision).values(values).returning({ id: revision.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function insertVersions(db: Executor, rows: (typeof version.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(version).values(rows);
}

export async function countRevisions(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(revision);
  return row?.n ?? 0;
}

export interface RecentChange {
  revisionId: number;
  dateCreated: Date;
  userName: string | null;
  /** The revision's first version, which the change log links to; none for an empty revision. */
  firstVersion: { id: number; objectRepr: string } | undefined;
}

/** Revisions newest first, each with its author and its first version. */
export async function listRecentChanges(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<RecentChange[]> {
  const revisions = await db
    .select({ revisionId: revision.id, dateCreated: revision.dateCreated, userName: person.personal })
    .from(revision)
    .leftJoin(person, eq(person.id, revision.userId))
    .orderBy(desc(revision.dateCreated), desc(revision.id))
    .limit(page.limit)
    .offset(page.offset);
  const ids = revisions.map((row) => row.revisionId);
  const firsts =
    ids.length === 0
      ? []
      : await db
          .selectDistinctOn([version.revisionId], {
            revisionId: version.revisionId,
            id: version.id,
            objectRepr: version.objectRepr,
          })
          .from(version)
          .where(inArray(version.revisionId, ids))
          .orderBy(version.revisionId, version.id);
  const byRevision = new Map(firsts.map((row) => [row.revisionId, row]));
  return revisions.map((row) => ({ ...row, firstVersion: byRevision.get(row.revisionId) }));
}

export interface VersionRow {
  id: number;
  objectId: string;
  contentTypeId: number;
  db: string;
  appLabel: string;
  model: string;
  objectRepr: string;
  serializedData: string;
  dateCreated: Date;
  userName: string | null;
  comment: string;
}

const versionColumns = {
  id: version.id,
  objectId: version.objectId,
  contentTypeId: version.contentTypeId,
  db: version.db,
  appLabel: contentType.appLabel,
  model: contentType.model,
  objectRepr: version.objectRepr,
  serializedData: version.serializedData,
  dateCreated: revision.dateCreated,
  userName: person.personal,
  comment: revision.comment,
};

function selectVersions(db: Executor) {
  return db
    .select(versionColumns)
    .from(version)
    .innerJoin(revision, eq(revision.id, version.revisionId))
    .innerJoin(contentType, eq(contentType.id, version.contentTypeId))
    .leftJoin(person, eq(person.id, revision.userId));
}

export async function findVersion(db: Executor, id: number): Promise<VersionRow | undefined> {
  const [row] = await selectVersions(db).where(eq(version.id, id));
  return row;
}

/** Every version of the object the given version belongs to, newest first. */
export async function listVersionsOfObject(db: Executor, of: VersionRow): Promise<VersionRow[]> {
  return selectVersions(db)
    .where(
      and(
        eq(version.contentTypeId, of.contentTypeId),
        eq(version.objectId, of.objectId),
        eq(version.db, of.db),
      ),
    )
    .orderBy(desc(version.id));
}

/** Forgets every stored version of one object (archiving a person keeps no trace of their old data). */
export async function deleteVersionsOf(
  db: Executor,
  label: string,
  objectId: number | string,
): Promise<void> {
  const contentTypeId = await contentTypeIdOf(db, label);
  await db
    .delete(version)
    .where(and(eq(version.contentTypeId, contentTypeId), eq(version.objectId, String(objectId))));
}

export interface VersionStamp {
  versionId: number;
  dateCreated: Date;
  userName: string | null;
}

/**
 * When an object was first and last saved, and by whom: the "created" and "last modified" lines of a
 * details page. Both are undefined for an object with no history (e.g. created before AMY kept it).
 */
export async function firstAndLastVersion(
  db: Executor,
  label: string,
  objectId: number | string,
): Promise<{ created: VersionStamp | undefined; lastModified: VersionStamp | undefined }> {
  const [appLabel, model] = label.split(".");
  const ofObject = and(
    eq(contentType.appLabel, appLabel ?? ""),
    eq(contentType.model, model ?? ""),
    eq(version.objectId, String(objectId)),
  );
  const [created] = await selectVersions(db).where(ofObject).orderBy(version.id).limit(1);
  const [lastModified] = await selectVersions(db).where(ofObject).orderBy(desc(version.id)).limit(1);
  return {
    created: created && {
      versionId: created.id,
      dateCreated: created.dateCreated,
      userName: created.userName,
    },
    lastModified: lastModified && {
      versionId: lastModified.id,
      dateCreated: lastModified.dateCreated,
      userName: lastModified.userName,
    },
  };
}
