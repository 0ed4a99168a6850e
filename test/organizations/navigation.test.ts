import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

// The admin bar's entries for the memberships area: Memberships beside Organizations, and the
// "Service offering" menu only while AMY_SERVICE_OFFERING is on.

const OFFERING_LINKS = [
  ["/offering/accounts/", "Accounts"],
  ["/offering/account-benefits/", "Account benefits"],
  ["/fiscal/consortiums/", "Consortiums"],
  ["/fiscal/partnerships/", "Partnerships"],
  ["/offering/event-categories/", "Event categories"],
  ["/offering/benefits/", "Benefits"],
];

const navigationOf = (html: string) => /<nav [^>]*aria-label="Main"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";

describe("with the service offering on", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test("an admin's bar has Memberships right after Organizations, and the Service offering menu", async () => {
    const admin = await makeAdmin(t.db);
    const page = await (await new Client(t.app).logIn(admin.username, PASSWORD)).get(
      "/fiscal/organizations/",
    );
    const nav = navigationOf(page.body);
    assert.match(
      nav,
      /href="\/fiscal\/organizations\/"[^>]*>Organizations<\/a><\/li><li class="nav-item"><a class="nav-link" href="\/fiscal\/memberships\/">Memberships<\/a>/,
    );
    assert.match(nav, /Service offering<\/button>/);
    const links = [...nav.matchAll(/<a class="dropdown-item[^"]*" href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
      (m) => [m[1], m[2]],
    );
    assert.deepEqual(links.slice(0, OFFERING_LINKS.length), OFFERING_LINKS);
    assert.equal(
      nav.match(/dropdown-divider/g)?.length,
      3,
      "two between the three groups, one in the account menu",
    );
  });

  test("marks the current service-offering page in the menu", async () => {
    const admin = await makeAdmin(t.db);
    const page = await (await new Client(t.app).logIn(admin.username, PASSWORD)).get("/fiscal/partnerships/");
    const nav = navigationOf(page.body);
    assert.match(nav, /class="dropdown-item active" href="\/fiscal\/partnerships\/" aria-current="page"/);
    assert.match(nav, /class="nav-link dropdown-toggle btn btn-link active"[^>]*>Service offering/);
  });

  test("a member's bar has neither", async () => {
    const member = await makePerson(t.db);
    const page = await (await new Client(t.app).logIn(member.username, PASSWORD)).get(
      "/dashboard/instructor/",
    );
    const nav = navigationOf(page.body);
    assert.doesNotMatch(nav, /Service offering|\/fiscal\/memberships\//);
  });
});

describe("with the service offering off", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
  });
  after(() => t.close());

  test("an admin's bar still has Memberships but no Service offering menu", async () => {
    const admin = await makeAdmin(t.db);
    const page = await (await new Client(t.app).logIn(admin.username, PASSWORD)).get(
      "/fiscal/organizations/",
    );
    const nav = navigationOf(page.body);
    assert.match(nav, /href="\/fiscal\/memberships\/">Memberships<\/a>/);
    assert.doesNotMatch(nav, /Service offering|\/offering\//);
  });
});
