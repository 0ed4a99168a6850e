// The organisations module's public surface.
import type { PermissionModel } from "../accounts/index.ts";

export {
  ADMINISTRATOR_DOMAINS,
  ADMINISTRATOR_ORGANIZATIONS,
  administratorOrganizationsSeeder,
  INSTRUCTOR_TRAINING_DOMAIN,
} from "./seeds.ts";

export const organizationsPermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "organization", verboseName: "organization" },
];
