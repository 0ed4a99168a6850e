import { and, asc, eq } from "drizzle-orm";
import { contentType, person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { contentTypeIdOf } from "../history/index.ts";
import { comment } from "./schema.ts";

export interface CommentRow {
  id: number;
  authorName: string;
  submitDate: Date;
  text: string;
}

/** The public, not removed comments on an object, oldest first. */
export async function listComments(
  db: Executor,
  label: string,
  objectPk: number | string,
): Promise<CommentRow[]> {
  const [appLabel, model] = label.split(".");
  const rows = await db
    .select({
      id: comment.id,
      userName: comment.userName,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      username: person.username,
      submitDate: comment.submitDate,
      text: comment.comment,
    })
    .from(comment)
    .innerJoin(contentType, eq(contentType.id, comment.contentTypeId))
    .leftJoin(person, eq(person.id, comment.userId))
    .where(
      and(
        eq(contentType.appLabel, appLabel ?? ""),
        eq(contentType.model, model ?? ""),
        eq(comment.objectPk, String(objectPk)),
        eq(comment.isPublic, true),
        eq(comment.isRemoved, false),
      ),
    )
    .orderBy(asc(comment.submitDate), asc(comment.id));
  return rows.map((row) => ({
    id: row.id,
    authorName: nameOf(row),
    submitDate: row.submitDate,
    text: row.text,
  }));
}

function nameOf(row: {
  userName: string;
  personal: string | null;
  middle: string | null;
  family: string | null;
  username: string | null;
}) {
  if (row.username === null) return row.userName;
  const full = [row.personal, row.middle, row.family].filter((part) => part?.trim()).join(" ");
  return full || row.username;
}

export interface NewComment {
  contentType: string;
  objectPk: number | string;
  text: string;
  siteId: number;
  userId: number | null;
  userName: string;
  userEmail?: string;
  ipAddress?: string | null;
}

export async function insertComment(db: Executor, values: NewComment): Promise<number> {
  const [row] = await db
    .insert(comment)
    .values({
      contentTypeId: await contentTypeIdOf(db, values.contentType),
      objectPk: String(values.objectPk),
      siteId: values.siteId,
      userId: values.userId,
      userName: values.userName,
      userEmail: values.userEmail ?? "",
      comment: values.text,
      ipAddress: values.ipAddress ?? null,
    })
    .returning({ id: comment.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}
