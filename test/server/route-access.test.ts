import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Access } from "../../src/server/access.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";

// Pages anyone may open, and pages any logged-in person may open. A route that changes to one of
// these rules must be added here on purpose.
const PUBLIC_ROUTES = new Set([
  "GET /",
  "GET /version/",
  "GET /static/:file",
  "GET /account/login/",
  "POST /account/login/",
  "GET /dashboard/trainee/",
  "GET /account/password_reset/",
  "POST /account/password_reset/",
  "GET /account/password_reset/done/",
  "GET /account/reset/:uidb64/:token/",
  "GET /account/reset/:uidb64/set-password/",
  "POST /account/reset/:uidb64/set-password/",
  "GET /account/reset/done/",
  "GET /login/github/",
  "GET /complete/github/",
  "GET /select_lookups/languages/",
  "GET /select_lookups/airports/",
]);
const MEMBER_ROUTES = new Set([
  "GET /dashboard/",
  "GET /dashboard/instructor/",
  "GET /account/logout/",
  "POST /account/logout/",
  "POST /comments/post/",
]);
const isLegacyRedirect = (key: string) => key.startsWith("GET /workshops/") && !key.includes(":");

let t: TestApp;
let people: Record<"member" | "admin" | "viewer" | "superuser" | "other", { id: number; username: string }>;

before(async () => {
  t = await startTestApp();
  people = {
    member: await makePerson(t.db),
    admin: await makeAdmin(t.db),
    viewer: await makePerson(t.db, { groups: ["steering committee"] }),
    superuser: await makeSuperuser(t.db),
    other: await makePerson(t.db),
  };
});
after(() => t.close());

/** Path parameters filled with records that exist; a new parameter name needs an entry here. */
function fillPath(url: string, personId: number): string {
  const values: Record<string, string> = {
    person_id: String(personId),
    file: "amy.css",
    uidb64: "MQ",
    token: "1-2",
    message_id: "1",
    version_id: "1",
    org_domain: "no-such-organization.example.org",
    badge_name: "instructor",
    award_id: "1",
    n: "0",
    pid: "1",
    id: "1",
    slug: "2026-01-01-none",
    uuid: "00000000-0000-0000-0000-000000000000",
  };
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`route-access test: no value for path parameter :${name} in ${url}`);
    return value;
  });
}

async function call(
  who: keyof typeof people | "anonymous",
  method: string,
  url: string,
): Promise<LightMyRequestResponse> {
  const client = new Client(t.app);
  if (who !== "anonymous") await client.logIn(people[who].username, PASSWORD);
  if (method === "GET") return client.get(url);
  const page = await client.get("/account/login/");
  return client.post(url, { csrfmiddlewaretoken: csrfTokenIn(page.body) });
}

type Outcome = "allowed" | "login" | "forbidden";

function outcomeOf(response: LightMyRequestResponse): Outcome {
  if (response.statusCode === 403) return "forbidden";
  if (response.statusCode === 401) return "login";
  const location = String(response.headers.location ?? "");
  if (response.statusCode === 302 && location.startsWith("/account/login/?next=")) return "login";
  return "allowed";
}

/** What each kind of visitor must get under a rule, for a URL naming another person. */
function expected(rule: Access): Record<"anonymous" | "member" | "viewer" | "admin" | "superuser", Outcome> {
  const loggedIn = { anonymous: "login" as const };
  switch (rule.rule) {
    case "public":
      return {
        anonymous: "allowed",
        member: "allowed",
        viewer: "allowed",
        admin: "allowed",
        superuser: "allowed",
      };
    case "login":
      return { ...loggedIn, member: "allowed", viewer: "allowed", admin: "allowed", superuser: "allowed" };
    case "admin":
      return { ...loggedIn, member: "forbidden", viewer: "allowed", admin: "allowed", superuser: "allowed" };
    case "permission": {
      // administrators hold every permission; steering committee only the view ones.
      const viewOnly = rule.permissions.every((name) => name.split(".")[1]?.startsWith("view_"));
      return {
        ...loggedIn,
        member: "forbidden",
        viewer: viewOnly ? "allowed" : "forbidden",
        admin: "allowed",
        superuser: "allowed",
      };
    }
    case "self-or": {
      const byPermission = rule.otherwise !== "superuser";
      const viewer =
        byPermission &&
        (rule.otherwise as { permission: string }).permission.split(".")[1]?.startsWith("view_");
      return {
        ...loggedIn,
        member: "forbidden",
        viewer: viewer ? "allowed" : "forbidden",
        admin: byPermission ? "allowed" : "forbidden",
        superuser: "allowed",
      };
    }
    case "superuser":
      return {
        ...loggedIn,
        member: "forbidden",
        viewer: "forbidden",
        admin: "forbidden",
        superuser: "allowed",
      };
  }
}

test("public and member-only routes are exactly the allowlisted ones", () => {
  for (const route of t.app.routeTable) {
    const key = `${route.method} ${route.url}`;
    if (route.access.rule === "public" && !isLegacyRedirect(key))
      assert.ok(PUBLIC_ROUTES.has(key), `${key} is public`);
    if (route.access.rule === "login") assert.ok(MEMBER_ROUTES.has(key), `${key} is open to every member`);
  }
});

test("every route enforces its rule for anonymous visitors, members, viewers, admins and superusers", async () => {
  const failures: string[] = [];
  for (const route of t.app.routeTable) {
    const url = fillPath(route.url, people.other.id);
    const wanted = expected(route.access);
    for (const [who, outcome] of Object.entries(wanted) as [keyof typeof wanted, Outcome][]) {
      const got = outcomeOf(await call(who, route.method, url));
      if (got !== outcome) failures.push(`${route.method} ${url} as ${who}: expected ${outcome}, got ${got}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("self-or routes let the person named in the URL in", async () => {
  const selfRoutes = t.app.routeTable.filter((route) => route.access.rule === "self-or");
  assert.ok(selfRoutes.length > 0);
  for (const route of selfRoutes) {
    // A person of their own for each route: some self-service routes end the account (archive).
    const self = await makePerson(t.db);
    const client = await new Client(t.app).logIn(self.username, PASSWORD);
    const url = fillPath(route.url, self.id);
    const page = await client.get("/account/login/");
    const response =
      route.method === "GET"
        ? await client.get(url)
        : await client.post(url, { csrfmiddlewaretoken: csrfTokenIn(page.body) });
    assert.equal(outcomeOf(response), "allowed", `${route.method} ${route.url}`);
  }
});

test("anonymous visitors are sent to the login page with the page they wanted as next", async () => {
  const response = await new Client(t.app).get("/dashboard/admin/");
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, "/account/login/?next=%2Fdashboard%2Fadmin%2F");
});

test("a logged-in person without the right gets a 403 page, not a redirect", async () => {
  const client = await new Client(t.app).logIn(people.member.username, PASSWORD);
  const response = await client.get("/dashboard/admin/");
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /Access denied/);
});
