import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";

const NEW_PASSWORD = "plum kettle orbit 42";
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const pageOf = (id: number) => `/workshops/person/${id}/password/`;

async function loggedIn(username: string) {
  return new Client(t.app).logIn(username, PASSWORD);
}

describe("changing one's own password", () => {
  test("asks for the current password, and the new one twice", async () => {
    const member = await makePerson(t.db);
    const page = await (await loggedIn(member.username)).get(pageOf(member.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Change password<\/title>/);
    for (const name of ["old_password", "new_password1", "new_password2"])
      assert.match(page.body, new RegExp(`name="${name}"`));
  });

  test("saves the new password and goes to the member dashboard", async () => {
    const member = await makePerson(t.db);
    const client = await loggedIn(member.username);
    const response = await client.submit(pageOf(member.id), {
      old_password: PASSWORD,
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/dashboard/instructor/");
    const dashboard = await client.get("/dashboard/instructor/");
    assert.match(dashboard.body, /password was changed/);
    await new Client(t.app).logIn(member.username, NEW_PASSWORD);
  });

  test("keeps the current session and ends the person's other sessions", async () => {
    const member = await makePerson(t.db);
    const elsewhere = await loggedIn(member.username);
    const here = await loggedIn(member.username);
    await here.submit(pageOf(member.id), {
      old_password: PASSWORD,
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal((await here.get("/dashboard/instructor/")).statusCode, 200);
    assert.equal((await elsewhere.get("/dashboard/instructor/")).statusCode, 302);
  });

  test("an admin changing their own password goes to the admin dashboard", async () => {
    const admin = await makeAdmin(t.db);
    const response = await (await loggedIn(admin.username)).submit(pageOf(admin.id), {
      old_password: PASSWORD,
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal(response.headers.location, "/dashboard/admin/");
  });
});

describe("password form errors (nothing is changed)", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    [
      "a wrong current password",
      { old_password: "nope", new_password1: NEW_PASSWORD, new_password2: NEW_PASSWORD },
      "old_password",
      /not entered correctly/,
    ],
    [
      "two different new passwords",
      { old_password: PASSWORD, new_password1: NEW_PASSWORD, new_password2: `${NEW_PASSWORD}!` },
      "new_password2",
      /do not match/,
    ],
    [
      "a short password",
      { old_password: PASSWORD, new_password1: "k2#bQ", new_password2: "k2#bQ" },
      "new_password1",
      /at least 8/,
    ],
    [
      "a numeric password",
      { old_password: PASSWORD, new_password1: "4815162342", new_password2: "4815162342" },
      "new_password1",
      /digits/,
    ],
    [
      "a common password",
      { old_password: PASSWORD, new_password1: "iloveyou", new_password2: "iloveyou" },
      "new_password1",
      /common/,
    ],
    [
      "a missing current password",
      { new_password1: NEW_PASSWORD, new_password2: NEW_PASSWORD },
      "old_password",
      /current password/,
    ],
  ];
  for (const [what, fields, field, message] of cases) {
    test(`${what} is shown beside ${field}`, async () => {
      const member = await makePerson(t.db);
      const client = await loggedIn(member.username);
      const response = await client.submit(pageOf(member.id), fields);
      assert.equal(response.statusCode, 200);
      assert.match(
        response.body,
        new RegExp(`id="id_${field}_errors"[^>]*>(<div>[^<]*</div>)*<div>[^<]*${message.source}`),
      );
      assert.match(response.body, /Please correct the errors below/);
      await new Client(t.app).logIn(member.username, PASSWORD);
    });
  }

  test("a password close to the username is refused", async () => {
    const member = await makePerson(t.db, { username: "marvellous" });
    const response = await (await loggedIn(member.username)).submit(pageOf(member.id), {
      old_password: PASSWORD,
      new_password1: "marvellous1",
      new_password2: "marvellous1",
    });
    assert.match(response.body, /too close to your username/);
  });
});

describe("someone else's password", () => {
  test("a superuser sets it without knowing the old one", async () => {
    const superuser = await makeSuperuser(t.db);
    const member = await makePerson(t.db);
    const client = await loggedIn(superuser.username);
    const page = await client.get(pageOf(member.id));
    assert.doesNotMatch(page.body, /name="old_password"/);
    const response = await client.submit(pageOf(member.id), {
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    await new Client(t.app).logIn(member.username, NEW_PASSWORD);
  });

  test("an admin who is not a superuser gets 403, even with change_person", async () => {
    const admin = await makeAdmin(t.db, { permissions: ["workshops.change_person"] });
    const member = await makePerson(t.db);
    const response = await (await loggedIn(admin.username)).get(pageOf(member.id));
    assert.equal(response.statusCode, 403);
  });

  test("an unknown person id gets 404", async () => {
    const superuser = await makeSuperuser(t.db);
    const client = await loggedIn(superuser.username);
    assert.equal((await client.get(pageOf(999_999))).statusCode, 404);
    assert.equal((await client.get("/workshops/person/abc/password/")).statusCode, 404);
  });
});

describe("logging out", () => {
  test("a POST ends the session and says so on the login page", async () => {
    const member = await makePerson(t.db);
    const client = await loggedIn(member.username);
    const response = await client.submit("/dashboard/instructor/", {}, "/account/logout/");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/account/login/");
    assert.match((await client.get("/account/login/")).body, /logged out/);
    assert.equal((await client.get("/dashboard/instructor/")).statusCode, 302);
  });

  test("a GET by a logged-in person gets 405", async () => {
    const member = await makePerson(t.db);
    const response = await (await loggedIn(member.username)).get("/account/logout/");
    assert.equal(response.statusCode, 405);
  });

  test("an anonymous visitor is sent to log in", async () => {
    const response = await new Client(t.app).get("/account/logout/");
    assert.equal(response.statusCode, 302);
  });
});
