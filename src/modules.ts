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
import { commentsPermissionModels, commentsRoutes, sitesSeeder } from "./comments/index.ts";
import { communityRolesPermissionModels } from "./community-roles/index.ts";
import { dashboardRoutes } from "./dashboard/routes.tsx";
import type { Seeder } from "./db/seed.ts";
import {
  eventFormRoutes,
  eventImportRoutes,
  eventsDemo,
  eventsMergeRoutes,
  eventsPermissionModels,
  eventsRoutes,
  tasksRoutes,
} from "./events/index.ts";
import { historyRoutes } from "./history/index.ts";
import { lookupRoutes } from "./lookups/index.ts";
import { mailRoutes } from "./mail/index.ts";
import {
  consortiaRoutes,
  membershipsDemo,
  membershipsPermissionModels,
  membershipsRoutes,
  membershipsSeeder,
  membershipWorkflowRoutes,
  offeringRoutes,
  partnershipsRoutes,
} from "./memberships/index.ts";
import {
  administratorOrganizationsSeeder,
  organizationsPermissionModels,
  organizationsRoutes,
} from "./organizations/index.ts";
import {
  awardsRoutes,
  bulkUploadRoutes,
  peopleDemo,
  peoplePermissionModels,
  peopleRoutes,
  personAccountRoutes,
  personFormRoutes,
  personsMergeRoutes,
} from "./people/index.ts";
import { referenceDataSeeder, referencePermissionModels, referenceRoutes } from "./reference/index.ts";
import { reportsRoutes } from "./reports/index.ts";
import {
  commentsSearch,
  consortiumsSearch,
  eventsSearch,
  membershipsSearch,
  organizationsSearch,
  partnershipsSearch,
  personsSearch,
  type SearchSection,
  searchRoutes,
} from "./search/index.ts";

/** What the global search looks through, in the order its page shows the sections. */
export const searchSections: SearchSection[] = [
  organizationsSearch,
  membershipsSearch,
  partnershipsSearch,
  consortiumsSearch,
  eventsSearch,
  personsSearch,
  commentsSearch,
];

/** Each module's routes, in registration order. */
export const routePlugins: ((app: FastifyInstance) => Promise<void>)[] = [
  accountsRoutes,
  passwordResetRoutes,
  githubRoutes,
  mailRoutes,
  historyRoutes,
  dashboardRoutes,
  organizationsRoutes,
  commentsRoutes,
  peopleRoutes,
  personFormRoutes,
  personAccountRoutes,
  awardsRoutes,
  personsMergeRoutes,
  lookupRoutes,
  searchRoutes(searchSections),
  referenceRoutes,
  bulkUploadRoutes,
  reportsRoutes,
  eventFormRoutes,
  eventsMergeRoutes,
  tasksRoutes,
  eventImportRoutes,
  eventsRoutes,
  membershipsRoutes,
  membershipWorkflowRoutes,
  consortiaRoutes,
  partnershipsRoutes,
  offeringRoutes,
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
    ...membershipsPermissionModels,
  ]),
  referenceDataSeeder,
  administratorOrganizationsSeeder,
  sitesSeeder,
  membershipsSeeder,
];

/** The demo data set of `amy seed-demo`; each module adds its part after the ones it builds on. */
export const demoSeeders: Seeder[] = [accountsDemo, peopleDemo, eventsDemo, membershipsDemo];
