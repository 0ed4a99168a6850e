import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { award } from "../../src/people/schema.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeEvent, makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";

test("an admin creates a person, edits them, awards a badge, merges a duplicate and uploads a CSV", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;
  const admin = await makeSuperuser(db, { personal: "Minerva" });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  // Create, choosing the airport by typing into the autocomplete field.
  await browser.visit("/workshops/persons/add/");
  await browser.fill({
    "Personal (first) name": "Hermione",
    "Family (last) name": "Granger",
    "Email address": "hermione@example.org",
  });
  await page.click("#id_airport_iata-ts-control");
  await page.keyboard.type("LHR");
  await page.waitForSelector(".ts-dropdown .option:has-text('LHR: ')");
  await page.keyboard.press("Enter");
  await browser.click("button:has-text('Create person')");
  assert.match(
    (await page.textContent("main")) ?? "",
    /Hermione Granger <hermione@example\.org> was created/,
  );
  const [created] = await db.select().from(person).where(eq(person.email, "hermione@example.org"));
  assert.equal(created?.airportCountry, "GB");

  // Edit.
  await browser.click("a:has-text('Edit')");
  await browser.fill({ Affiliation: "Hogwarts" });
  await browser.click("button:has-text('Save')");
  assert.match((await page.textContent("main")) ?? "", /Hogwarts/);

  // Award a badge from the person page.
  await browser.click("a:has-text('Award a badge')");
  await page.getByLabel("Badge", { exact: true }).selectOption({ label: "Instructor" });
  await browser.click("button:has-text('Award the badge')");
  const awards = await db
    .select()
    .from(award)
    .where(eq(award.personId, created?.id ?? 0));
  assert.equal(awards.length, 1);

  // Merge a duplicate into her.
  const duplicate = await makePerson(db, {
    personal: "Hermione",
    family: "Granger",
    email: "h.granger@example.org",
  });
  await browser.visit(`/workshops/persons/merge/?person_a=${duplicate.id}&person_b=${created?.id}`);
  await page.check("#id_id_obj_b");
  await browser.click("button:has-text('Merge')");
  assert.match((await page.textContent("main")) ?? "", /merged/i);
  assert.equal(await db.$count(person, eq(person.id, duplicate.id)), 0);

  // Upload a CSV of new people and their workshop roles.
  await makeEvent(db, { slug: "2026-03-01-hogwarts" });
  await browser.visit("/workshops/persons/bulk_upload/");
  await page.setInputFiles("#id_file", {
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "personal,family,email,event,role\nNeville,Longbottom,neville@example.org,2026-03-01-hogwarts,learner\n",
    ),
  });
  await browser.click("button:has-text('Upload and review')");
  await browser.click("button:has-text('Confirm and save')");
  assert.match((await page.textContent("main")) ?? "", /Successfully created 1 persons and 1 tasks\./);
  assert.equal(await db.$count(person, eq(person.email, "neville@example.org")), 1);
});
