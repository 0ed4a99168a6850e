import type { FastifyInstance } from "fastify";

/** Who may use a route. Every route declares one in `config.access`; `buildApp` refuses a route without. */
export type Access =
  | { rule: "public" }
  | { rule: "login" }
  | { rule: "admin" }
  | { rule: "permission"; permissions: readonly string[] }
  | { rule: "self-or"; param: string; otherwise: "superuser" | { permission: string } }
  | { rule: "superuser" };

export const access = {
  public: { rule: "public" } as Access,
  login: { rule: "login" } as Access,
  admin: { rule: "admin" } as Access,
  superuser: { rule: "superuser" } as Access,
  permission: (...permissions: string[]): Access => ({ rule: "permission", permissions }),
  /** The person named by the URL parameter, or someone with the permission (or a superuser). */
  selfOr: (param: string, otherwise: "superuser" | { permission: string }): Access => ({
    rule: "self-or",
    param,
    otherwise,
  }),
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** Set to false only for routes authenticated by something other than the session cookie. */
    csrf?: boolean;
  }
}

export interface AccessSubject {
  id: number;
  isSuperuser: boolean;
  isAdmin: boolean;
  permissions: ReadonlySet<string>;
}

export type AccessDecision = "allow" | "login" | "forbid";

export function hasPermission(user: AccessSubject, name: string): boolean {
  return user.isSuperuser || user.permissions.has(name);
}

/** Decides a request: let it through, send the visitor to log in, or refuse it. */
export function decideAccess(
  rule: Access,
  user: AccessSubject | null,
  params: Record<string, string | undefined>,
): AccessDecision {
  if (rule.rule === "public") return "allow";
  if (!user) return "login";
  switch (rule.rule) {
    case "login":
      return "allow";
    case "admin":
      return user.isAdmin ? "allow" : "forbid";
    case "permission":
      return user.isAdmin && rule.permissions.every((name) => hasPermission(user, name)) ? "allow" : "forbid";
    case "superuser":
      return user.isSuperuser ? "allow" : "forbid";
    case "self-or": {
      if (params[rule.param] === String(user.id)) return "allow";
      if (rule.otherwise === "superuser") return user.isSuperuser ? "allow" : "forbid";
      return user.isAdmin && hasPermission(user, rule.otherwise.permission) ? "allow" : "forbid";
    }
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

/** Records every route with its rule, and refuses to register one that has no rule. */
export function collectRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    const rule = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!rule) {
      throw new Error(`Route ${methods.join(",")} ${route.url} declares no access rule (config.access).`);
    }
    for (const method of methods) {
      if (method !== "HEAD") routes.push({ method, url: route.url, access: rule });
    }
  });
  return routes;
}

/** Paths whose clients expect JSON (401/403 as JSON, never a redirect to the login page). */
export function wantsJson(path: string): boolean {
  return path.startsWith("/api/") || path.startsWith("/select_lookups/");
}
