import assert from "node:assert/strict";
import { test } from "node:test";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeAdmin, PASSWORD } from "../helpers/factories.ts";

test("an admin logs in, sees the dashboard, changes the password and logs out", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const admin = await makeAdmin(browser.db, { personal: "Ada" });
  const { page } = browser;

  await browser.visit("/dashboard/admin/");
  assert.equal(new URL(page.url()).pathname, "/account/login/");

  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");
  assert.equal(new URL(page.url()).pathname, "/dashboard/admin/");
  assert.match((await page.textContent("h1")) ?? "", /Admin dashboard/);

  await page.click("button:has-text('Hello, Ada')");
  await browser.click("a:has-text('Change password')");
  await browser.fill({
    "Current password": PASSWORD,
    "New password": "a much better passphrase",
    "New password again": "a much better passphrase",
  });
  await browser.click("button:has-text('Change password')");
  assert.match((await page.textContent(".alert-success")) ?? "", /password was changed/);

  await page.click("button:has-text('Hello, Ada')");
  await browser.click("button:has-text('Log out')");
  assert.equal(new URL(page.url()).pathname, "/account/login/");
  assert.match((await page.textContent(".alert-success")) ?? "", /logged out/);

  await browser.fill({ "Username or email address": admin.username, Password: "a much better passphrase" });
  await browser.click("button:has-text('Log in to AMY')");
  assert.equal(new URL(page.url()).pathname, "/dashboard/admin/");
});
