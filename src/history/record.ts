import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import { contentTypeIdOf, insertRevision, insertVersions } from "./queries.ts";
import { serializeVersion } from "./rules.ts";

export interface ChangedObject {
  /** Django's "app_label.model", e.g. "workshops.person". */
  contentType: string;
  id: number | string;
  /** How the object reads now, e.g. the person's full name. */
  repr: string;
  /** The object's fields after the change, by Django field name (see `rowFields`). */
  fields: Record<string, unknown>;
}

export interface Change {
  user: { id: number } | null;
  objects: readonly ChangedObject[];
  comment?: string;
}

/**
 * Records one revision: who changed what, with a version of each object as it is now. Call it inside
 * the transaction that makes the change, so the history and the data never disagree. The primary key
 * and the password are never stored.
 */
export async function recordChange(tx: Executor, change: Change): Promise<number> {
  const revisionId = await insertRevision(tx, {
    userId: change.user?.id ?? null,
    comment: change.comment ?? "",
  });
  const versions = [];
  for (const object of change.objects) {
    const objectId = String(object.id);
    versions.push({
      revisionId,
      objectId,
      contentTypeId: await contentTypeIdOf(tx, object.contentType),
      serializedData: serializeVersion(object.contentType, objectId, object.fields),
      objectRepr: object.repr,
    });
  }
  await insertVersions(tx, versions);
  return revisionId;
}

/**
 * A row's fields named as Django names them: by column, with a foreign key's `_id` dropped
 * (`host_id` → `host`), so our versions read like the ones an AMY import brings.
 */
export function rowFields<T extends PgTable>(table: T, row: T["$inferSelect"]): Record<string, unknown> {
  const foreignKeyColumns = new Set(
    getTableConfig(table).foreignKeys.flatMap((key) => key.reference().columns.map((column) => column.name)),
  );
  const fields: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const name = foreignKeyColumns.has(column.name) ? column.name.replace(/_id$/, "") : column.name;
    fields[name] = (row as Record<string, unknown>)[key];
  }
  return fields;
}
