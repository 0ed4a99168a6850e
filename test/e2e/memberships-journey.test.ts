import assert from "node:assert/strict";
import { test } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { comment } from "../../src/comments/schema.ts";
import { event, task } from "../../src/events/schema.ts";
import { addDays, addOneYearMinusOneDay } from "../../src/memberships/rules.ts";
import { member, memberRole, membership, membershipTask } from "../../src/memberships/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { BrowserSession, browserAvailable } from "../helpers/browser.ts";
import { makeEvent, makeOrganization, makePerson, makeSuperuser, PASSWORD } from "../helpers/factories.ts";
import { membershipPersonRoleId } from "../helpers/membership-factories.ts";

/** Picks an option of an autocomplete field by typing into Tom Select and clicking the option. */
async function choose(page: Page, field: string, typed: string, option: string) {
  await page.click(`#id_${field}-ts-control`);
  await page.keyboard.type(typed);
  await page.locator(`#id_${field}-ts-dropdown .option:has-text("${option}")`).first().click();
}

/**
 * Picks an option with the keyboard only: reach the autocomplete (focus it, or Tab to it from the
 * field before), type, arrow down to the option the lookup answered and press Enter — the way
 * someone who cannot use a mouse fills the field.
 */
async function chooseByKeyboard(
  page: Page,
  field: string,
  typed: string,
  option: string,
  reach: "focus" | "tab" = "focus",
) {
  const control = `id_${field}-ts-control`;
  if (reach === "tab") {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), control, `Tab reaches ${field}`);
  } else {
    await page.focus(`#${control}`);
  }
  await page.keyboard.type(typed);
  const wanted = page.locator(`#id_${field}-ts-dropdown .option:has-text("${option}")`).first();
  await wanted.waitFor();
  const value = await wanted.getAttribute("data-value");
  for (let step = 0; step < 10; step++) {
    if ((await wanted.getAttribute("class"))?.split(" ").includes("active")) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(`#id_${field}`).inputValue(), value);
}

/** Presses Enter in a text field, which submits its form, and audits the page that comes back. */
async function submitWithEnter(browser: BrowserSession, label: string) {
  await browser.page.getByLabel(label, { exact: true }).focus();
  await Promise.all([browser.page.waitForEvent("load"), browser.page.keyboard.press("Enter")]);
  await browser.audit();
}

/** The number a figure cell of the membership page shows ("—" reads as 0). */
async function figure(page: Page, name: string): Promise<number> {
  const text = (await page.locator(`[data-figure="${name}"]`).innerText()).trim();
  const first = text.split(/\s/)[0] ?? "";
  return first === "—" ? 0 : Number(first);
}

const flashes = async (page: Page) => (await page.locator(".alert").allInnerTexts()).join("\n");

test("an admin creates a consortium membership, fills it, uses it and rolls it over", async (t) => {
  if (!browserAvailable(t)) return;
  const browser = await BrowserSession.start();
  t.after(() => browser.close());
  const { db, page } = browser;

  const today = todayIso();
  const start = addDays(today, -30);
  const end = addOneYearMinusOneDay(start);
  const admin = await makeSuperuser(db, { personal: "Albus", family: "Dumbledore" });
  const hogwarts = await makeOrganization(db, { domain: "hogwarts.ac.uk", fullname: "Hogwarts School" });
  const beauxbatons = await makeOrganization(db, {
    domain: "beauxbatons.fr",
    fullname: "Beauxbatons Academy",
  });
  const durmstrang = await makeOrganization(db, {
    domain: "durmstrang.no",
    fullname: "Durmstrang Institute",
  });
  const minerva = await makePerson(db, { personal: "Minerva", family: "McGonagall" });
  const harry = await makePerson(db, { personal: "Harry", family: "Potter" });
  // A centrally-organised workshop later this year, and an instructor training that started before
  // the agreement (so the seat task warns about it).
  const workshop = await makeEvent(db, {
    slug: `${addDays(today, 20)}-hogwarts`,
    hostId: hogwarts.id,
    administratorDomain: "software-carpentry.org",
    start: addDays(today, 20),
    end: addDays(today, 21),
    tags: ["SWC"],
  });
  await db.update(event).set({ sponsorId: hogwarts.id }).where(eq(event.id, workshop.id));
  const training = await makeEvent(db, {
    slug: `${addDays(start, -10)}-ttt-online`,
    hostId: hogwarts.id,
    administratorDomain: "carpentries.org",
    start: addDays(start, -10),
    end: addDays(start, -9),
    tags: ["TTT"],
  });

  await browser.visit("/account/login/");
  await browser.fill({ "Username or email address": admin.username, Password: PASSWORD });
  await browser.click("button:has-text('Log in to AMY')");

  // 1. Create the membership, choosing the main organisation through the autocomplete.
  await browser.visit("/fiscal/memberships/add/");
  await choose(page, "main_organization", "hogwarts", "Hogwarts School");
  await browser.fill({ Name: "Triwizard", "Agreement start": start, "Agreement end": end });
  await page.getByLabel("Consortium", { exact: true }).check();
  await page.getByLabel("Variant", { exact: true }).selectOption({ label: "Gold" });
  await page.getByLabel("Contribution type", { exact: true }).selectOption({ label: "Financial" });
  await browser.fill({
    "Registration code": "TRIWIZARD-1",
    "Link to member agreement": "https://example.org/triwizard-agreement",
    "Workshops without admin fee per agreement": "2",
    "Public instructor training seats": "2",
    "Additional public instructor training seats": "0",
    "In-house instructor training seats": "3",
    "Additional in-house instructor training seats": "0",
    Comment: "Signed at the *Yule Ball*.",
  });
  await browser.click("button:has-text('Add membership')");
  const [created] = await db.select().from(membership).where(eq(membership.name, "Triwizard"));
  assert.ok(created, "the membership was saved");
  const path = `/fiscal/membership/${created.id}/`;
  assert.equal(new URL(page.url()).pathname, `${path}members/`, "a consortium lands on its members page");
  assert.match(await flashes(page), /Triwizard Gold membership .* \(consortium\) was created successfully/);
  assert.equal(created.consortium, true);
  assert.equal(created.agreementEnd, end);

  // 2. Members: the main organisation is listed; add two more, one of them on a row the
  //    "Add another" button adds, which keeps what was chosen in the rows above.
  assert.equal(await page.locator("#id_form-0-organization").inputValue(), String(hogwarts.id));
  await choose(page, "form-1-organization", "beauxbatons", "Beauxbatons Academy");
  await choose(page, "form-1-role", "coord", "Workshop Coordinator");
  await browser.click("button:has-text('Add another')");
  assert.equal(await page.locator("#id_form-1-organization").inputValue(), String(beauxbatons.id));
  assert.equal(await page.locator('input[name="form-TOTAL_FORMS"]').inputValue(), "3");
  await chooseByKeyboard(page, "form-2-organization", "durmstrang", "Durmstrang Institute");
  await chooseByKeyboard(page, "form-2-role", "main", "Main Organisation", "tab");
  await browser.click("button:has-text('Save')");
  assert.equal(new URL(page.url()).pathname, path);
  const members = await db
    .select({ organizationId: member.organizationId, role: memberRole.name })
    .from(member)
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.membershipId, created.id))
    .orderBy(asc(member.organizationId));
  assert.deepEqual(members, [
    { organizationId: hogwarts.id, role: "contract_signatory" },
    { organizationId: beauxbatons.id, role: "workshop_coordinator" },
    { organizationId: durmstrang.id, role: "main" },
  ]);

  // 3. A contact person with a role.
  await browser.click("a:has-text('Edit persons')");
  assert.equal(new URL(page.url()).pathname, `${path}tasks/`);
  await choose(page, "form-0-person", "McGonagall", "Minerva McGonagall");
  await choose(page, "form-0-role", "billing", "Billing Contact");
  await browser.click("button:has-text('Save')");
  assert.equal(new URL(page.url()).pathname, path);
  assert.deepEqual(
    await db
      .select({ personId: membershipTask.personId, roleId: membershipTask.roleId })
      .from(membershipTask)
      .where(eq(membershipTask.membershipId, created.id)),
    [{ personId: minerva.id, roleId: await membershipPersonRoleId(db, "billing_contact") }],
  );
  assert.match(
    (await page.locator("main").textContent()) ?? "",
    /Minerva McGonagall <[^>]+> \(role: Billing Contact\)/,
  );

  // 4. The workshop counts against the membership.
  await browser.visit(`/workshops/event/${workshop.slug}/edit/`);
  await choose(page, "membership", "Triwizard", "Triwizard");
  await browser.click("button:has-text('Save')");
  const [assigned] = await db.select().from(event).where(eq(event.id, workshop.id));
  assert.equal(assigned?.membershipId, created.id);

  // 5. A learner takes a training seat, from the training's own page.
  await browser.visit(`/workshops/event/${training.slug}/`);
  await choose(page, "task-person", "Potter", "Harry Potter");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Learner" });
  await choose(page, "task-seat_membership", "Triwizard", "Triwizard");
  await browser.click("button:has-text('Add task')");
  assert.match(await flashes(page), /starts \(.*\) before the agreement of membership "Triwizard/);
  const [seat] = await db
    .select()
    .from(task)
    .where(and(eq(task.eventId, training.id), eq(task.personId, harry.id)));
  assert.equal(seat?.seatMembershipId, created.id);
  assert.equal(seat?.seatPublic, true);

  // 6. The membership page counts both.
  await browser.visit(path);
  assert.equal(await figure(page, "workshops-allowed"), 2);
  assert.equal(await figure(page, "workshops-planned"), 1);
  assert.equal(await figure(page, "workshops-remaining"), 1);
  assert.equal(await figure(page, "public-seats-allowed"), 2);
  assert.equal(await figure(page, "public-seats-utilized"), 1);
  assert.equal(await figure(page, "public-seats-remaining"), 1);
  assert.equal(await figure(page, "inhouse-seats-remaining"), 3);
  const main = (await page.locator("main").textContent()) ?? "";
  assert.ok(main.includes(workshop.slug), "the workshop is listed");
  assert.ok(main.includes(training.slug), "the seat is listed");

  // 7. Roll it over: more seats than are left is refused, then a valid carry-over is saved.
  await browser.click("a:has-text('Create new & roll-over')");
  assert.equal(new URL(page.url()).pathname, `${path}roll-over/`);
  assert.equal(await page.getByLabel("Registration code", { exact: true }).inputValue(), "");
  const nextStart = addDays(end, 1);
  assert.equal(await page.getByLabel("Agreement start", { exact: true }).inputValue(), nextStart);
  assert.equal(
    await page.getByLabel("Agreement end", { exact: true }).inputValue(),
    addOneYearMinusOneDay(nextStart),
  );
  await browser.fill({
    "Link to member agreement": "https://example.org/triwizard-agreement-2",
    "Public instructor training seats rolled from previous": "2",
    "In-house instructor training seats rolled from previous": "2",
    Comment: "Renewed for another tournament.",
  });
  await browser.click("button:has-text('Create new membership and roll over')");
  assert.equal(new URL(page.url()).pathname, `${path}roll-over/`);
  assert.match(await flashes(page), /Please fix errors in the form below/);
  assert.equal(await db.$count(membership), 1, "nothing saved");
  await page.getByLabel("Public instructor training seats rolled from previous", { exact: true }).fill("1");
  await browser.fill({ "Registration code": "TRIWIZARD-2" });
  // Enter in a text field submits with the form's first button: the roll-over itself.
  await submitWithEnter(browser, "Registration code");

  const [old] = await db.select().from(membership).where(eq(membership.id, created.id));
  const successorId = old?.rolledToMembershipId;
  assert.ok(successorId, "the old membership links to its successor");
  assert.equal(new URL(page.url()).pathname, `/fiscal/membership/${successorId}/`);
  assert.match(await flashes(page), /has been rolled over to/);
  const banner = page.locator(".alert", { hasText: "Rolled over from" });
  assert.equal(await banner.locator("a").getAttribute("href"), path);
  assert.equal(old?.publicInstructorTrainingSeatsRolledOver, 1);
  assert.equal(old?.inhouseInstructorTrainingSeatsRolledOver, 2);
  const [successor] = await db.select().from(membership).where(eq(membership.id, successorId));
  assert.equal(successor?.consortium, true);
  assert.equal(successor?.registrationCode, "TRIWIZARD-2");
  assert.equal(successor?.agreementStart, nextStart);
  assert.equal(successor?.publicInstructorTrainingSeatsRolledFromPrevious, 1);
  assert.equal(successor?.inhouseInstructorTrainingSeatsRolledFromPrevious, 2);
  assert.equal(await figure(page, "public-seats-allowed"), 3);
  assert.equal(await figure(page, "inhouse-seats-allowed"), 5);
  const copied = await db
    .select({ organizationId: member.organizationId, role: memberRole.name })
    .from(member)
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.membershipId, successorId))
    .orderBy(asc(member.organizationId));
  assert.deepEqual(copied, members, "the members were copied with their roles");
  assert.deepEqual(
    await db
      .select({ personId: membershipTask.personId })
      .from(membershipTask)
      .where(eq(membershipTask.membershipId, successorId)),
    [{ personId: minerva.id }],
  );
  const comments = await db
    .select({ text: comment.comment })
    .from(comment)
    .where(eq(comment.objectPk, String(successorId)));
  assert.ok(comments.some((row) => row.text.includes("Renewed for another tournament.")));

  // The old membership now says where it went, and every page visited passed the audit.
  await browser.click(`a[href="${path}"]`);
  assert.ok(
    await page.locator(".alert", { hasText: "Rolled over to" }).isVisible(),
    "the old membership names its successor",
  );
  for (const visited of [
    "/fiscal/memberships/add/",
    `${path}members/`,
    `${path}tasks/`,
    `/workshops/event/${workshop.slug}/edit/`,
    `/workshops/event/${training.slug}/`,
    `${path}roll-over/`,
    `/fiscal/membership/${successorId}/`,
  ]) {
    assert.ok(browser.audited.includes(visited), `${visited} was audited`);
  }
});
