// The comments module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export { CURRENT_SITE_ID, sitesSeeder } from "./seeds.ts";

export const commentsPermissionModels: PermissionModel[] = [
  { appLabel: "django_comments", model: "comment", verboseName: "comment" },
];
