import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Fastify from "fastify";
import { access, collectRoutes, decideAccess } from "../../src/server/access.ts";

const member = { id: 7, isSuperuser: false, isAdmin: false, permissions: new Set<string>() };
const admin = { id: 8, isSuperuser: false, isAdmin: true, permissions: new Set(["workshops.change_person"]) };
const superuser = { id: 9, isSuperuser: true, isAdmin: true, permissions: new Set<string>() };

describe("access decisions", () => {
  test("public lets everyone in", () => {
    assert.equal(decideAccess(access.public, null, {}), "allow");
  });

  test("every other rule sends anonymous visitors to log in", () => {
    for (const rule of [
      access.login,
      access.admin,
      access.superuser,
      access.permission("x.y"),
      access.selfOr("id", "superuser"),
    ]) {
      assert.equal(decideAccess(rule, null, { id: "1" }), "login");
    }
  });

  test("admin needs an admin", () => {
    assert.equal(decideAccess(access.admin, member, {}), "forbid");
    assert.equal(decideAccess(access.admin, admin, {}), "allow");
  });

  test("permission needs an admin holding every named permission", () => {
    const memberWithPermission = { ...member, permissions: new Set(["workshops.change_person"]) };
    assert.equal(
      decideAccess(access.permission("workshops.change_person"), memberWithPermission, {}),
      "forbid",
    );
    assert.equal(decideAccess(access.permission("workshops.change_person"), admin, {}), "allow");
    assert.equal(
      decideAccess(access.permission("workshops.change_person", "workshops.delete_person"), admin, {}),
      "forbid",
    );
    assert.equal(decideAccess(access.permission("workshops.delete_person"), superuser, {}), "allow");
  });

  test("self-or lets the named person in, and otherwise needs the fallback", () => {
    const rule = access.selfOr("person_id", "superuser");
    assert.equal(decideAccess(rule, member, { person_id: "7" }), "allow");
    assert.equal(decideAccess(rule, member, { person_id: "8" }), "forbid");
    assert.equal(decideAccess(rule, admin, { person_id: "7" }), "forbid");
    assert.equal(decideAccess(rule, superuser, { person_id: "7" }), "allow");
    const byPermission = access.selfOr("person_id", { permission: "workshops.change_person" });
    assert.equal(decideAccess(byPermission, admin, { person_id: "7" }), "allow");
  });

  test("superuser needs a superuser", () => {
    assert.equal(decideAccess(access.superuser, admin, {}), "forbid");
    assert.equal(decideAccess(access.superuser, superuser, {}), "allow");
  });
});

describe("route table", () => {
  test("registering a route without an access rule fails", async () => {
    const app = Fastify();
    collectRoutes(app);
    assert.throws(() => app.get("/no-rule/", async () => "hi"), /declares no access rule/);
  });
});
