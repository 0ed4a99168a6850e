// The events module's public surface (its pages come with the events issue).
import type { PermissionModel } from "../accounts/index.ts";

export const eventsPermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "event", verboseName: "event" },
  { appLabel: "workshops", model: "task", verboseName: "task" },
];
