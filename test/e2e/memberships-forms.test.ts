import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeOrganization, makeSuperuser, PASSWORD } from "../helpers/factories.ts";
import { makeConsortium, makeMembership } from "../helpers/membership-factories.ts";

/** Picks an option of an autocomplete field by typing into Tom Select and clicking the option. */
async function choose(page: Page, field: string, typed: string, option: string) {
  await page.click(`#id_${field}-ts-control`);
  await page.keyboard.type(typed);
  await page.locator(`#id_${field}-ts-dropdown .option:has-text("${option}")`).first().click();
}

test("membership and partnership forms help as the user fills them", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeSuperuser(db);
  await makeOrganization(db, { domain: "durmstrang.example.org", fullname: "Durmstrang Institute" });
  await makeConsortium(db, { name: "Northern Schools" });
  const row = await makeMembership(db, { agreementStart: "2026-01-01", agreementEnd: "2026-12-31" });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await test("choosing the main organisation suggests the name; a short agreement is pointed out", async () => {
    await browser.visit("/fiscal/memberships/add/");
    await choose(page, "main_organization", "durm", "Durmstrang Institute");
    assert.equal(await page.inputValue('[name="name"]'), "Durmstrang Institute");
    const notice = page.locator("[data-full-year]");
    await page.fill('[name="agreement_start"]', "2024-02-29");
    await page.fill('[name="agreement_end"]', "2025-02-28");
    assert.equal(await notice.isVisible(), true);
    assert.match(await notice.innerText(), /2025-02-27/);
    await page.fill('[name="agreement_end"]', "2025-02-27");
    assert.equal(await notice.isVisible(), false);
  });

  await test("the extend page counts the days of the extension", async () => {
    await browser.visit(`/fiscal/membership/${row.id}/extend/`);
    await page.fill('[name="new_agreement_end"]', "2027-01-30");
    assert.equal(await page.inputValue("#id_extension"), "30");
  });

  await test("a partnership has an organisation or a consortium, never both", async () => {
    await browser.visit("/fiscal/partnerships/create/");
    await choose(page, "partner_organisation", "durm", "Durmstrang Institute");
    assert.equal(await page.inputValue('[name="name"]'), "Durmstrang Institute");
    assert.equal(await page.isDisabled('[name="partner_consortium"]'), true);
  });
});
