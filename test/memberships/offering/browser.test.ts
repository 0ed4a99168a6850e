import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { account, accountBenefit } from "../../../src/memberships/schema.ts";
import { BrowserSession, browserAvailable } from "../../helpers/browser.ts";
import { makeAdmin, makeOrganization, PASSWORD } from "../../helpers/factories.ts";
import {
  makeAccountOwner,
  makeBenefit,
  makeConsortium,
  makeEventCategory,
  makePartnership,
} from "../../helpers/membership-factories.ts";

test("an admin creates an account and an account benefit with the dependent lookups", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeAdmin(db);
  const org = await makeOrganization(db, {
    fullname: "Browserville University",
    domain: "browserville.example.org",
  });
  await makeConsortium(db, { name: "Browserville Consortium" });
  const ours = await makePartnership(db, {
    name: "Ours",
    agreementStart: "2026-02-01",
    agreementEnd: "2027-01-31",
  });
  await makePartnership(db, { name: "Theirs" });
  await makeAccountOwner(db, { accountId: ours.accountId, personId: admin.id });
  await makeBenefit(db, { name: "Browser seat" });
  await makeEventCategory(db, { name: "Browser category" });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  // The Name lookup searches the kind of record the account type names, and empties on a new type.
  await browser.visit("/offering/accounts/create/");
  await page.selectOption("#id_account_type", "consortium");
  await page.locator(".ts-control input").fill("browserville");
  const options = page.locator(".ts-dropdown [role=option]");
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ["Browserville Consortium"]);
  await options.first().click();
  await page.selectOption("#id_account_type", "organisation");
  assert.equal(await page.locator("#id_generic_relation_pk").inputValue(), "");
  await page.locator(".ts-control input").fill("browserville");
  await options.filter({ hasText: "Browserville University" }).waitFor();
  await options.filter({ hasText: "Browserville University" }).click();
  await browser.click("button:has-text('Create')");
  const [created] = await db.select().from(account).where(eq(account.organizationId, org.id));
  assert.ok(created);
  assert.equal(new URL(page.url()).pathname, `/offering/accounts/${created.id}/`);

  // The partnership lookup offers the chosen account's partnerships; choosing one fixes the dates.
  await browser.visit(`/offering/accounts/${ours.accountId}/`);
  await browser.click("a:has-text('Add account benefit to this account')");
  await page.locator("#id_partnership-ts-control").fill("s");
  await options.first().waitFor();
  assert.deepEqual(
    (await options.allTextContents()).map((text) => text.split(" ")[0]),
    ["Ours"],
  );
  await options.first().click();
  assert.equal(await page.locator("#id_start_date").inputValue(), "2026-02-01");
  assert.equal(await page.locator("#id_end_date").getAttribute("readonly"), "");
  await page.selectOption("#id_benefit", { label: 'Benefit "Browser seat" (seat, 1 credits)' });
  await page.locator("#id_allocation").fill("3");
  await browser.click("button:has-text('Create')");
  assert.equal(new URL(page.url()).pathname, `/offering/accounts/${ours.accountId}/`);
  const [saved] = await db.select().from(accountBenefit).where(eq(accountBenefit.accountId, ours.accountId));
  assert.equal(saved?.partnershipId, ours.id);
  assert.equal(saved?.endDate, "2027-01-31");

  // The other offering pages pass the accessibility audit too.
  for (const path of [
    "/offering/accounts/",
    `/offering/accounts/${ours.accountId}/owners/`,
    `/offering/accounts/${ours.accountId}/edit/`,
    "/offering/benefits/",
    "/offering/benefits/create/",
    "/offering/account-benefits/",
    `/offering/account-benefits/${saved?.id}/`,
    `/offering/account-benefits/${saved?.id}/edit/`,
    "/offering/event-categories/",
    "/offering/event-categories/create/",
  ]) {
    await browser.visit(path);
  }
});
