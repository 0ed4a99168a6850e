import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { createMailer, type MailLog } from "../../src/mail/mailer.ts";
import { outboxMessage } from "../../src/mail/schema.ts";
import { testDatabase } from "../helpers/database.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";

const MAIL = { to: ["ada@example.org"], subject: "Hello Ada", body: "Line one.\nLine two." };
const FROM = "AMY <amy@example.org>";

let database: Database;
let smtp: TestSmtpServer;
const logged: { level: string; message: string; details: object }[] = [];
const log: MailLog = {
  warn: (details, message) => logged.push({ level: "warn", message, details }),
  error: (details, message) => logged.push({ level: "error", message, details }),
};

before(async () => {
  database = await testDatabase();
  smtp = await startSmtpServer();
});
after(async () => {
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  smtp.rejecting = false;
  smtp.received.length = 0;
  logged.length = 0;
  await database.db.delete(outboxMessage);
});

const outbox = () => database.db.select().from(outboxMessage);
const smtpMailer = (url = smtp.url) =>
  createMailer({ db: database.db, config: { smtpUrl: url, defaultFrom: FROM }, log });

describe("without an SMTP server (development)", () => {
  test("keeps every message in the outbox, from the default sender, and sends nothing", async () => {
    const mailer = createMailer({ db: database.db, config: { smtpUrl: undefined, defaultFrom: FROM }, log });
    assert.equal(mailer.keepsMail, true);
    const outcome = await mailer.send(MAIL);
    assert.equal(outcome.status, "kept");
    const [row] = await outbox();
    assert.equal(row?.status, "kept");
    assert.equal(row?.fromEmail, FROM);
    assert.deepEqual(row?.recipients, ["ada@example.org"]);
    assert.equal(row?.subject, "Hello Ada");
    assert.equal(row?.body, "Line one.\nLine two.");
    assert.equal(smtp.received.length, 0);
  });

  test("cannot retry a message: there is nowhere to send it", async () => {
    const mailer = createMailer({ db: database.db, config: { smtpUrl: undefined, defaultFrom: FROM }, log });
    await mailer.send(MAIL);
    const [row] = await outbox();
    assert.ok(row);
    assert.deepEqual(await mailer.retry(row), { status: "no-smtp" });
    assert.equal((await outbox()).length, 1);
  });
});

describe("with an SMTP server", () => {
  test("delivers the message and keeps no copy", async () => {
    const mailer = smtpMailer();
    assert.equal(mailer.keepsMail, false);
    assert.deepEqual(await mailer.send(MAIL), { status: "sent" });
    assert.equal(smtp.received.length, 1);
    const [received] = smtp.received;
    assert.equal(received?.from, "amy@example.org");
    assert.deepEqual(received?.to, ["ada@example.org"]);
    assert.match(received?.raw ?? "", /^Subject: Hello Ada$/m);
    assert.match(received?.raw ?? "", /^From: AMY <amy@example\.org>$/m);
    assert.match(received?.raw ?? "", /Line one\.\r?\nLine two\./);
    assert.equal((await outbox()).length, 0);
  });

  test("a refused message is kept as failed, with the server's answer, and logged as an error", async () => {
    smtp.rejecting = true;
    const outcome = await smtpMailer().send(MAIL);
    assert.equal(outcome.status, "failed");
    const [row] = await outbox();
    assert.equal(row?.status, "failed");
    assert.equal(row?.attempts, 1);
    assert.match(row?.error ?? "", /550 Mailbox unavailable/);
    assert.ok(row?.lastAttemptAt instanceof Date);
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.level, "error");
    assert.deepEqual(logged[0]?.details, { outboxId: row?.id, reason: row?.error });
  });

  test("a server that cannot be reached is a failure too, not an exception", async () => {
    const closed = await startSmtpServer();
    await closed.close();
    const outcome = await smtpMailer(closed.url).send(MAIL);
    assert.equal(outcome.status, "failed");
    const [row] = await outbox();
    assert.match(row?.error ?? "", /ECONNREFUSED/);
  });

  test("a retry that fails again counts the attempt and keeps the newest error", async () => {
    smtp.rejecting = true;
    const mailer = smtpMailer();
    await mailer.send(MAIL);
    const [row] = await outbox();
    assert.ok(row);
    const outcome = await mailer.retry(row);
    assert.equal(outcome.status, "failed");
    const [again] = await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, row.id));
    assert.equal(again?.attempts, 2);
    assert.match(again?.error ?? "", /550/);
  });

  test("a retry that succeeds delivers the message and removes it from the outbox", async () => {
    smtp.rejecting = true;
    const mailer = smtpMailer();
    await mailer.send(MAIL);
    const [row] = await outbox();
    assert.ok(row);
    smtp.rejecting = false;
    assert.deepEqual(await mailer.retry(row), { status: "sent" });
    assert.equal(smtp.received.length, 1);
    assert.match(smtp.received[0]?.raw ?? "", /^Subject: Hello Ada$/m);
    assert.equal((await outbox()).length, 0);
  });

  test("a message kept while no SMTP server was configured can be sent once there is one", async () => {
    await createMailer({ db: database.db, config: { smtpUrl: undefined, defaultFrom: FROM }, log }).send(
      MAIL,
    );
    const [row] = await outbox();
    assert.ok(row);
    assert.deepEqual(await smtpMailer().retry(row), { status: "sent" });
    assert.equal(smtp.received.length, 1);
  });
});
