import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { recordChange, rowFields } from "../../src/history/index.ts";
import { createMailer } from "../../src/mail/index.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";

test("a superuser reads the outbox and compares two versions of a record", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const superuser = await makeSuperuser(db, { personal: "Ada" });
  const member = await makePerson(db, { personal: "Mary", family: "Jackson" });
  for (const family of ["Winston Jackson", "Winston Jackson Smith", "Smith"]) {
    await db.transaction(async (tx) => {
      const [row] = await tx.update(person).set({ family }).where(eq(person.id, member.id)).returning();
      if (!row) throw new Error("no person");
      const object = {
        contentType: "workshops.person",
        id: row.id,
        repr: `Mary ${family}`,
        fields: rowFields(person, row),
      };
      await recordChange(tx, { user: superuser, objects: [object], comment: "Name change" });
    });
  }
  const log = { warn() {}, error() {} };
  await createMailer({ db, config: { smtpUrl: undefined, defaultFrom: "amy@example.org" }, log }).send({
    to: ["mary@example.org"],
    subject: "Your workshop",
    body: "Hello Mary,\nsee you soon.",
  });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": superuser.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await page.click("button:has-text('Hello, Ada')");
  await browser.click("a:has-text('Outbox')");
  await browser.click("a:has-text('Your workshop')");
  assert.match((await page.textContent("main")) ?? "", /see you soon/);

  await browser.click("a:has-text('Recently changed')");
  await browser.click("a:has-text('Mary Winston Jackson Smith')");
  assert.match((await page.textContent("ins")) ?? "", /Smith/);
  await page.check("input[name='version_id1'] >> nth=1");
  await browser.click("button:has-text('Compare the chosen versions')");
  assert.match(
    (await page.textContent("main")) ?? "",
    /This is the first version/i.test("") ? /x/ : /Changed on/,
  );
});
