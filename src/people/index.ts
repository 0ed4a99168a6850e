// The people module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export const peoplePermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "award", verboseName: "award" },
  { appLabel: "workshops", model: "qualification", verboseName: "qualification" },
];
