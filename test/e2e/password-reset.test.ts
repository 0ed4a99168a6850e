import assert from "node:assert/strict";
import { test } from "node:test";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makePerson } from "../helpers/factories.ts";
import { linkPathIn } from "../helpers/outbox.ts";

test("a member who forgot the password gets a link by email, sets a new password and logs in", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const member = await makePerson(browser.db, { personal: "Katherine", email: "katherine@example.org" });
  const { page } = browser;

  await browser.visit("/account/login/");
  await browser.click("a:has-text('Forgot your password?')");
  assert.equal(new URL(page.url()).pathname, "/account/password_reset/");
  await browser.fill({ "Email address": "Katherine@Example.org" });
  await browser.click("button:has-text('Send me a link')");
  assert.equal(new URL(page.url()).pathname, "/account/password_reset/done/");

  // The development outbox holds the message; open its link as the member would.
  await browser.visit(await linkPathIn(browser.db, "katherine@example.org"));
  assert.match(new URL(page.url()).pathname, /^\/account\/reset\/[^/]+\/set-password\/$/);

  await browser.fill({ "New password": "short", "New password again": "short" });
  await browser.click("button:has-text('Set my password')");
  assert.match((await page.textContent("#id_new_password1_errors")) ?? "", /at least 8/);

  await browser.fill({
    "New password": "orbit lantern meadow 9",
    "New password again": "orbit lantern meadow 9",
  });
  await browser.click("button:has-text('Set my password')");
  assert.equal(new URL(page.url()).pathname, "/account/reset/done/");

  await browser.click("a:has-text('Log in')");
  await browser.fill({ "Username or email address": member.username, Password: "orbit lantern meadow 9" });
  await browser.click("button:has-text('Log in to AMY')");
  assert.equal(new URL(page.url()).pathname, "/dashboard/instructor/");
});
