import { createHmac } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import fastifySession from "@fastify/session";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CurrentUser } from "../accounts/index.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { ErrorPage, errorTitle } from "../ui/error-page.tsx";
import { collectRoutes, decideAccess, type RouteEntry, wantsJson } from "./access.ts";
import { ForbiddenError, HttpError, NotFoundError, publicError } from "./errors.ts";
import { makePageRenderer } from "./render.tsx";
import { PostgresSessionStore } from "./session-store.ts";
import { registerStaticAssets } from "./static.ts";
import { VERSION } from "./version.ts";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    config: Config;
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}

export const FORM_BODY_LIMIT = 256 * 1024;
const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Derives a purpose-specific key, so one AMY_SECRET_KEY serves cookies, CSRF and sessions. */
function subKey(secret: string, purpose: string): string {
  return createHmac("sha256", secret).update(purpose).digest("base64url");
}

/** Registers the plumbing every module relies on. Must run before any module's routes. */
export async function registerPlatform(app: FastifyInstance, config: Config, db: Db): Promise<void> {
  app.decorate("db", db);
  app.decorate("config", config);
  app.decorate("routeTable", collectRoutes(app));
  app.decorateRequest("user", null);

  app.addHook("onRequest", checkHost(config));
  await app.register(helmet, helmetOptions(config));
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(fastifyCookie, { secret: subKey(config.secretKey, "cookie") });
  const secureCookies = config.siteUrl.protocol === "https:";
  await app.register(fastifySession, {
    secret: subKey(config.secretKey, "session"),
    cookieName: "sessionid",
    store: new PostgresSessionStore(db),
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: "lax", secure: secureCookies, maxAge: TWO_WEEKS_MS, path: "/" },
  });
  const csrfUserInfo = (request: FastifyRequest) =>
    request.user ? `session:${request.session.sessionId}` : "anonymous";
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: "csrftoken",
    cookieOpts: { signed: true, httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/" },
    csrfOpts: { hmacKey: subKey(config.secretKey, "csrf") },
    getUserInfo: csrfUserInfo,
    getToken: (request) =>
      (request.body as Record<string, string> | undefined)?.csrfmiddlewaretoken ??
      (request.headers["x-csrftoken"] as string | undefined),
  });

  app.addHook("onRequest", (request, _reply, done) => {
    request.user = request.session?.currentUser ?? null;
    done();
  });
  app.addHook("preHandler", enforceAccess);
  app.addHook("preHandler", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return done();
    if (!isSameOrigin(request))
      return done(new ForbiddenError("This request did not come from an AMY page."));
    app.csrfProtection(request, reply, done);
  });

  app.decorateReply(
    "page",
    makePageRenderer({
      siteBanner: config.siteBanner,
      version: VERSION,
      serviceOffering: config.serviceOffering,
      csrfUserInfo,
    }),
  );
  app.setErrorHandler(handleError);
  const allowedMethods = routeMethods(app);
  app.setNotFoundHandler(async (request, reply) => {
    const allowed = allowedMethods(request.url.split("?")[0] ?? "/");
    if (allowed.length === 0) return sendError(request, reply, new NotFoundError(), 404);
    reply.header("allow", allowed.join(", "));
    const error = new HttpError(
      405,
      "method_not_allowed",
      `This address accepts only ${allowed.join(" and ")}.`,
    );
    return sendError(request, reply, error, 405);
  });
  registerStaticAssets(app);
}

/**
 * The methods the routes of a path accept. A request with another method (a GET on a delete
 * address, a POST to a search page) is answered 405 with an Allow header rather than 404.
 */
function routeMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    routes.push({ pattern: routePattern(route.url), methods: methods.filter((method) => method !== "HEAD") });
  });
  return (path) => [
    ...new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods)),
  ];
}

function routePattern(url: string): RegExp {
  const escaped = url
    .split(/(:[A-Za-z_]+|\*)/)
    .map((part) =>
      part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${escaped}$`);
}

function helmetOptions(config: Config) {
  return {
    hsts: false, // TLS ends at the load balancer, which sets it
    frameguard: { action: "deny" as const },
    referrerPolicy: { policy: "same-origin" as const },
    crossOriginOpenerPolicy: { policy: "same-origin" as const },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.siteUrl.protocol === "https:" ? [] : null,
      },
    },
  };
}

/** Only the site's own host names are answered (plus local names in development); /version/ always. */
function checkHost(config: Config) {
  const allowed = new Set([config.siteUrl.hostname]);
  if (config.env !== "production")
    for (const name of ["localhost", "127.0.0.1", "[::1]", "::1"]) allowed.add(name);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url === "/version/" || allowed.has(request.hostname)) return;
    return reply.code(400).type("text/plain; charset=utf-8").send("Bad request: unknown host name.");
  };
}

/** A browser's Origin header, when sent, must name this site. */
function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

async function enforceAccess(request: FastifyRequest, reply: FastifyReply) {
  const rule = request.routeOptions.config.access;
  if (!rule) return; // the not-found handler
  const decision = decideAccess(rule, request.user, request.params as Record<string, string | undefined>);
  if (decision === "allow") return;
  if (decision === "forbid") throw new ForbiddenError();
  if (wantsJson(request.url)) {
    return reply.code(401).send({ detail: "Authentication credentials were not provided." });
  }
  return reply.redirect(`/account/login/?next=${encodeURIComponent(request.url)}`, 302);
}

async function handleError(
  this: FastifyInstance,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const safe = publicError(error);
  if (safe.statusCode >= 500) request.log.error({ err: error }, "request failed");
  return sendError(request, reply, safe, safe.statusCode);
}

async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: { code: string; message: string },
  status: number,
) {
  if (wantsJson(request.url)) return reply.code(status).send({ detail: error.message, code: error.code });
  try {
    return await reply.page(errorTitle(status), <ErrorPage message={error.message} />, { status });
  } catch (renderError) {
    request.log.error({ err: renderError }, "error page failed to render");
    return reply.code(status).type("text/plain; charset=utf-8").send(error.message);
  }
}
