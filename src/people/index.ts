// The people module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export { personAccountRoutes } from "./account-routes.tsx";
export { awardsRoutes } from "./awards/routes.tsx";
export { awardDisplay } from "./awards/rules.ts";
export { bulkUploadRoutes } from "./bulk-upload/routes.tsx";
export { createPerson, PERSON_CONTENT_TYPE } from "./commands.ts";
export { ensureInstructorConfig, peopleDemo } from "./demo.ts";
export { personFormRoutes } from "./form-routes.tsx";
export { personsMergeRoutes } from "./merge/routes.tsx";
export { peopleRoutes } from "./routes.tsx";
export { fullName, GENDERS, type PersonName, personDisplay } from "./rules.ts";

export const peoplePermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "award", verboseName: "award" },
  { appLabel: "workshops", model: "qualification", verboseName: "qualification" },
];
