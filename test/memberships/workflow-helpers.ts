// Shared by the membership workflow tests: formset posts, and reading a membership's comments and
// history versions.
import { and, asc, eq } from "drizzle-orm";
import { contentType } from "../../src/accounts/schema.ts";
import { comment } from "../../src/comments/schema.ts";
import type { Db } from "../../src/db/client.ts";
import { version } from "../../src/history/schema.ts";

export interface PostedRowFields {
  id?: number | string;
  editable?: boolean;
  delete?: boolean;
  [field: string]: string | number | boolean | undefined;
}

/**
 * The fields of a formset post (prefix `form`): management data, then each row's fields, with
 * `form-N-EDITABLE` / `form-N-DELETE` = "on" when asked for. The first `initial` rows are stored ones.
 */
export function formsetPost(rows: readonly PostedRowFields[], initial: number): Record<string, string> {
  const fields: Record<string, string> = {
    "form-TOTAL_FORMS": String(rows.length),
    "form-INITIAL_FORMS": String(initial),
    "form-MIN_NUM_FORMS": "0",
    "form-MAX_NUM_FORMS": "1000",
  };
  rows.forEach((row, index) => {
    for (const [name, value] of Object.entries(row)) {
      if (value === undefined) continue;
      if (name === "editable") {
        if (value) fields[`form-${index}-EDITABLE`] = "on";
      } else if (name === "delete") {
        if (value) fields[`form-${index}-DELETE`] = "on";
      } else fields[`form-${index}-${name}`] = String(value);
    }
    if (row.id === undefined) fields[`form-${index}-id`] = "";
  });
  return fields;
}

async function contentTypeId(db: Db, label: string): Promise<number | undefined> {
  const [appLabel, model] = label.split(".") as [string, string];
  const [row] = await db
    .select({ id: contentType.id })
    .from(contentType)
    .where(and(eq(contentType.appLabel, appLabel), eq(contentType.model, model)));
  return row?.id;
}

/** The comments on a membership, oldest first. */
export async function membershipComments(db: Db, membershipId: number) {
  const typeId = await contentTypeId(db, "workshops.membership");
  if (typeId === undefined) return [];
  return db
    .select()
    .from(comment)
    .where(and(eq(comment.contentTypeId, typeId), eq(comment.objectPk, String(membershipId))))
    .orderBy(asc(comment.id));
}

/** The history versions of an object, oldest first. */
export async function versionsOf(db: Db, label: string, id: number) {
  const typeId = await contentTypeId(db, label);
  if (typeId === undefined) return [];
  return db
    .select()
    .from(version)
    .where(and(eq(version.contentTypeId, typeId), eq(version.objectId, String(id))))
    .orderBy(asc(version.id));
}
