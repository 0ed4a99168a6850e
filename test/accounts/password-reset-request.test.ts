import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { encodeUid } from "../../src/accounts/password-reset/tokens.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson } from "../helpers/factories.ts";
import { messagesTo } from "../helpers/outbox.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({ AMY_SITE_URL: "http://amy.example.org:8080" });
});
after(() => t.close());

async function requestReset(email: string, client = new Client(t.app)) {
  return client.submit("/account/password_reset/", { email });
}

describe("asking for a reset link", () => {
  test("the login page links to it", async () => {
    const page = await new Client(t.app).get("/account/login/");
    assert.match(page.body, /href="\/account\/password_reset\/"[^>]*>Forgot your password\?/);
  });

  test("the form asks for the email address", async () => {
    const page = await new Client(t.app).get("/account/password_reset/");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Reset your password<\/title>/);
    assert.match(page.body, /name="email"/);
  });

  test("mails an active person a link to this site, from the default sender", async () => {
    const member = await makePerson(t.db, { personal: "Grace" });
    const response = await requestReset(member.email as string);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/account/password_reset/done/");
    const [message] = await messagesTo(t.db, member.email as string);
    assert.equal(message?.fromEmail, "webmaster@localhost");
    assert.match(message?.body ?? "", /Hello Grace/);
    assert.match(
      message?.body ?? "",
      new RegExp(
        `http://amy\\.example\\.org:8080/account/reset/${encodeUid(member.id)}/[0-9a-z]+-[0-9a-f]{32}/`,
      ),
    );
    const done = await new Client(t.app).get("/account/password_reset/done/");
    assert.match(done.body, /a link to choose a new password is on its way/);
  });

  test("finds the address whatever its case", async () => {
    const member = await makePerson(t.db);
    await requestReset((member.email as string).toUpperCase());
    assert.equal((await messagesTo(t.db, member.email as string)).length, 1);
  });

  const noMail: [string, Parameters<typeof makePerson>[1]][] = [
    ["an inactive person", { isActive: false }],
    ["a person without a usable password (GitHub login only)", { encodedPassword: "!" }],
  ];
  for (const [who, options] of noMail) {
    test(`${who} gets no mail, and the answer is the same`, async () => {
      const member = await makePerson(t.db, options);
      const response = await requestReset(member.email as string);
      assert.equal(response.headers.location, "/account/password_reset/done/");
      assert.equal((await messagesTo(t.db, member.email as string)).length, 0);
    });
  }

  test("an unknown address gets the same answer, and no mail is written", async () => {
    const response = await requestReset("nobody-here@example.org");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/account/password_reset/done/");
    assert.equal((await messagesTo(t.db, "nobody-here@example.org")).length, 0);
  });

  for (const [email, message] of [
    ["", /Enter your email address/],
    ["not an address", /Enter a valid email address/],
    [`${"a".repeat(250)}@example.org`, /at most 254/],
  ] as const) {
    test(`"${email.slice(0, 20)}" is refused beside the email field`, async () => {
      const response = await requestReset(email);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`id="id_email_errors"[^>]*><div>[^<]*${message.source}`));
    });
  }

  test("a request without the CSRF token is refused and sends nothing", async () => {
    const member = await makePerson(t.db);
    const response = await new Client(t.app).post("/account/password_reset/", {
      email: member.email as string,
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await messagesTo(t.db, member.email as string)).length, 0);
  });
});
