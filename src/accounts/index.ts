// The accounts module's public surface.
export { AccountError, createSuperuser } from "./commands.ts";
export { type CurrentUser, loadSession } from "./current-user.ts";
export { githubRoutes } from "./github/routes.tsx";
export { passwordResetRoutes } from "./password-reset/routes.tsx";
export { hashPassword, UNUSABLE_PASSWORD } from "./passwords.ts";
export {
  accountsPermissionModels,
  adminGroupsSeeder,
  type PermissionModel,
  permissionsSeeder,
} from "./permissions.ts";
export {
  addPersonToGroup,
  countPersons,
  findPersonByUsername,
  insertPerson,
  updatePassword,
} from "./queries.ts";
export { accountsRoutes } from "./routes.tsx";
export { passwordProblems, safeNextPath } from "./rules.ts";
