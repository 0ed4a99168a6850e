import assert from "node:assert/strict";
import { test } from "node:test";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

// No page of this issue uses a lookup field yet, so the test serves a small form of its own, on the
// app's origin, with the site's real scripts and a select like SelectField renders with `lookup`.
const LOOKUP_FORM = `<!doctype html>
<html lang="en"><head><title>Lookup</title>
<link rel="stylesheet" href="/static/bootstrap.min.css" />
<link rel="stylesheet" href="/static/tom-select.min.css" />
<script src="/static/tom-select.complete.min.js" defer></script>
<script src="/static/amy.js" defer></script>
</head><body><main>
<label for="id_person">Person</label>
<select id="id_person" name="person" data-lookup="/select_lookups/persons/"></select>
</main></body></html>`;

test("an admin searches from the menu, and a lookup field loads matches page by page", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeAdmin(db, { personal: "Ada" });
  const members = [];
  for (let n = 10; n < 40; n++)
    members.push(await makePerson(db, { personal: "Zzpaged", family: `Member${n}` }));

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await page.getByLabel("Search persons, organisations, events and comments").fill("zzpaged");
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  await browser.audit();
  assert.match((await page.textContent("main")) ?? "", /Persons \(30\)/);

  await page.route(`${browser.baseUrl}/lookup-form/`, (route) =>
    route.fulfill({ contentType: "text/html", body: LOOKUP_FORM }),
  );
  await page.goto(`${browser.baseUrl}/lookup-form/`);
  await page.locator(".ts-control input").fill("zzpaged");
  const options = page.locator(".ts-dropdown [role=option]");
  await options.first().waitFor();
  assert.equal(await options.count(), 25);
  await page.locator(".ts-dropdown-content").evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await page.waitForFunction(() => document.querySelectorAll(".ts-dropdown [role=option]").length === 30);
  await options.filter({ hasText: "Zzpaged Member39" }).click();
  assert.equal(await page.locator("#id_person").inputValue(), String(members.at(-1)?.id));
});
