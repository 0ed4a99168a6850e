// What the service-offering pages share: path parameters, `next`, permissions of the viewer.
import type { FastifyRequest } from "fastify";
import { safeNextPath } from "../../accounts/index.ts";
import { hasPermission } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { isUuid } from "../rules.ts";

export type Query = { Querystring: Record<string, unknown> };
export type UuidParams = Query & { Params: { uuid: string } };

export const FIX_ERRORS = "Please fix errors in the form below.";

/** The `:uuid` path parameter, lower-cased; a malformed one is a 404, never a database error. */
export function uuidParam(value: string, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(`There is no ${what} at this address.`);
  return value.toLowerCase();
}

export function queryOf(request: FastifyRequest): URLSearchParams {
  return new URLSearchParams(request.url.split("?")[1] ?? "");
}

/** The first value of a query-string parameter, when it is text. */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** The `next` query parameter when it is a path on this site, otherwise the fallback. */
export function nextOr(request: FastifyRequest<Query>, fallback: string): string {
  const next = queryString(request.query, "next");
  return next !== undefined && safeNextPath(next) === next ? next : fallback;
}

/** Whether the viewer holds a permission (superusers hold them all). */
export function may(request: FastifyRequest, permission: string): boolean {
  return request.user !== null && hasPermission(request.user, permission);
}
