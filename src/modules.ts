import type { FastifyInstance } from "fastify";
import { accountsDemo } from "./accounts/demo.ts";
import {
  accountsPermissionModels,
  accountsRoutes,
  adminGroupsSeeder,
  githubRoutes,
  passwordResetRoutes,
  permissionsSeeder,
} from "./accounts/index.ts";
import { commentsPermissionModels, sitesSeeder } from "./comments/index.ts";
import { communityRolesPermissionModels } from "./community-roles/index.ts";
import { dashboardRoutes } from "./dashboard/routes.tsx";
import type { Seeder } from "./db/seed.ts";
import { eventsPermissionModels } from "./events/index.ts";
import { historyRoutes } from "./history/index.ts";
import { mailRoutes } from "./mail/index.ts";
import { administratorOrganizationsSeeder, organizationsPermissionModels } from "./organizations/index.ts";
import { peoplePermissionModels } from "./people/index.ts";
import { referenceDataSeeder, referencePermissionModels } from "./reference/index.ts";

/** Each module's routes, in registration order. */
export const routePlugins: ((app: FastifyInstance) => Promise<void>)[] = [
  accountsRoutes,
  passwordResetRoutes,
  githubRoutes,
  mailRoutes,
  historyRoutes,
  dashboardRoutes,
];

/** Reference data every installation needs; run after each migration and at every start. */
export const referenceSeeders: Seeder[] = [
  adminGroupsSeeder,
  permissionsSeeder([
    ...accountsPermissionModels,
    ...referencePermissionModels,
    ...organizationsPermissionModels,
    ...peoplePermissionModels,
    ...eventsPermissionModels,
    ...communityRolesPermissionModels,
    ...commentsPermissionModels,
  ]),
  referenceDataSeeder,
  administratorOrganizationsSeeder,
  sitesSeeder,
];

/** The demo data set of `amy seed-demo`; each module adds its part after the ones it builds on. */
export const demoSeeders: Seeder[] = [accountsDemo];
