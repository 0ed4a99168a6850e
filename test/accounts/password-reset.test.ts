import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { encodeUid, makeResetToken, resetTokenKey } from "../../src/accounts/password-reset/tokens.ts";
import { person } from "../../src/accounts/schema.ts";
import { revision } from "../../src/history/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson, PASSWORD } from "../helpers/factories.ts";
import { linkPathIn } from "../helpers/outbox.ts";

const NEW_PASSWORD = "violet harbour lantern 7";
const DAY_MS = 24 * 60 * 60 * 1000;
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** Follows a reset link as a browser does: the link, then the set-password page it leads to. */
async function openLink(client: Client, path: string) {
  const response = await client.get(path);
  return {
    response,
    page: response.statusCode === 302 ? await client.get(String(response.headers.location)) : response,
  };
}

async function resetLinkFor(member: { email: string | null }) {
  await new Client(t.app).submit("/account/password_reset/", { email: member.email as string });
  return linkPathIn(t.db, member.email as string);
}

async function storedPassword(id: number) {
  const [row] = await t.db.select({ password: person.password }).from(person).where(eq(person.id, id));
  return row?.password;
}

describe("following the link", () => {
  test("moves the token out of the address, into the session, and shows the form", async () => {
    const member = await makePerson(t.db);
    const link = await resetLinkFor(member);
    const client = new Client(t.app);
    const response = await client.get(link);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/account/reset/${encodeUid(member.id)}/set-password/`);
    const page = await client.get(String(response.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="new_password1"/);
    assert.match(page.body, /name="new_password2"/);
    assert.match(page.body, new RegExp(member.username));
  });

  test("sets the new password, ends the person's other sessions and offers to log in", async () => {
    const member = await makePerson(t.db);
    const elsewhere = await new Client(t.app).logIn(member.username, PASSWORD);
    const link = await resetLinkFor(member);
    const client = new Client(t.app);
    const { page } = await openLink(client, link);
    assert.equal(page.statusCode, 200);
    const setPassword = `/account/reset/${encodeUid(member.id)}/set-password/`;
    const response = await client.submit(setPassword, {
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/account/reset/done/");
    const done = await client.get("/account/reset/done/");
    assert.match(done.body, /href="\/account\/login\/"[^>]*>\s*Log in/);
    assert.equal((await elsewhere.get("/dashboard/instructor/")).statusCode, 302);
    await new Client(t.app).logIn(member.username, NEW_PASSWORD);
    const old = await new Client(t.app).submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(old.statusCode, 200);
  });

  test("a used link does not work a second time", async () => {
    const member = await makePerson(t.db);
    const link = await resetLinkFor(member);
    const client = new Client(t.app);
    await openLink(client, link);
    const setPassword = `/account/reset/${encodeUid(member.id)}/set-password/`;
    await client.submit(setPassword, { new_password1: NEW_PASSWORD, new_password2: NEW_PASSWORD });
    const again = await new Client(t.app).get(link);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /This password reset link cannot be used/);
    const sameBrowser = await client.get(setPassword);
    assert.match(sameBrowser.body, /This password reset link cannot be used/);
  });

  test("the link stops working once the person logs in", async () => {
    const member = await makePerson(t.db);
    const link = await resetLinkFor(member);
    await new Client(t.app).logIn(member.username, PASSWORD);
    assert.match((await new Client(t.app).get(link)).body, /This password reset link cannot be used/);
  });

  test("a link older than 3 days does not work; one 2 days old does", async () => {
    const member = await makePerson(t.db);
    const key = resetTokenKey("test-secret-key-that-is-long-enough-for-amy");
    const uid = encodeUid(member.id);
    const expired = makeResetToken(key, member, new Date(Date.now() - 3 * DAY_MS - 60_000));
    assert.match((await new Client(t.app).get(`/account/reset/${uid}/${expired}/`)).body, /cannot be used/);
    const recent = makeResetToken(key, member, new Date(Date.now() - 2 * DAY_MS));
    assert.equal((await new Client(t.app).get(`/account/reset/${uid}/${recent}/`)).statusCode, 302);
  });

  test("a forged token, or another person's id with a real token, does not work", async () => {
    const member = await makePerson(t.db);
    const other = await makePerson(t.db);
    const link = await resetLinkFor(member);
    const token = link.split("/")[4] ?? "";
    const forged = `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
    assert.match(
      (await new Client(t.app).get(`/account/reset/${encodeUid(member.id)}/${forged}/`)).body,
      /cannot be used/,
    );
    assert.match(
      (await new Client(t.app).get(`/account/reset/${encodeUid(other.id)}/${token}/`)).body,
      /cannot be used/,
    );
  });

  for (const path of [
    "/account/reset/!!/abc/",
    "/account/reset/OTk5OTk5/1-2/",
    "/account/reset/x/set-password/",
  ]) {
    test(`a malformed link (${path}) gets the invalid-link page, not an error`, async () => {
      const response = await new Client(t.app).get(path);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /cannot be used/);
      assert.match(response.body, /href="\/account\/password_reset\/"/);
    });
  }

  test("the set-password page without a link opened in this browser changes nothing", async () => {
    const member = await makePerson(t.db);
    await resetLinkFor(member);
    const setPassword = `/account/reset/${encodeUid(member.id)}/set-password/`;
    const client = new Client(t.app);
    const page = await client.get(setPassword);
    assert.match(page.body, /cannot be used/);
    const before = await storedPassword(member.id);
    const response = await client.submit(
      "/account/login/",
      { new_password1: NEW_PASSWORD, new_password2: NEW_PASSWORD },
      setPassword,
    );
    assert.match(response.body, /cannot be used/);
    assert.equal(await storedPassword(member.id), before);
  });
});

describe("choosing the new password (nothing changes on an error)", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    [
      "two different passwords",
      { new_password1: NEW_PASSWORD, new_password2: `${NEW_PASSWORD}!` },
      "new_password2",
      /do not match/,
    ],
    ["a short password", { new_password1: "k2#bQ", new_password2: "k2#bQ" }, "new_password1", /at least 8/],
    [
      "a common password",
      { new_password1: "iloveyou", new_password2: "iloveyou" },
      "new_password1",
      /common/,
    ],
    [
      "a numeric password",
      { new_password1: "4815162342", new_password2: "4815162342" },
      "new_password1",
      /digits/,
    ],
    ["a missing password", { new_password2: NEW_PASSWORD }, "new_password1", /Enter a new password/],
  ];
  for (const [what, fields, field, message] of cases) {
    test(`${what} is shown beside ${field}`, async () => {
      const member = await makePerson(t.db);
      const link = await resetLinkFor(member);
      const client = new Client(t.app);
      await openLink(client, link);
      const before = await storedPassword(member.id);
      const response = await client.submit(`/account/reset/${encodeUid(member.id)}/set-password/`, fields);
      assert.equal(response.statusCode, 200);
      assert.match(
        response.body,
        new RegExp(`id="id_${field}_errors"[^>]*>(<div>[^<]*</div>)*<div>[^<]*${message.source}`),
      );
      assert.equal(await storedPassword(member.id), before);
      // The link still works after a mistake.
      assert.equal(
        (await client.get(`/account/reset/${encodeUid(member.id)}/set-password/`)).statusCode,
        200,
      );
    });
  }

  test("a password close to the person's name is refused", async () => {
    const member = await makePerson(t.db, { username: "wonderful_ines" });
    const client = new Client(t.app);
    await openLink(client, await resetLinkFor(member));
    const response = await client.submit(`/account/reset/${encodeUid(member.id)}/set-password/`, {
      new_password1: "wonderful_ines1",
      new_password2: "wonderful_ines1",
    });
    assert.match(response.body, /too close to your username/);
  });
});

describe("after a reset", () => {
  test("the failed-login limit on the account is lifted, as the login page promises", async () => {
    const member = await makePerson(t.db);
    const attacker = new Client(t.app, "10.9.0.1");
    for (let i = 0; i < 10; i++)
      await attacker.submit("/account/login/", { username: member.username, password: `guess ${i}` });
    const blocked = await new Client(t.app, "10.9.0.2").submit("/account/login/", {
      username: member.username,
      password: PASSWORD,
    });
    assert.equal(blocked.statusCode, 429);
    const client = new Client(t.app, "10.9.0.2");
    await openLink(client, await resetLinkFor(member));
    await client.submit(`/account/reset/${encodeUid(member.id)}/set-password/`, {
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    await new Client(t.app, "10.9.0.2").logIn(member.username, NEW_PASSWORD);
  });

  test("no history is recorded: passwords never go into the history", async () => {
    const member = await makePerson(t.db);
    const client = new Client(t.app);
    await openLink(client, await resetLinkFor(member));
    await client.submit(`/account/reset/${encodeUid(member.id)}/set-password/`, {
      new_password1: NEW_PASSWORD,
      new_password2: NEW_PASSWORD,
    });
    assert.equal((await t.db.select().from(revision)).length, 0);
  });
});
