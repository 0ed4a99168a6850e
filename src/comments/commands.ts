import type { Executor } from "../db/client.ts";
import { insertComment } from "./queries.ts";
import { AUTOMATIC_COMMENT_AUTHOR, authorName } from "./rules.ts";
import { CURRENT_SITE_ID } from "./seeds.ts";

/**
 * Files a note on an object on nobody's behalf, e.g. the "comment" typed into a create form. Call it
 * inside the transaction that creates the object.
 */
export function addAutomaticComment(
  tx: Executor,
  input: { contentType: string; objectPk: number | string; text: string },
): Promise<number> {
  return insertComment(tx, {
    ...input,
    siteId: CURRENT_SITE_ID,
    userId: null,
    userName: AUTOMATIC_COMMENT_AUTHOR,
  });
}

export interface CommentAuthor {
  id: number;
  personal: string;
  middle?: string;
  family: string;
  username: string;
  email: string | null;
}

/** A comment a logged-in person writes on an object's page. */
export function postComment(
  db: Executor,
  input: {
    contentType: string;
    objectPk: string;
    text: string;
    author: CommentAuthor;
    ipAddress: string | null;
  },
): Promise<number> {
  const { author } = input;
  return insertComment(db, {
    contentType: input.contentType,
    objectPk: input.objectPk,
    text: input.text,
    siteId: CURRENT_SITE_ID,
    userId: author.id,
    userName: authorName({ ...author, middle: author.middle ?? "" }),
    userEmail: author.email ?? "",
    ipAddress: input.ipAddress,
  });
}

/**
 * A comment filed by an action on behalf of the person doing it (e.g. "members changed"), authored
 * by them. Call it inside the transaction that makes the change.
 */
export function addUserComment(
  tx: Executor,
  input: { contentType: string; objectPk: number | string; text: string; author: CommentAuthor },
): Promise<number> {
  return postComment(tx, { ...input, objectPk: String(input.objectPk), ipAddress: null });
}
