import type { FastifyInstance } from "fastify";
import { accountBenefitRoutes } from "./account-benefits/routes.tsx";
import { accountLookupRoute, accountRelationLookupRoute } from "./accounts/lookup.ts";
import { accountOwnersRoutes } from "./accounts/owners-routes.tsx";
import { accountRoutes } from "./accounts/routes.tsx";
import { benefitRoutes } from "./benefits/routes.tsx";
import { eventCategoryRoutes } from "./event-categories/routes.tsx";

/** The service-offering pages under /offering/ and the lookup of the account form. */
export async function offeringRoutes(app: FastifyInstance) {
  await accountRoutes(app);
  await accountOwnersRoutes(app);
  await accountRelationLookupRoute(app);
  await accountLookupRoute(app);
  await accountBenefitRoutes(app);
  await benefitRoutes(app);
  await eventCategoryRoutes(app);
}
