import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { initialMergeValues } from "../../src/events/forms.ts";
import { event } from "../../src/events/schema.ts";
import { eventCategory } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeEventCategory,
  makeMembership,
} from "../helpers/membership-factories.ts";
import { administratorId, fieldErrorsOf, postForm, storedEvent, tagId } from "./form-helpers.ts";

// The event form's fields of the memberships area (spec 30 §3.15): membership, allocated benefit
// (service offering only) and event category, and where the event pages show them.

const ADD = "/workshops/events/add/";
const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";
const BOTH = "Choose either a membership or an allocated benefit, not both";

let t: TestApp;
let off: TestApp;
let sequence = 0;

interface Site {
  app: TestApp;
  admin: Awaited<ReturnType<typeof makeAdmin>>;
  valid: Record<string, string | string[]>;
}
let on: Site;
let flagOff: Site;

async function site(app: TestApp): Promise<Site> {
  const host = await makeOrganization(app.db);
  return {
    app,
    admin: await makeAdmin(app.db),
    valid: {
      host: String(host.id),
      sponsor: String(host.id),
      administrator: await administratorId(app.db),
      tags: [await tagId(app.db, "SWC")],
    },
  };
}

before(async () => {
  t = await startTestApp();
  off = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
  on = await site(t);
  flagOff = await site(off);
});
after(async () => {
  await t.close();
  await off.close();
});

const nextSlug = () => `2026-07-${String((++sequence % 28) + 1).padStart(2, "0")}-offering${sequence}`;
const login = (where: Site) => new Client(where.app.app).logIn(where.admin.username, PASSWORD);

async function create(where: Site, fields: Record<string, string | string[]>) {
  return postForm(await login(where), ADD, { ...where.valid, ...fields });
}

async function edit(where: Site, slug: string, fields: Record<string, string | string[]>) {
  return postForm(await login(where), `/workshops/event/${slug}/edit/`, { ...where.valid, slug, ...fields });
}

/** The warnings flashed on a page, as plain text. */
function warningsOn(html: string): string[] {
  return [...html.matchAll(/alert-warning[^>]*><strong>Warning:<\/strong> (.*?)<button/gs)].map((match) =>
    (match[1] ?? "").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&").trim(),
  );
}

async function eventBenefit(db: TestApp["db"], unitType: "seat" | "event" = "event") {
  const buyer = await makeAccount(db, { organizationId: (await makeOrganization(db)).id });
  const benefitRow = await makeBenefit(db, { name: `Workshop ${unitType} ${++sequence}`, unitType });
  return makeAccountBenefit(db, { accountId: buyer.id, benefitId: benefitRow.id });
}

describe("the event form's membership, benefit and category", () => {
  test("offers the membership and event-benefit lookups and only the active categories", async () => {
    const active = await makeEventCategory(t.db, { name: "Zzactive category" });
    const inactive = await makeEventCategory(t.db, { name: "Zzretired category", active: false });
    const page = await (await login(on)).get(ADD);
    assert.match(page.body, /name="membership"[^>]*data-lookup="\/select_lookups\/memberships\/"/);
    assert.match(
      page.body,
      /name="allocated_benefit"[^>]*data-lookup="\/select_lookups\/account-benefits-events\/"/,
    );
    assert.match(page.body, new RegExp(`<option value="${active.id}">Zzactive category</option>`));
    assert.doesNotMatch(page.body, new RegExp(inactive.id));
  });

  test("saves a membership and a category, and the event page shows them, the membership linked", async () => {
    const membershipRow = await makeMembership(t.db, {
      name: "Zzevent Membership",
      variant: "gold",
      agreementStart: "2026-01-01",
      agreementEnd: "2026-12-31",
    });
    const category = await makeEventCategory(t.db, { name: "Zzworkshop category" });
    const slug = nextSlug();
    const response = await create(on, {
      slug,
      membership: String(membershipRow.id),
      event_category: category.id,
    });
    assert.equal(response.statusCode, 303, fieldErrorsOf(response.body, "__all__"));
    const saved = await storedEvent(t.db, slug);
    assert.equal(saved?.membershipId, membershipRow.id);
    assert.equal(saved?.eventCategoryId, category.id);
    assert.equal(saved?.allocatedBenefitId, null);
    const page = await (await login(on)).get(`/workshops/event/${slug}/`);
    assert.match(
      page.body,
      new RegExp(
        `<a href="/fiscal/membership/${membershipRow.id}/">Zzevent Membership Gold membership Jan 01 - Dec 31, 2026</a>`,
      ),
    );
    assert.match(
      page.body,
      new RegExp(`<a href="/offering/event-categories/${category.id}/">Zzworkshop category</a>`),
    );
  });

  test("saves an event-type account benefit, shown on the event page and preselected on the edit form", async () => {
    const benefitRow = await eventBenefit(t.db);
    const slug = nextSlug();
    const response = await create(on, { slug, allocated_benefit: benefitRow.id.toUpperCase() });
    assert.equal(response.statusCode, 303);
    assert.equal((await storedEvent(t.db, slug))?.allocatedBenefitId, benefitRow.id);
    const client = await login(on);
    const details = await client.get(`/workshops/event/${slug}/`);
    assert.match(
      details.body,
      new RegExp(`<a href="/offering/account-benefits/${benefitRow.id}/">Account Benefit`),
    );
    const form = await client.get(`/workshops/event/${slug}/edit/`);
    assert.match(form.body, new RegExp(`<option value="${benefitRow.id}" selected>Account Benefit`));
  });

  test("refuses both a membership and a benefit, with the error on allocated_benefit, saving nothing", async () => {
    const slug = nextSlug();
    const response = await create(on, {
      slug,
      membership: String((await makeMembership(t.db)).id),
      allocated_benefit: (await eventBenefit(t.db)).id,
    });
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "allocated_benefit"), new RegExp(BOTH));
    assert.match(response.body, /Please fix errors in the form below/);
    assert.equal(await storedEvent(t.db, slug), undefined);
  });

  test("refuses a seat-type account benefit as an invalid choice", async () => {
    const slug = nextSlug();
    const response = await create(on, { slug, allocated_benefit: (await eventBenefit(t.db, "seat")).id });
    assert.equal(response.statusCode, 200);
    assert.ok(fieldErrorsOf(response.body, "allocated_benefit").includes(INVALID_CHOICE));
    assert.equal(await storedEvent(t.db, slug), undefined);
  });

  test("refuses a membership, benefit or category that does not exist, and a malformed id", async () => {
    const slug = nextSlug();
    const response = await create(on, {
      slug,
      membership: "999999",
      event_category: "00000000-0000-4000-8000-000000000000",
    });
    assert.equal(response.statusCode, 200);
    assert.ok(fieldErrorsOf(response.body, "membership").includes(INVALID_CHOICE));
    assert.ok(fieldErrorsOf(response.body, "event_category").includes(INVALID_CHOICE));
    const benefit = await create(on, { slug, allocated_benefit: "00000000-0000-4000-8000-000000000000" });
    assert.ok(fieldErrorsOf(benefit.body, "allocated_benefit").includes(INVALID_CHOICE));
    const malformed = await create(on, { slug, allocated_benefit: "not-a-uuid", membership: "x" });
    assert.equal(malformed.statusCode, 200);
    assert.match(fieldErrorsOf(malformed.body, "allocated_benefit"), /Choose from the list/);
    assert.match(fieldErrorsOf(malformed.body, "membership"), /Choose from the list/);
    assert.equal(await storedEvent(t.db, slug), undefined);
  });

  test("refuses an inactive category on a new event", async () => {
    const slug = nextSlug();
    const inactive = await makeEventCategory(t.db, { active: false });
    const response = await create(on, { slug, event_category: inactive.id });
    assert.ok(fieldErrorsOf(response.body, "event_category").includes(INVALID_CHOICE));
    assert.equal(await storedEvent(t.db, slug), undefined);
  });

  test("the edit form keeps offering the event's own category after it became inactive, but no other", async () => {
    const own = await makeEventCategory(t.db, { name: "Zzown retired" });
    const other = await makeEventCategory(t.db, { name: "Zzother retired", active: false });
    const stored = await makeEvent(t.db, { tags: ["SWC"] });
    await t.db.update(event).set({ eventCategoryId: own.id }).where(eq(event.id, stored.id));
    await t.db.update(eventCategory).set({ active: false }).where(eq(eventCategory.id, own.id));
    const page = await (await login(on)).get(`/workshops/event/${stored.slug}/edit/`);
    assert.match(page.body, new RegExp(`<option value="${own.id}" selected>Zzown retired</option>`));
    assert.doesNotMatch(page.body, new RegExp(other.id));
    const kept = await edit(on, stored.slug, { event_category: own.id });
    assert.equal(kept.statusCode, 303);
    const refused = await edit(on, stored.slug, { event_category: other.id });
    assert.ok(fieldErrorsOf(refused.body, "event_category").includes(INVALID_CHOICE));
  });

  test("the edit form shows the chosen membership as its display string", async () => {
    const membershipRow = await makeMembership(t.db, { name: "Zzshown", consortium: true });
    const stored = await makeEvent(t.db, { membershipId: membershipRow.id });
    const page = await (await login(on)).get(`/workshops/event/${stored.slug}/edit/`);
    assert.match(
      page.body,
      new RegExp(
        `<option value="${membershipRow.id}" selected>Zzshown Partner membership Jan 01 - Dec 31, 2026 \\(consortium\\)</option>`,
      ),
    );
  });
});

describe("without the service offering", () => {
  test("the form has no allocated-benefit field and a submitted one is ignored", async () => {
    const page = await (await login(flagOff)).get(ADD);
    assert.doesNotMatch(page.body, /name="allocated_benefit"/);
    assert.match(page.body, /name="membership"/);
    const slug = nextSlug();
    const membershipRow = await makeMembership(off.db);
    const response = await create(flagOff, {
      slug,
      membership: String(membershipRow.id),
      allocated_benefit: (await eventBenefit(off.db)).id,
    });
    assert.equal(response.statusCode, 303);
    const saved = await storedEvent(off.db, slug);
    assert.equal(saved?.membershipId, membershipRow.id);
    assert.equal(saved?.allocatedBenefitId, null);
  });

  test("an edit keeps the stored benefit while no membership is chosen", async () => {
    const benefitRow = await eventBenefit(off.db);
    const stored = await makeEvent(off.db, { allocatedBenefitId: benefitRow.id });
    const response = await edit(flagOff, stored.slug, {});
    assert.equal(response.statusCode, 303);
    assert.equal((await storedEvent(off.db, stored.slug))?.allocatedBenefitId, benefitRow.id);
  });

  test("an edit that sets a membership removes the stored benefit and says so", async () => {
    const benefitRow = await eventBenefit(off.db);
    const stored = await makeEvent(off.db, { allocatedBenefitId: benefitRow.id });
    const membershipRow = await makeMembership(off.db);
    const client = await login(flagOff);
    const response = await postForm(client, `/workshops/event/${stored.slug}/edit/`, {
      ...flagOff.valid,
      slug: stored.slug,
      membership: String(membershipRow.id),
    });
    assert.equal(response.statusCode, 303);
    const saved = await storedEvent(off.db, stored.slug);
    assert.equal(saved?.membershipId, membershipRow.id);
    assert.equal(saved?.allocatedBenefitId, null);
    const page = await client.get(String(response.headers.location));
    assert.deepEqual(warningsOn(page.body), [
      "The allocated benefit was removed: an event counting against a membership cannot also use a benefit.",
    ]);
  });

  test("the event page names the category without linking to the hidden offering pages", async () => {
    const category = await makeEventCategory(off.db, { name: "Zzunlinked" });
    const stored = await makeEvent(off.db);
    await off.db.update(event).set({ eventCategoryId: category.id }).where(eq(event.id, stored.id));
    const page = await (await login(flagOff)).get(`/workshops/event/${stored.slug}/`);
    assert.match(page.body, /<td>Zzunlinked<\/td>/);
    assert.doesNotMatch(page.body, /\/offering\/event-categories\//);
  });
});

describe("merging and deleting", () => {
  const MERGE = "/workshops/events/merge/";

  test("the merge page compares membership, benefit and category, and the merged event takes the chosen side", async () => {
    const membershipRow = await makeMembership(t.db, { name: "Zzmerge membership" });
    const category = await makeEventCategory(t.db, { name: "Zzmerge category" });
    const a = await makeEvent(t.db);
    const b = await makeEvent(t.db, { membershipId: membershipRow.id });
    await t.db.update(event).set({ eventCategoryId: category.id }).where(eq(event.id, b.id));
    const client = await login(on);
    const url = `${MERGE}?event_a=${a.id}&event_b=${b.id}`;
    const page = await client.get(url);
    assert.match(page.body, /Zzmerge membership Partner membership/);
    assert.match(page.body, /Zzmerge category/);
    assert.match(page.body, /name="allocated_benefit"/);
    const response = await postForm(client, url, {
      event_a: String(a.id),
      event_b: String(b.id),
      ...initialMergeValues(),
      membership: "obj_b",
      event_category: "obj_b",
    });
    assert.equal(response.statusCode, 303);
    const [merged] = await t.db.select().from(event).where(eq(event.id, a.id));
    assert.equal(merged?.membershipId, membershipRow.id);
    assert.equal(merged?.eventCategoryId, category.id);
  });

  test("a merge that would keep both a membership and a benefit is refused, merging nothing", async () => {
    const a = await makeEvent(t.db, { membershipId: (await makeMembership(t.db)).id });
    const b = await makeEvent(t.db, { allocatedBenefitId: (await eventBenefit(t.db)).id });
    const client = await login(on);
    const url = `${MERGE}?event_a=${a.id}&event_b=${b.id}`;
    const response = await postForm(client, url, {
      event_a: String(a.id),
      event_b: String(b.id),
      ...initialMergeValues(),
      allocated_benefit: "obj_b",
    });
    assert.equal(response.statusCode, 200);
    assert.match(
      fieldErrorsOf(response.body, "allocated_benefit"),
      /both a membership and an allocated benefit/,
    );
    assert.equal((await t.db.select().from(event).where(eq(event.id, b.id))).length, 1);
  });

  test("an event with a membership, a benefit and a category can be deleted, and so can a seat task", async () => {
    const category = await makeEventCategory(t.db);
    const withMembership = await makeEvent(t.db, {
      membershipId: (await makeMembership(t.db)).id,
      tags: ["TTT"],
    });
    const withBenefit = await makeEvent(t.db, { allocatedBenefitId: (await eventBenefit(t.db)).id });
    await t.db.update(event).set({ eventCategoryId: category.id }).where(eq(event.id, withBenefit.id));
    const seatTask = await makeTask(t.db, {
      eventId: withMembership.id,
      personId: (await makePerson(t.db)).id,
      role: "learner",
      seatMembershipId: withMembership.membershipId,
      allocatedBenefitId: null,
    });
    const client = await login(on);
    const taskPage = `/workshops/task/${seatTask.id}/`;
    const deletedTask = await client.submit(taskPage, {}, `${taskPage}delete/`);
    assert.equal(deletedTask.statusCode, 303);
    for (const row of [withMembership, withBenefit]) {
      const path = `/workshops/event/${row.slug}/`;
      const response = await client.submit(path, {}, `${path}delete/`);
      assert.equal(response.statusCode, 303, row.slug);
      assert.equal((await t.db.select().from(event).where(eq(event.id, row.id))).length, 0);
    }
  });
});
