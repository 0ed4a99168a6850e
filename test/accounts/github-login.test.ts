import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person, socialAuth } from "../../src/accounts/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson } from "../helpers/factories.ts";
import { type FakeGithub, startFakeGithub } from "../helpers/fake-github.ts";

let github: FakeGithub;
let t: TestApp;
let unconfigured: TestApp;
let githubIds = 1000;

before(async () => {
  github = await startFakeGithub();
  t = await startTestApp(github.config);
  unconfigured = await startTestApp();
});
after(async () => {
  await t.close();
  await unconfigured.close();
  await github.close();
});

/** A person whose GitHub account an admin linked, and who is the next to approve at GitHub. */
async function linkedPerson(options: { isActive?: boolean } = {}) {
  const member = await makePerson(t.db, options);
  const githubId = githubIds++;
  await t.db.insert(socialAuth).values({ provider: "github", uid: String(githubId), userId: member.id });
  github.nextUser = { id: githubId, login: member.username };
  return member;
}

/** Starts the login in AMY, lets the fake GitHub answer, and follows its redirect back to AMY. */
async function loginThroughGithub(client: Client, start = "/login/github/") {
  const begin = await client.get(start);
  assert.equal(begin.statusCode, 302);
  const atGithub = await fetch(String(begin.headers.location), { redirect: "manual" });
  const back = new URL(String(atGithub.headers.get("location")));
  return client.get(`${back.pathname}${back.search}`);
}

async function isLoggedIn(client: Client) {
  return (await client.get("/dashboard/instructor/")).statusCode === 200;
}

describe("starting a GitHub login", () => {
  test("sends the browser to GitHub with the client id, the callback, a state and a PKCE challenge", async () => {
    const response = await new Client(t.app).get("/login/github/");
    assert.equal(response.statusCode, 302);
    const location = new URL(String(response.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, github.config.AMY_GITHUB_AUTHORIZE_URL);
    assert.equal(location.searchParams.get("client_id"), github.config.AMY_GITHUB_CLIENT_ID);
    assert.equal(location.searchParams.get("redirect_uri"), "http://localhost:8000/complete/github/");
    assert.equal(location.searchParams.get("response_type"), "code");
    assert.equal(location.searchParams.get("code_challenge_method"), "S256");
    assert.ok((location.searchParams.get("state") ?? "").length >= 20);
    assert.ok((location.searchParams.get("code_challenge") ?? "").length >= 40);
  });
});

describe("coming back from GitHub", () => {
  test("logs in the linked person, records the login and goes to the dashboard", async () => {
    const member = await linkedPerson();
    const client = new Client(t.app);
    await client.get("/account/login/");
    const before = client.cookie("sessionid");
    const response = await loginThroughGithub(client);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/dashboard/");
    assert.ok(await isLoggedIn(client));
    assert.notEqual(client.cookie("sessionid"), before);
    const [row] = await t.db.select().from(person).where(eq(person.id, member.id));
    assert.ok(row?.lastLogin instanceof Date);
  });

  test("goes to a safe next page, and to the dashboard instead of another site", async () => {
    await linkedPerson();
    const safe = await loginThroughGithub(
      new Client(t.app),
      "/login/github/?next=%2Fdashboard%2Finstructor%2F",
    );
    assert.equal(safe.headers.location, "/dashboard/instructor/");
    await linkedPerson();
    const unsafe = await loginThroughGithub(
      new Client(t.app),
      "/login/github/?next=https%3A%2F%2Fevil.example%2F",
    );
    assert.equal(unsafe.headers.location, "/dashboard/");
  });

  test("a GitHub account linked to nobody is sent back to the login page with a message", async () => {
    github.nextUser = { id: 999_999, login: "stranger" };
    const client = new Client(t.app);
    const response = await loginThroughGithub(client);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/account/login/");
    assert.match((await client.get("/account/login/")).body, /not linked to an AMY account/);
    assert.ok(!(await isLoggedIn(client)));
  });

  test("an inactive person is sent back to the login page without a session", async () => {
    await linkedPerson({ isActive: false });
    const client = new Client(t.app);
    const response = await loginThroughGithub(client);
    assert.equal(response.headers.location, "/account/login/");
    assert.match((await client.get("/account/login/")).body, /not active/);
    assert.ok(!(await isLoggedIn(client)));
  });
});

describe("refused callbacks (nothing changes, never a server error)", () => {
  test("a state that is not the one this browser was given is refused before GitHub is asked", async () => {
    await linkedPerson();
    const client = new Client(t.app);
    const begin = await client.get("/login/github/");
    const atGithub = await fetch(String(begin.headers.location), { redirect: "manual" });
    const back = new URL(String(atGithub.headers.get("location")));
    back.searchParams.set("state", "forged-state");
    const requestsBefore = github.tokenRequests;
    const response = await client.get(`${back.pathname}${back.search}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /does not belong to the login started in this browser/);
    assert.equal(github.tokenRequests, requestsBefore);
    assert.ok(!(await isLoggedIn(client)));
  });

  test("a callback in a browser that never started a login is refused (login CSRF)", async () => {
    await linkedPerson();
    const victim = new Client(t.app);
    const attacker = new Client(t.app);
    const begin = await attacker.get("/login/github/");
    const atGithub = await fetch(String(begin.headers.location), { redirect: "manual" });
    const back = new URL(String(atGithub.headers.get("location")));
    const response = await victim.get(`${back.pathname}${back.search}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /not started in this browser/);
    assert.ok(!(await isLoggedIn(victim)));
  });

  test("the same callback cannot be used twice", async () => {
    await linkedPerson();
    const client = new Client(t.app);
    const begin = await client.get("/login/github/");
    const atGithub = await fetch(String(begin.headers.location), { redirect: "manual" });
    const back = new URL(String(atGithub.headers.get("location")));
    back.searchParams.set("code", "wrong");
    await client.get(`${back.pathname}${back.search}`);
    const again = await client.get(`${back.pathname}${back.search}`);
    assert.equal(again.statusCode, 400);
  });

  test("a login refused at GitHub gets a clear page", async () => {
    github.nextUser = "deny";
    const client = new Client(t.app);
    const response = await loginThroughGithub(client);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /GitHub did not confirm who you are/);
    assert.match(response.body, /href="\/account\/login\/"/);
  });

  test("a code GitHub does not accept gets a clear page", async () => {
    await linkedPerson();
    const client = new Client(t.app);
    const begin = await client.get("/login/github/");
    const state = new URL(String(begin.headers.location)).searchParams.get("state") ?? "";
    const response = await client.get(`/complete/github/?code=made-up&state=${state}`);
    assert.equal(response.statusCode, 502);
    assert.match(response.body, /GitHub did not accept the login \(bad_verification_code\)/);
  });

  test("a callback without a code gets a clear page", async () => {
    const client = new Client(t.app);
    const begin = await client.get("/login/github/");
    const state = new URL(String(begin.headers.location)).searchParams.get("state") ?? "";
    const response = await client.get(`/complete/github/?state=${state}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /incomplete/);
  });

  const failures: [string, () => void, RegExp][] = [
    [
      "the token endpoint fails",
      () => {
        github.failToken = 500;
      },
      /HTTP status 500/,
    ],
    [
      "the user endpoint fails",
      () => {
        github.failUser = 503;
      },
      /did not tell AMY who you are \(HTTP status 503\)/,
    ],
  ];
  for (const [what, breakIt, message] of failures) {
    test(`when ${what}, a clear page says so`, async () => {
      await linkedPerson();
      breakIt();
      try {
        const client = new Client(t.app);
        const response = await loginThroughGithub(client);
        assert.equal(response.statusCode, 502);
        assert.match(response.body, message);
        assert.ok(!(await isLoggedIn(client)));
      } finally {
        github.failToken = undefined;
        github.failUser = undefined;
      }
    });
  }

  test("when GitHub cannot be reached, a clear page says so", async () => {
    const down = await startFakeGithub();
    await down.close();
    const offline = await startTestApp(down.config);
    try {
      const client = new Client(offline.app);
      const begin = await client.get("/login/github/");
      const state = new URL(String(begin.headers.location)).searchParams.get("state") ?? "";
      const response = await client.get(`/complete/github/?code=abc&state=${state}`);
      assert.equal(response.statusCode, 502);
      assert.match(response.body, /GitHub could not be reached/);
    } finally {
      await offline.close();
    }
  });
});

describe("without GitHub settings", () => {
  test("the GitHub pages say that GitHub login is not set up", async () => {
    for (const path of ["/login/github/", "/complete/github/?code=a&state=b"]) {
      const response = await new Client(unconfigured.app).get(path);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Logging in with GitHub is not set up/);
    }
  });

  test("the login page offers no GitHub button", async () => {
    const page = await new Client(unconfigured.app).get("/account/login/");
    assert.doesNotMatch(page.body, /\/login\/github\//);
  });
});
