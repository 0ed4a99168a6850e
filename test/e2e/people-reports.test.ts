import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeAdmin, makeAward, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";

test("an admin reviews duplicates, reads instructor issues and searches for staff", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeAdmin(db, { personal: "Ada" });
  const twin = await makePerson(db, { personal: "Grace", family: "Hopper" });
  await makePerson(db, { personal: "Grace", family: "Hopper" });
  const instructor = await makePerson(db, { personal: "Nomad", family: "Teacher" });
  await makeAward(db, { personId: instructor.id });
  const trainee = await makePerson(db, { personal: "Tess", family: "Trainee" });
  await makeTask(db, {
    personId: trainee.id,
    eventId: (await makeEvent(db, { tags: ["TTT"] })).id,
    role: "learner",
  });
  await db
    .update(person)
    .set({ airportIata: "WAW", airportLat: 52.17, airportLon: 20.97, airportCountry: "PL" })
    .where(eq(person.id, trainee.id));

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  await browser.click("a:has-text('Duplicate persons')");
  await page.check(`input[name='person_id'][value='${twin.id}']`);
  await browser.click("button:has-text('Mark as reviewed')");
  assert.match((await page.textContent("main")) ?? "", /Marked 1 person as reviewed/);

  await browser.click("a:has-text('Instructor issues')");
  assert.match((await page.textContent("main")) ?? "", /Nomad Teacher[\s\S]*Tess Trainee/);

  await browser.click("a:has-text('Find workshop staff')");
  await page.fill("#id_latitude", "52");
  await page.fill("#id_longitude", "21");
  await page.check("#id_is_in_progress_trainee");
  await browser.click("button:has-text('Apply filters')");
  assert.match((await page.textContent("tbody")) ?? "", /Tess Trainee/);
});
