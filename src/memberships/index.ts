// The memberships module's public surface: memberships, partnerships, consortia and the service
// offering (accounts, benefits, account benefits, event categories).
import type { PermissionModel } from "../accounts/index.ts";

export { consortiaRoutes } from "./consortia/routes.tsx";
export { membershipsDemo } from "./demo.ts";
export { offeringRoutes } from "./offering/routes.ts";
export { partnershipsRoutes } from "./partnerships/routes.tsx";
export { membershipsRoutes } from "./routes.tsx";
export { membershipsSeeder } from "./seeds.ts";
export { membershipWorkflowRoutes } from "./workflow-routes.tsx";

export const membershipsPermissionModels: PermissionModel[] = [
  { appLabel: "workshops", model: "membership", verboseName: "membership" },
  { appLabel: "workshops", model: "member", verboseName: "member" },
  { appLabel: "workshops", model: "memberrole", verboseName: "member role" },
  { appLabel: "workshops", model: "eventcategory", verboseName: "event category" },
  { appLabel: "fiscal", model: "membershippersonrole", verboseName: "membership person role" },
  { appLabel: "fiscal", model: "membershiptask", verboseName: "membership task" },
  { appLabel: "fiscal", model: "consortium", verboseName: "consortium" },
  { appLabel: "fiscal", model: "partnershiptier", verboseName: "partnership tier" },
  { appLabel: "fiscal", model: "partnership", verboseName: "partnership" },
  { appLabel: "offering", model: "account", verboseName: "account" },
  { appLabel: "offering", model: "accountowner", verboseName: "account owner" },
  { appLabel: "offering", model: "benefit", verboseName: "benefit" },
  { appLabel: "offering", model: "accountbenefitdiscount", verboseName: "account benefit discount" },
  { appLabel: "offering", model: "accountbenefit", verboseName: "account benefit" },
];
