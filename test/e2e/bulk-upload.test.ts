import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { task } from "../../src/events/schema.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeAdmin, makeEvent, makePerson, PASSWORD } from "../helpers/factories.ts";

test("an admin uploads a roster, fixes a row, matches a person and saves", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeAdmin(db, { personal: "Ada" });
  const event = await makeEvent(db, { slug: "2026-05-01-ttt" });
  const known = await makePerson(db, { personal: "Luna", family: "Lovegood", email: "luna@example.org" });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");
  await browser.visit("/workshops/persons/bulk_upload/");
  const csv = [
    "personal,family,email,airport_iata,event,role",
    "Harry,Potter,harry@example.org,LHR,2026-05-01-ttt,wizard",
    "Luna,Lovegood,,,2026-05-01-ttt,learner",
  ].join("\n");
  await page.setInputFiles("#id_file", {
    name: "roster.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await browser.click("button:has-text('Upload and review')");
  assert.match((await page.textContent("main")) ?? "", /Role with name "wizard" does not exist\./);
  assert.equal(await page.isDisabled("button:has-text('Confirm and save')"), true);

  await page.getByLabel("Role, row 1", { exact: true }).selectOption("learner");
  await browser.click("button:has-text('Verify')");
  await browser.click("button[aria-label='Use this person for row 2: Luna Lovegood <luna@example.org>']");
  assert.match((await page.textContent("main")) ?? "", /Existing record for person will be used\./);
  await browser.click("button:has-text('Confirm and save')");
  assert.match((await page.textContent("main")) ?? "", /Successfully created 1 persons and 2 tasks\./);

  const [harry] = await db.select().from(person).where(eq(person.email, "harry@example.org"));
  assert.equal(harry?.username, "potter_harry");
  const tasks = await db.select().from(task).where(eq(task.eventId, event.id));
  assert.deepEqual(tasks.map((row) => row.personId).sort(), [harry?.id, known.id].sort());
});
