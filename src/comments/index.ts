// The comments module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export { addAutomaticComment, addUserComment, type CommentAuthor, postComment } from "./commands.ts";
export { type CommentRow, listComments } from "./queries.ts";
export { commentsRoutes } from "./routes.tsx";
export { COMMENT_MAX_LENGTH } from "./rules.ts";
export { CURRENT_SITE_ID, sitesSeeder } from "./seeds.ts";
export { CommentsSection } from "./views/comments-section.tsx";

export const commentsPermissionModels: PermissionModel[] = [
  { appLabel: "django_comments", model: "comment", verboseName: "comment" },
];
