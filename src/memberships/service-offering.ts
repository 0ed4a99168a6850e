import type { FastifyInstance, RouteShorthandOptions } from "fastify";
import type { Access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";

/**
 * Options for a route of the service offering (partnerships, consortia, accounts, benefits, event
 * categories): its access rule is checked first, then the page answers 404 while
 * AMY_SERVICE_OFFERING is off, as in AMY.
 */
export function offeringRoute(app: FastifyInstance, rule: Access): RouteShorthandOptions {
  return {
    config: { access: rule },
    preHandler: async () => {
      if (!app.config.serviceOffering) throw new NotFoundError();
    },
  };
}
