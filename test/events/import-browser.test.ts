import assert from "node:assert/strict";
import { test } from "node:test";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeAdmin, PASSWORD } from "../helpers/factories.ts";
import { html, startLocalSite, workshopPage } from "./import-server.ts";

const IMPORT_LABEL = "Import from the workshop website (GitHub Pages or repository URL)";

test("an admin fills the new event form from a workshop website, and sees why a bad one fails", async (t) => {
  if (!browserAvailable(t)) return;
  const site = await startLocalSite({
    "/workshop/": html(
      workshopPage({
        slug: "2024-05-01-place",
        startdate: "2024-05-01",
        enddate: "2024-05-02",
        country: "us",
        venue: "&lt;b&gt;Main Hall&lt;/b&gt;",
        address: "1 Main St",
        latlng: "45.5,-122.6",
        instructor: "Ann",
        helper: "FIXME",
        contact: "team@example.org",
      }),
    ),
  });
  t.after(() => site.close());
  const browser = await BrowserSession.start({
    AMY_IMPORT_ALLOWED_HOSTS: site.host,
    AMY_IMPORT_ALLOW_LOOPBACK: "true",
  });
  t.after(() => browser.close());
  const { page } = browser;
  const admin = await makeAdmin(browser.db);
  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await browser.visit("/workshops/events/add/");
  await page.getByLabel(IMPORT_LABEL).fill(`${site.origin}/workshop/`);
  await page.click("#event-import button");
  await page.locator("#event-import-status .alert-warning").waitFor();
  assert.equal(await page.locator('[name="slug"]').inputValue(), "2024-05-01-place");
  assert.equal(await page.locator('[name="start"]').inputValue(), "2024-05-01");
  assert.equal(await page.locator('[name="venue"]').inputValue(), "<b>Main Hall</b>");
  assert.equal(await page.locator('[name="latitude"]').inputValue(), "45.5");
  assert.match(
    (await page.textContent("#event-import-status")) ?? "",
    /Placeholder value "FIXME" for required metadata helper\./,
  );
  await browser.audit();

  await page.getByLabel(IMPORT_LABEL).fill("https://example.org/not-allowed/");
  await page.keyboard.press("Enter");
  await page.locator("#event-import-status .alert-danger").waitFor();
  assert.match((await page.textContent("#event-import-status")) ?? "", /only from these hosts/);
  assert.equal(await page.getByLabel(IMPORT_LABEL).getAttribute("aria-invalid"), "true");
  assert.equal(new URL(page.url()).pathname, "/workshops/events/add/", "Enter did not submit the event form");
  await browser.audit();
});
