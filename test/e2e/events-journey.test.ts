import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { event, task } from "../../src/events/schema.ts";
import { html, startLocalSite, workshopPage } from "../events/import-server.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeOrganization, makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";

/** Picks an option of an autocomplete field by typing into Tom Select, as a person would. */
async function choose(page: Page, field: string, typed: string, option: string) {
  await page.click(`#id_${field}-ts-control`);
  await page.keyboard.type(typed);
  await page.locator(`#id_${field}-ts-dropdown .option:has-text("${option}")`).first().click();
}

test("an admin creates an event from its website, adds instructors and a learner, and completes it", async (t) => {
  if (!browserAvailable(t)) return;
  const site = await startLocalSite({
    "/2026-06-01-hogwarts/": html(
      workshopPage({
        slug: "2026-06-01-hogwarts",
        startdate: "2026-06-01",
        enddate: "2026-06-02",
        country: "gb",
        venue: "Great Hall",
        address: "Hogwarts Castle",
        latlng: "57.1,-4.7",
        instructor: "Minerva McGonagall|Severus Snape",
        helper: "Rubeus Hagrid",
        contact: "minerva@example.org",
      }),
    ),
  });
  t.after(() => site.close());
  const browser = await BrowserSession.start({
    AMY_IMPORT_ALLOWED_HOSTS: site.host,
    AMY_IMPORT_ALLOW_LOOPBACK: "true",
  });
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeSuperuser(db, { personal: "Albus" });
  await makeOrganization(db, { domain: "hogwarts.ac.uk", fullname: "Hogwarts School" });
  const minerva = await makePerson(db, { personal: "Minerva", family: "McGonagall" });
  const severus = await makePerson(db, { personal: "Severus", family: "Snape" });
  const harry = await makePerson(db, { personal: "Harry", family: "Potter" });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await browser.visit("/workshops/events/add/");
  await page.locator("#event-import input").fill(`${site.origin}/2026-06-01-hogwarts/`);
  await page.click("#event-import button");
  await page
    .locator("#event-import-status .alert-success, #event-import-status .alert-warning")
    .first()
    .waitFor();
  assert.equal(await page.locator('[name="slug"]').inputValue(), "2026-06-01-hogwarts");
  await choose(page, "host", "hogwarts", "Hogwarts School");
  await choose(page, "sponsor", "hogwarts", "Hogwarts School");
  await choose(page, "administrator", "software", "Software Carpentry");
  await page.getByLabel("Tags", { exact: true }).selectOption({ label: "SWC" });
  await browser.click("button:has-text('Create event')");
  assert.match((await page.textContent("main")) ?? "", /2026-06-01-hogwarts was created/);
  const [created] = await db.select().from(event).where(eq(event.slug, "2026-06-01-hogwarts"));
  assert.equal(created?.venue, "Great Hall");

  for (const [who, typed, roleName] of [
    [minerva, "McGonagall", "Instructor"],
    [severus, "Snape", "Instructor"],
    [harry, "Potter", "Learner"],
  ] as const) {
    await choose(page, "task-person", typed, `${who.personal} ${who.family}`);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: roleName });
    await browser.click("button:has-text('Add task')");
  }
  assert.equal(await db.$count(task, eq(task.eventId, created?.id ?? 0)), 3);

  // Update from the website: by default only empty fields are filled.
  await browser.click("a:has-text('Edit')");
  await page.getByLabel("Venue", { exact: true }).fill("");
  await page.getByLabel("Address", { exact: true }).fill("Gryffindor Tower");
  await page.click("#event-import button");
  await page
    .locator("#event-import-status .alert-success, #event-import-status .alert-warning")
    .first()
    .waitFor();
  assert.equal(await page.getByLabel("Venue", { exact: true }).inputValue(), "Great Hall");
  assert.equal(await page.getByLabel("Address", { exact: true }).inputValue(), "Gryffindor Tower");
  await page.getByLabel("Completed", { exact: true }).check();
  await browser.click("button:has-text('Save')");
  const [completed] = await db
    .select()
    .from(event)
    .where(eq(event.id, created?.id ?? 0));
  assert.equal(completed?.completed, true);
  assert.equal(completed?.address, "Gryffindor Tower");
});
