// The events module's public surface (its pages come with the events issue).
import type { PermissionModel } from "../accounts/index.ts";

export { EVENT_CONTENT_TYPE, recordEventVersion } from "./commands.ts";
export { eventsDemo } from "./demo.ts";
export { findAssignableAdmin } from "./details-queries.ts";
export { eventFormRoutes } from "./form-routes.tsx";
export { eventImportRoutes } from "./import/routes.tsx";
export { type EventTagBadge, tagsOfEventJson } from "./list-queries.ts";
export { eventsMergeRoutes } from "./merge-routes.tsx";
export {
  activeEvents,
  assignedTo,
  attendanceColumns,
  currentEvents,
  instructorsCount,
  metadataChangedEvents,
  notCancelled,
  notUnresponsive,
  ongoingEvents,
  pastEvents,
  publishedEvents,
  taggedWith,
  tttEvents,
  unpublishedConditional,
  unpublishedEvents,
  upcomingEvents,
} from "./queries.ts";
export { eventsRoutes } from "./routes.tsx";
export {
  attendance,
  eligibleForInstructorRecruitment,
  eventDisplay,
  eventPath,
  mailto,
  repositoryUrl,
  tagColour,
  websiteUrl,
} from "./rules.ts";
export { tasksRoutes } from "./tasks/routes.tsx";
export { SEAT_BENEFIT_NAMES } from "./tasks/rules.ts";
export { TaskInlineForm } from "./tasks/views/inline-form.tsx";
export type { EventDetailsProps } from "./views/event-details.tsx";
export { TagBadges } from "./views/tag-badges.tsx";

export const eventsPermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "event", verboseName: "event" },
  { appLabel: "workshops", model: "task", verboseName: "task" },
];
