import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { outboxMessage } from "../../src/mail/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeSuperuser, PASSWORD } from "../helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";

// Two applications: one without SMTP (development), one sending through a real SMTP server.
let development: TestApp;
let production: TestApp;
let smtp: TestSmtpServer;

before(async () => {
  smtp = await startSmtpServer();
  development = await startTestApp();
  production = await startTestApp({ AMY_SMTP_URL: smtp.url });
});
after(async () => {
  await development.close();
  await production.close();
  await smtp.close();
});

async function superuserOf(t: TestApp) {
  const superuser = await makeSuperuser(t.db);
  return new Client(t.app).logIn(superuser.username, PASSWORD);
}

async function keptMessage(t: TestApp, fields: Partial<typeof outboxMessage.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(outboxMessage)
    .values({
      fromEmail: "webmaster@localhost",
      recipients: ["grace@example.org"],
      subject: "About your workshop",
      body: "First line\nSecond <line>",
      status: "kept",
      ...fields,
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

describe("the outbox without SMTP", () => {
  test("lists kept messages for a superuser and says why they are there", async () => {
    await keptMessage(development, { subject: "Listed message" });
    const page = await (await superuserOf(development)).get("/mail/outbox/");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Outbox<\/title>/);
    assert.match(page.body, /No SMTP server is configured/);
    assert.match(page.body, /Listed message/);
    assert.match(page.body, /grace@example\.org/);
    assert.match(page.body, /Kept \(not sent\)/);
  });

  test("shows one message with its body, escaped, line by line, and no retry button", async () => {
    const message = await keptMessage(development);
    const page = await (await superuserOf(development)).get(`/mail/outbox/${message.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /First line<br\/>Second &lt;line><br\/>/);
    assert.doesNotMatch(page.body, /Send again/);
  });

  test("a retry says that no SMTP server is configured and keeps the message", async () => {
    const message = await keptMessage(development);
    const client = await superuserOf(development);
    const response = await client.submit(
      `/mail/outbox/${message.id}/`,
      {},
      `/mail/outbox/${message.id}/retry/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/mail/outbox/${message.id}/`);
    assert.match((await client.get(`/mail/outbox/${message.id}/`)).body, /No SMTP server is configured/);
    assert.equal(
      (await development.db.select().from(outboxMessage).where(eq(outboxMessage.id, message.id))).length,
      1,
    );
  });

  test("an unknown or malformed message id gets 404", async () => {
    const client = await superuserOf(development);
    assert.equal((await client.get("/mail/outbox/999999/")).statusCode, 404);
    assert.equal((await client.get("/mail/outbox/abc/")).statusCode, 404);
    const page = await client.get("/mail/outbox/");
    const retry = await client.post("/mail/outbox/999999/retry/", {
      csrfmiddlewaretoken: csrfTokenIn(page.body),
    });
    assert.equal(retry.statusCode, 404);
  });

  test("an admin who is not a superuser gets 403", async () => {
    const admin = await makeAdmin(development.db);
    const client = await new Client(development.app).logIn(admin.username, PASSWORD);
    assert.equal((await client.get("/mail/outbox/")).statusCode, 403);
  });

  test("the account menu offers the outbox to superusers only", async () => {
    assert.match(
      (await (await superuserOf(development)).get("/dashboard/admin/")).body,
      /href="\/mail\/outbox\/"/,
    );
    const admin = await makeAdmin(development.db);
    const client = await new Client(development.app).logIn(admin.username, PASSWORD);
    assert.doesNotMatch((await client.get("/dashboard/admin/")).body, /href="\/mail\/outbox\/"/);
  });
});

describe("the outbox with SMTP", () => {
  test("explains that only undelivered messages are kept, and offers to send them again", async () => {
    const message = await keptMessage(production, {
      status: "failed",
      error: "550 Mailbox unavailable",
      attempts: 1,
    });
    const client = await superuserOf(production);
    assert.match((await client.get("/mail/outbox/")).body, /Messages it did not accept are kept here/);
    const page = await client.get(`/mail/outbox/${message.id}/`);
    assert.match(page.body, /Not delivered \(1 attempt\)/);
    assert.match(page.body, /550 Mailbox unavailable/);
    assert.match(page.body, /Send again/);
  });

  test("sending again delivers the message, removes it and says so", async () => {
    smtp.rejecting = false;
    const message = await keptMessage(production, {
      status: "failed",
      subject: "Second chance",
      attempts: 1,
    });
    const client = await superuserOf(production);
    const response = await client.submit(
      `/mail/outbox/${message.id}/`,
      {},
      `/mail/outbox/${message.id}/retry/`,
    );
    assert.equal(response.headers.location, "/mail/outbox/");
    assert.match((await client.get("/mail/outbox/")).body, /The message &quot;Second chance&quot; was sent/);
    assert.ok(smtp.received.some((mail) => /Subject: Second chance/.test(mail.raw)));
    assert.equal(
      (await production.db.select().from(outboxMessage).where(eq(outboxMessage.id, message.id))).length,
      0,
    );
  });

  test("sending again to a server that still refuses shows its answer and keeps the message", async () => {
    smtp.rejecting = true;
    const message = await keptMessage(production, { status: "failed", attempts: 1 });
    const client = await superuserOf(production);
    await client.submit(`/mail/outbox/${message.id}/`, {}, `/mail/outbox/${message.id}/retry/`);
    const page = await client.get(`/mail/outbox/${message.id}/`);
    assert.match(page.body, /The SMTP server said: 550 Mailbox unavailable/);
    assert.match(page.body, /Not delivered \(2 attempts\)/);
    smtp.rejecting = false;
  });

  test("a retry without the CSRF token is refused and sends nothing", async () => {
    const message = await keptMessage(production, { status: "failed", subject: "No token", attempts: 1 });
    const response = await (await superuserOf(production)).post(`/mail/outbox/${message.id}/retry/`, {});
    assert.equal(response.statusCode, 403);
    assert.ok(!smtp.received.some((mail) => /Subject: No token/.test(mail.raw)));
  });
});
