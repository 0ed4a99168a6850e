// The organisations module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export { ORGANIZATION_CONTENT_TYPE } from "./commands.ts";
export { findOrganizationByDomain, findOrganizationById, type OrganizationRow } from "./queries.ts";
export { organizationsRoutes } from "./routes.tsx";
export { normalizeDomain, organizationDisplay, organizationPath } from "./rules.ts";
export {
  ADMINISTRATOR_DOMAINS,
  ADMINISTRATOR_ORGANIZATIONS,
  administratorOrganizationsSeeder,
  INSTRUCTOR_TRAINING_DOMAIN,
} from "./seeds.ts";

export const organizationsPermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "organization", verboseName: "organization" },
];
