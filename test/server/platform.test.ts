import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LEGACY_REDIRECTS } from "../../src/dashboard/legacy-redirects.ts";
import { VERSION } from "../../src/server/version.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({
    AMY_SITE_URL: "https://amy.example.org",
    AMY_SITE_BANNER: "testing",
    AMY_TRUST_PROXY: "true",
  });
});
after(() => t.close());

/** A visitor reaching the app through the TLS-terminating proxy, as in production. */
const visitor = () =>
  new Client(t.app, "127.0.0.1", { "x-forwarded-proto": "https", host: "amy.example.org" });

describe("security headers", () => {
  test("every page forbids framing, sniffing and cross-site referrers", async () => {
    const response = await visitor().get("/account/login/");
    assert.equal(response.headers["x-frame-options"], "DENY");
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    assert.equal(response.headers["referrer-policy"], "same-origin");
    assert.equal(response.headers["cross-origin-opener-policy"], "same-origin");
    assert.match(String(response.headers["content-security-policy"]), /script-src 'self'/);
    assert.equal(response.headers["strict-transport-security"], undefined);
  });

  test("cookies are Secure when the site is served over https", async () => {
    const member = await makePerson(t.db);
    const client = visitor();
    const page = await client.get("/account/login/");
    assert.match(String(page.headers["set-cookie"]), /csrftoken=.*; Secure/);
    const login = await client.submit("/account/login/", { username: member.username, password: PASSWORD });
    assert.match(String(login.headers["set-cookie"]), /sessionid=.*; Secure/);
  });
});

describe("host names", () => {
  test("a request for another host name is refused", async () => {
    const response = await t.app.inject({ url: "/account/login/", headers: { host: "evil.example" } });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /unknown host/);
  });

  test("the site's host name is answered", async () => {
    const response = await t.app.inject({ url: "/account/login/", headers: { host: "amy.example.org" } });
    assert.equal(response.statusCode, 200);
  });

  test("/version/ answers whatever the host, in plain text", async () => {
    const response = await t.app.inject({ url: "/version/", headers: { host: "10.1.2.3:8000" } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, VERSION);
    assert.match(String(response.headers["content-type"]), /text\/plain/);
  });
});

describe("layout", () => {
  test("shows the testing banner, the page title and the version in the footer", async () => {
    const response = await visitor().get("/account/login/");
    assert.match(response.body, /test copy of AMY/);
    assert.match(response.body, /<title>AMY: Log in<\/title>/);
    assert.match(response.body, new RegExp(`Powered by AMY version ${VERSION.replaceAll(".", "\\.")}`));
  });

  test("admins get the admin navigation, members the member navigation, visitors none", async () => {
    const admin = await makeAdmin(t.db, { personal: "Grace" });
    const member = await makePerson(t.db, { personal: "Alan" });
    const adminPage = await (await visitor().logIn(admin.username, PASSWORD)).get("/dashboard/admin/");
    assert.match(adminPage.body, /href="\/dashboard\/admin\/" aria-current="page"/);
    assert.match(adminPage.body, /Hello, Grace/);
    const memberPage = await (await visitor().logIn(member.username, PASSWORD)).get("/dashboard/instructor/");
    assert.match(memberPage.body, /Hello, Alan/);
    assert.doesNotMatch(memberPage.body, /href="\/dashboard\/admin\/"/);
    const anonymous = await visitor().get("/account/login/");
    assert.doesNotMatch(anonymous.body, /<nav/);
  });
});

describe("platform routes", () => {
  test("/ goes to /dashboard/", async () => {
    const response = await visitor().get("/");
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/dashboard/");
  });

  test("/dashboard/ sends admins to the admin dashboard and others to theirs", async () => {
    const admin = await makePerson(t.db, { groups: ["steering committee"] });
    const member = await makePerson(t.db);
    const adminResponse = await (await visitor().logIn(admin.username, PASSWORD)).get("/dashboard/");
    assert.equal(adminResponse.headers.location, "/dashboard/admin/");
    const memberResponse = await (await visitor().logIn(member.username, PASSWORD)).get("/dashboard/");
    assert.equal(memberResponse.headers.location, "/dashboard/instructor/");
  });

  test("/dashboard/trainee/ goes to the instructor dashboard", async () => {
    const response = await visitor().get("/dashboard/trainee/");
    assert.equal(response.headers.location, "/dashboard/instructor/");
  });

  for (const { from, to, permanent } of LEGACY_REDIRECTS) {
    test(`legacy ${from} redirects to ${to}, dropping the query`, async () => {
      const response = await visitor().get(`${from}?page=2`);
      assert.equal(response.statusCode, permanent ? 301 : 302);
      assert.equal(response.headers.location, to);
    });
  }
});

describe("bad input", () => {
  test("an unknown address gets the 404 page", async () => {
    const response = await visitor().get("/no/such/page/");
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Page not found/);
  });

  test("a malformed address gets a 400 page", async () => {
    const response = await visitor().get("/workshops/person/%E0%A4%A/password/");
    assert.equal(response.statusCode, 400);
  });

  test("a malformed JSON body gets 400, not 500", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/account/login/",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    assert.equal(response.statusCode, 400);
  });

  test("an unsupported body type gets 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/account/login/",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    assert.equal(response.statusCode, 415);
  });

  test("an oversized form gets 413 and changes nothing", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/account/login/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `username=${"a".repeat(300 * 1024)}`,
    });
    assert.equal(response.statusCode, 413);
  });

  test("a mangled session cookie counts as no session", async () => {
    const response = await t.app.inject({ url: "/dashboard/", cookies: { sessionid: "garbage%%%.sig" } });
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\//);
  });

  test("a repeated or odd query parameter does not break the login page", async () => {
    const response = await visitor().get("/account/login/?next=/a/&next=/b/&x[y]=1");
    assert.equal(response.statusCode, 200);
  });

  test("an overlong login field gets a field error", async () => {
    const response = await visitor().submit("/account/login/", { username: "u".repeat(300), password: "x" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /at most 254 characters/);
  });
});
