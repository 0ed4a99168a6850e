import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { person, session } from "../../src/accounts/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe("login page", () => {
  test("shows the form with username, password and next fields", async () => {
    const response = await new Client(t.app).get("/account/login/?next=/dashboard/admin/");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>AMY: Log in<\/title>/);
    assert.match(response.body, /name="username"/);
    assert.match(response.body, /name="password"/);
    assert.match(response.body, /name="next" value="\/dashboard\/admin\/"/);
  });
});

describe("logging in", () => {
  test("with username and password opens a session and goes to the dashboard", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    const response = await client.submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/dashboard/");
    const dashboard = await client.get("/dashboard/instructor/");
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, new RegExp(member.username));
  });

  test("with the email address in any case works too", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    const response = await client.submit("/account/login/", {
      username: (member.email as string).toUpperCase(),
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 302);
  });

  test("records the time of the login", async () => {
    const member = await makePerson(t.db);
    await new Client(t.app).logIn(member.username, PASSWORD);
    const [row] = await t.db.select().from(person).where(eq(person.id, member.id));
    assert.ok(row?.lastLogin instanceof Date);
  });

  test("replaces a Django password hash with an argon2id one at login", async () => {
    const imported = await makePerson(t.db, {
      encodedPassword: "pbkdf2_sha256$260000$Rnd0mSalt$rwHsBpq1dqg5X0BWq/JuR1CS6XIXWYyik8IzQBRS6eI=",
    });
    await new Client(t.app).logIn(imported.username, "django password 1");
    const [row] = await t.db.select().from(person).where(eq(person.id, imported.id));
    assert.match(row?.password ?? "", /^\$argon2id\$/);
    await new Client(t.app).logIn(imported.username, "django password 1");
  });

  test("goes to a safe next path after logging in", async () => {
    const member = await makePerson(t.db);
    const response = await new Client(t.app).submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
      next: "/dashboard/instructor/",
    });
    assert.equal(response.headers.location, "/dashboard/instructor/");
  });

  for (const next of [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
  ]) {
    test(`ignores a next that leaves the site (${next})`, async () => {
      const member = await makePerson(t.db);
      const response = await new Client(t.app).submit("/account/login/", {
        username: member.username,
        password: PASSWORD,
        next,
      });
      assert.equal(response.headers.location, "/dashboard/");
    });
  }

  test("gives the session a new id, so a planted session cannot be taken over", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    await client.logIn(member.username, PASSWORD);
    const first = client.cookie("sessionid");
    await client.request({ method: "GET", url: "/account/login/" });
    await client.logIn(member.username, PASSWORD);
    assert.ok(first);
    assert.notEqual(client.cookie("sessionid"), first);
  });

  test("sets the session cookie HttpOnly and SameSite=Lax, not Secure over http", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    const page = await client.get("/account/login/");
    const response = await client.post("/account/login/", {
      csrfmiddlewaretoken: csrfTokenIn(page.body),
      username: member.username,
      password: PASSWORD,
    });
    const cookie = String(response.headers["set-cookie"])
      .split(/,(?=\s*\w+=)/)
      .find((c) => c.includes("sessionid="));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
  });
});

describe("refused logins", () => {
  test("a wrong password re-shows the form with one message and the username kept", async () => {
    const member = await makePerson(t.db);
    const response = await new Client(t.app).submit("/account/login/", {
      username: member.username,
      password: "wrong password",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /did not match/);
    assert.match(response.body, new RegExp(`value="${member.username}"`));
  });

  test("an unknown username gets the same message", async () => {
    const response = await new Client(t.app).submit("/account/login/", {
      username: "nobody",
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /did not match/);
  });

  test("an inactive person cannot log in, even with the right password", async () => {
    const inactive = await makePerson(t.db, { isActive: false });
    const response = await new Client(t.app).submit("/account/login/", {
      username: inactive.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /did not match/);
  });

  test("a person deactivated while logged in counts as logged out at the next request", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    await client.submit("/account/login/", { username: member.username, password: PASSWORD });
    assert.equal((await client.get("/dashboard/instructor/")).statusCode, 200);
    const [stored] = await t.db
      .select({ data: session.sessionData })
      .from(session)
      .where(eq(session.personId, member.id));
    const data = (stored?.data ?? {}) as Record<string, unknown>;
    assert.equal(data.personId, member.id);
    assert.equal("currentUser" in data, false);
    await t.db.update(person).set({ isActive: false }).where(eq(person.id, member.id));
    const response = await client.get("/dashboard/instructor/");
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\//);
  });

  test("a person without a usable password cannot log in", async () => {
    const githubOnly = await makePerson(t.db, { encodedPassword: "!" });
    const response = await new Client(t.app).submit("/account/login/", {
      username: githubOnly.username,
      password: "!",
    });
    assert.equal(response.statusCode, 200);
  });

  test("empty fields get a message beside each field", async () => {
    const response = await new Client(t.app).submit("/account/login/", { username: "", password: "" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id_username_errors/);
    assert.match(response.body, /id_password_errors/);
  });

  test("a login without the CSRF token is refused with 403", async () => {
    const member = await makePerson(t.db);
    const response = await new Client(t.app).post("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /reload the page/);
  });

  test("a login with a forged CSRF token is refused with 403", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    await client.get("/account/login/");
    const response = await client.post("/account/login/", {
      csrfmiddlewaretoken: "forged-token",
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 403);
  });

  test("a login posted from another site's page is refused", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    const page = await client.get("/account/login/");
    const response = await client.request({
      method: "POST",
      url: "/account/login/",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      payload: new URLSearchParams({
        csrfmiddlewaretoken: csrfTokenIn(page.body),
        username: member.username,
        password: PASSWORD,
      }).toString(),
    });
    assert.equal(response.statusCode, 403);
  });
});

describe("failed-login limit", () => {
  test("after 10 failures for one account, even the right password is refused", async () => {
    const member = await makePerson(t.db);
    const attacker = new Client(t.app, "10.0.0.1");
    for (let i = 0; i < 10; i++) {
      await attacker.submit("/account/login/", { username: member.username, password: `guess ${i}` });
    }
    const response = await new Client(t.app, "10.0.0.2").submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 429);
    assert.match(response.body, /Too many failed attempts/);
  });

  test("other accounts are not affected by one account's failures", async () => {
    const target = await makePerson(t.db);
    const bystander = await makePerson(t.db);
    const attacker = new Client(t.app, "10.0.1.1");
    for (let i = 0; i < 10; i++) {
      await attacker.submit("/account/login/", { username: target.username, password: `guess ${i}` });
    }
    const response = await new Client(t.app, "10.0.1.2").submit("/account/login/", {
      username: bystander.username,
      password: PASSWORD,
    });
    assert.equal(response.statusCode, 302);
  });

  test("after 10 failures from one address, that address is refused, other addresses are not", async () => {
    const member = await makePerson(t.db);
    const attacker = new Client(t.app, "10.0.2.1");
    for (let i = 0; i < 10; i++) {
      await attacker.submit("/account/login/", { username: `someone${i}`, password: "guess" });
    }
    const blocked = await attacker.submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(blocked.statusCode, 429);
    const other = await new Client(t.app, "10.0.2.2").submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(other.statusCode, 302);
  });

  test("a successful login clears the account's earlier failures", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app, "10.0.3.1");
    for (let i = 0; i < 9; i++) {
      await client.submit("/account/login/", { username: member.username, password: `guess ${i}` });
    }
    await new Client(t.app, "10.0.3.2").logIn(member.username, PASSWORD);
    const response = await new Client(t.app, "10.0.3.3").submit("/account/login/", {
      username: member.username,
      password: "one more wrong",
    });
    assert.equal(response.statusCode, 200);
  });
});
