// The community roles module's public surface (its pages come with their own issue).
import type { PermissionModel } from "../accounts/index.ts";

export const communityRolesPermissionModels: PermissionModel[] = [
  { appLabel: "communityroles", model: "communityrole", verboseName: "community role" },
  { appLabel: "communityroles", model: "communityroleconfig", verboseName: "community role config" },
];
