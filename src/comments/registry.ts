import type { Executor } from "../db/client.ts";

/** How the comments module reaches a commentable object: its page, or undefined when it does not exist. */
export type CommentTargetPage = (db: Executor, objectPk: string) => Promise<string | undefined>;

// Only models whose pages show a comment thread may be commented on. Each module adds its own
// when its routes are registered (organisations now; persons, events and the rest as they land).
const targets = new Map<string, CommentTargetPage>();

/** Lets people comment on objects of a content type ("app_label.model"). */
export function registerCommentTarget(contentType: string, pageOf: CommentTargetPage): void {
  targets.set(contentType, pageOf);
}

export function commentTarget(contentType: string): CommentTargetPage | undefined {
  return targets.get(contentType);
}
