import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { version } from "../../../src/history/schema.ts";
import { benefit } from "../../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../../helpers/factories.ts";
import { makeAccount, makeAccountBenefit, makeBenefit } from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const LIST = "/offering/benefits/";
const CREATE = "/offering/benefits/create/";
const valid = {
  name: "Skillup",
  description: "A skill-up session",
  unit_type: "seat",
  credits: "3",
  active: "on",
};

async function benefitNamed(name: string) {
  const [row] = await t.db.select().from(benefit).where(eq(benefit.name, name));
  return row;
}

function listedNames(html: string, prefix: string): string[] {
  return [...html.matchAll(/<a href="\/offering\/benefits\/[0-9a-f-]+\/">([^<]+)<\/a>/g)]
    .map((match) => match[1] ?? "")
    .filter((name) => name.startsWith(prefix));
}

describe("the benefits list", () => {
  test("lists benefits newest first with unit type and credits", async () => {
    await makeBenefit(t.db, { name: "newest-1", unitType: "event", credits: 7 });
    await makeBenefit(t.db, { name: "newest-2" });
    const page = await (await adminClient()).get(`${LIST}?items_per_page=all`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Benefits<\/title>/);
    assert.deepEqual(listedNames(page.body, "newest-"), ["newest-2", "newest-1"]);
    assert.match(
      page.body,
      />newest-1<\/a><\/td><td>A benefit for tests<\/td><td>Event<\/td><td>7<\/td><td>Yes<\/td>/,
    );
    assert.match(page.body, /Instructor Training/);
    assert.match(page.body, /href="\/offering\/benefits\/create\/">New benefit</);
  });

  test("filters on unit type and active, and orders by name", async () => {
    await makeBenefit(t.db, { name: "unit-seat", unitType: "seat" });
    await makeBenefit(t.db, { name: "unit-event", unitType: "event" });
    const inactive = await makeBenefit(t.db, { name: "unit-gone", unitType: "event" });
    await t.db.update(benefit).set({ active: false }).where(eq(benefit.id, inactive.id));
    const client = await adminClient();
    const events = await client.get(`${LIST}?unit_type=event&order_by=name&items_per_page=all`);
    assert.deepEqual(listedNames(events.body, "unit-"), ["unit-event", "unit-gone"]);
    const activeEvents = await client.get(`${LIST}?unit_type=event&active=True&items_per_page=all`);
    assert.deepEqual(listedNames(activeEvents.body, "unit-"), ["unit-event"]);
    const bad = await client.get(`${LIST}?unit_type=bogus&order_by=last_modified_at`);
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /id="id_unit_type_errors"/);
    assert.doesNotMatch(bad.body, /id="id_order_by_errors"/);
  });
});

describe("creating a benefit", () => {
  test("saves it with a version and goes to its page", async () => {
    const client = await adminClient();
    const form = await client.get(CREATE);
    assert.match(form.body, /<title>AMY: Create a new benefit<\/title>/);
    const response = await client.submit(CREATE, {
      ...valid,
      name: "Created benefit",
      unit_type: "event",
      credits: "4",
    });
    assert.equal(response.statusCode, 303);
    const row = await benefitNamed("Created benefit");
    assert.ok(row);
    assert.equal(row.unitType, "event");
    assert.equal(row.credits, 4);
    assert.equal(response.headers.location, `/offering/benefits/${row.id}/`);
    assert.equal((await t.db.select().from(version).where(eq(version.objectId, row.id))).length, 1);
    const page = await client.get(String(response.headers.location));
    assert.match(page.body, /Benefit &quot;Created benefit&quot; \(event, 4 credits\)/);
  });

  test("re-shows the form with an error on description when it is missing", async () => {
    const response = await (await adminClient()).submit(CREATE, {
      ...valid,
      name: "No desc",
      description: "",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_description_errors"/);
    assert.equal(await benefitNamed("No desc"), undefined);
  });

  test("refuses negative credits", async () => {
    const response = await (await adminClient()).submit(CREATE, {
      ...valid,
      name: "Negative",
      credits: "-1",
    });
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_credits_errors"[^>]*><div>Ensure this value is greater than or equal to 0./,
    );
    assert.equal(await benefitNamed("Negative"), undefined);
  });

  test("refuses credits that are not a whole number, and an unknown unit type", async () => {
    const response = await (await adminClient()).submit(CREATE, {
      ...valid,
      name: "Bad",
      credits: "1.5",
      unit_type: "hour",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_credits_errors"[^>]*><div>Enter a whole number./);
    assert.match(response.body, /id="id_unit_type_errors"/);
  });

  test("is refused to a viewer without the add permission", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(CREATE)).statusCode, 403);
    assert.equal((await client.get(LIST)).statusCode, 200);
  });
});

describe("a benefit's page and edit form", () => {
  test("answer 404 for a malformed or unknown id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/offering/benefits/123/")).statusCode, 404);
    assert.equal(
      (await client.get("/offering/benefits/00000000-0000-0000-0000-000000000001/edit/")).statusCode,
      404,
    );
  });

  test("edit saves the change and unticks active", async () => {
    const row = await makeBenefit(t.db, { name: "Edit me" });
    const client = await adminClient();
    const form = await client.get(`/offering/benefits/${row.id}/edit/`);
    assert.match(form.body, /value="Edit me"/);
    const response = await client.submit(`/offering/benefits/${row.id}/edit/`, {
      name: "Edited",
      description: "Changed",
      unit_type: "event",
      credits: "0",
    });
    assert.equal(response.statusCode, 303);
    const saved = await benefitNamed("Edited");
    assert.equal(saved?.active, false);
    assert.equal(saved?.credits, 0);
  });
});

describe("deleting a benefit", () => {
  test("deletes an unused one", async () => {
    const row = await makeBenefit(t.db);
    const response = await (await adminClient()).submit(
      `/offering/benefits/${row.id}/`,
      {},
      `/offering/benefits/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal(await benefitNamed(row.name), undefined);
  });

  test("refuses with 409 while an account benefit holds it", async () => {
    const row = await makeBenefit(t.db);
    const org = await makeOrganization(t.db);
    const acc = await makeAccount(t.db, { organizationId: org.id });
    const held = await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: row.id });
    const response = await (await adminClient()).submit(
      `/offering/benefits/${row.id}/`,
      {},
      `/offering/benefits/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, new RegExp(`/offering/account-benefits/${held.id}/`));
    assert.ok(await benefitNamed(row.name));
  });
});
