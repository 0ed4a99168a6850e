import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { version } from "../../../src/history/schema.ts";
import { account, consortium, consortiumOrganisation } from "../../../src/memberships/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeConsortium,
  makePartnership,
} from "../../helpers/membership-factories.ts";

const LIST = "/fiscal/consortiums/";
const CREATE = "/fiscal/consortiums/create/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** Posts a form with repeated fields (a multi-select), with the CSRF token of `pageUrl`. */
async function submitPairs(client: Client, pageUrl: string, pairs: [string, string][], actionUrl = pageUrl) {
  const page = await client.get(pageUrl);
  const body = new URLSearchParams([["csrfmiddlewaretoken", csrfTokenIn(page.body)], ...pairs]);
  return client.request({
    method: "POST",
    url: actionUrl,
    payload: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

async function organisationIds(consortiumId: number) {
  const rows = await t.db
    .select({ id: consortiumOrganisation.organizationId })
    .from(consortiumOrganisation)
    .where(eq(consortiumOrganisation.consortiumId, consortiumId));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

async function findByName(name: string) {
  const [row] = await t.db.select().from(consortium).where(eq(consortium.name, name));
  return row;
}

describe("creating a consortium", () => {
  test("saves it with its organisations, records a version and goes to its page", async () => {
    const alpha = await makeOrganization(t.db, { fullname: "Alpha Organization" });
    const beta = await makeOrganization(t.db, { fullname: "Beta Organization" });
    const client = await adminClient();
    const page = await client.get(CREATE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Create a new consortium/);
    const response = await submitPairs(client, CREATE, [
      ["name", "C1 create"],
      ["description", "D"],
      ["organisations", String(alpha.id)],
      ["organisations", String(beta.id)],
    ]);
    assert.equal(response.statusCode, 303);
    const row = await findByName("C1 create");
    assert.ok(row);
    assert.equal(response.headers.location, `/fiscal/consortiums/${row.id}/`);
    assert.deepEqual(
      await organisationIds(row.id),
      [alpha.id, beta.id].sort((a, b) => a - b),
    );
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(row.id)));
    const [serialized] = JSON.parse(versions.at(-1)?.serializedData ?? "[]");
    assert.equal(serialized.model, "fiscal.consortium");
    assert.equal((await t.db.select().from(account).where(eq(account.consortiumId, row.id))).length, 0);
    const details = await client.get(String(response.headers.location));
    assert.match(details.body, /was created successfully/);
    assert.match(details.body, /Alpha Organization/);
    assert.match(details.body, /Beta Organization/);
  });

  test("re-shows the form with an error on description when it is missing, and creates nothing", async () => {
    const before = await t.db.$count(consortium);
    const response = await submitPairs(await adminClient(), CREATE, [["name", "No description"]]);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_description_errors"/);
    assert.match(response.body, /Please fix errors in the form below/);
    assert.equal(await t.db.$count(consortium), before);
  });

  test("re-shows the form with an error on name when it is too long", async () => {
    const response = await submitPairs(await adminClient(), CREATE, [
      ["name", "x".repeat(101)],
      ["description", "D"],
    ]);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_name_errors"/);
  });

  test("refuses an organisation that does not exist", async () => {
    const response = await submitPairs(await adminClient(), CREATE, [
      ["name", "Ghost members"],
      ["description", "D"],
      ["organisations", "99999999"],
    ]);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_organisations_errors"/);
    assert.equal(await findByName("Ghost members"), undefined);
  });

  test("offers organisations through the autocomplete, not a list of all of them", async () => {
    await makeOrganization(t.db, { fullname: "Not Offered Org" });
    const page = await (await adminClient()).get(CREATE);
    assert.match(
      page.body,
      /name="organisations" multiple class="form-select" data-lookup="\/select_lookups\/organizations\/"/,
    );
    assert.doesNotMatch(page.body, /Not Offered Org/);
  });
});

describe("the consortiums list", () => {
  test("shows the newest first, with its organisations", async () => {
    const org = await makeOrganization(t.db, { fullname: "Listed Member Org" });
    await makeConsortium(t.db, { name: "Older consortium" });
    const newest = await makeConsortium(t.db, { name: "Newest consortium", organizationIds: [org.id] });
    const page = await (await adminClient()).get(LIST);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Consortiums/);
    const newestAt = page.body.indexOf(`href="/fiscal/consortiums/${newest.id}/"`);
    assert.ok(newestAt > 0);
    assert.ok(newestAt < page.body.indexOf("Older consortium"));
    assert.match(page.body, /Listed Member Org/);
  });

  test("filters by contained organisations: consortia containing any of them", async () => {
    const alpha = await makeOrganization(t.db);
    const beta = await makeOrganization(t.db);
    const other = await makeOrganization(t.db);
    const withAlpha = await makeConsortium(t.db, { name: "Filter with alpha", organizationIds: [alpha.id] });
    const withBeta = await makeConsortium(t.db, {
      name: "Filter with beta",
      organizationIds: [beta.id, other.id],
    });
    const withOther = await makeConsortium(t.db, { name: "Filter with other", organizationIds: [other.id] });
    const page = await (await adminClient()).get(
      `${LIST}?contains_organisations=${alpha.id}&contains_organisations=${beta.id}`,
    );
    assert.match(page.body, new RegExp(`href="/fiscal/consortiums/${withAlpha.id}/"`));
    assert.match(page.body, new RegExp(`href="/fiscal/consortiums/${withBeta.id}/"`));
    assert.doesNotMatch(page.body, new RegExp(`href="/fiscal/consortiums/${withOther.id}/"`));
    // The chosen organisations stay chosen in the autocomplete.
    assert.match(page.body, new RegExp(`<option value="${alpha.id}" selected>`));
  });

  test("ignores a malformed organisation id and says so", async () => {
    const page = await (await adminClient()).get(`${LIST}?contains_organisations=abc`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="id_contains_organisations_errors"/);
  });

  test("orders by name or description when asked", async () => {
    await makeConsortium(t.db, { name: "Order Zeta" });
    await makeConsortium(t.db, { name: "Order Alpha" });
    const page = await (await adminClient()).get(`${LIST}?order_by=name&items_per_page=all`);
    assert.ok(page.body.indexOf("Order Alpha") < page.body.indexOf("Order Zeta"));
    const reversed = await (await adminClient()).get(`${LIST}?order_by=-name&items_per_page=all`);
    assert.ok(reversed.body.indexOf("Order Zeta") < reversed.body.indexOf("Order Alpha"));
    const byDescription = await (await adminClient()).get(`${LIST}?order_by=description`);
    assert.equal(byDescription.statusCode, 200);
  });

  test("shows 25 per page", async () => {
    for (let i = 0; i < 26; i++) await makeConsortium(t.db);
    const total = await t.db.$count(consortium);
    const first = await (await adminClient()).get(LIST);
    assert.equal((first.body.match(/href="\/fiscal\/consortiums\/\d+\/"/g) ?? []).length, 25);
    const last = await (await adminClient()).get(`${LIST}?page=${Math.ceil(total / 25)}`);
    const onLast = total % 25 === 0 ? 25 : total % 25;
    assert.equal((last.body.match(/href="\/fiscal\/consortiums\/\d+\/"/g) ?? []).length, onLast);
  });
});

describe("editing a consortium", () => {
  test("changes its name, description and organisations and records a version", async () => {
    const keep = await makeOrganization(t.db);
    const drop = await makeOrganization(t.db);
    const add = await makeOrganization(t.db);
    const row = await makeConsortium(t.db, { name: "Before edit", organizationIds: [keep.id, drop.id] });
    const client = await adminClient();
    const form = await client.get(`/fiscal/consortiums/${row.id}/edit/`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Before edit"/);
    assert.match(form.body, new RegExp(`<option value="${drop.id}" selected>`));
    const response = await submitPairs(client, `/fiscal/consortiums/${row.id}/edit/`, [
      ["name", "After edit"],
      ["description", "New description"],
      ["organisations", String(keep.id)],
      ["organisations", String(add.id)],
    ]);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/consortiums/${row.id}/`);
    const saved = await findByName("After edit");
    assert.equal(saved?.description, "New description");
    assert.deepEqual(
      await organisationIds(row.id),
      [keep.id, add.id].sort((a, b) => a - b),
    );
    assert.equal(
      (
        await t.db
          .select()
          .from(version)
          .where(eq(version.objectId, String(row.id)))
      ).length >= 1,
      true,
    );
  });

  test("re-shows the form when the name is emptied", async () => {
    const row = await makeConsortium(t.db, { name: "Stays named" });
    const response = await submitPairs(await adminClient(), `/fiscal/consortiums/${row.id}/edit/`, [
      ["name", " "],
      ["description", "D"],
    ]);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_name_errors"/);
    assert.ok(await findByName("Stays named"));
  });
});

describe("deleting a consortium", () => {
  test("deletes it, its organisation links and its account, and goes to the list", async () => {
    const org = await makeOrganization(t.db);
    const row = await makeConsortium(t.db, { organizationIds: [org.id] });
    await makeAccount(t.db, { consortiumId: row.id });
    const client = await adminClient();
    const response = await submitPairs(
      client,
      `/fiscal/consortiums/${row.id}/`,
      [],
      `/fiscal/consortiums/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, LIST);
    assert.equal((await t.db.select().from(consortium).where(eq(consortium.id, row.id))).length, 0);
    assert.deepEqual(await organisationIds(row.id), []);
    assert.equal((await t.db.select().from(account).where(eq(account.consortiumId, row.id))).length, 0);
  });

  test("is blocked by a partnership with the consortium as partner: 409 and the partnership listed", async () => {
    const row = await makeConsortium(t.db, { name: "C1 blocked" });
    const partnership = await makePartnership(t.db, {
      partnerConsortiumId: row.id,
      name: "Blocking partnership",
    });
    const response = await submitPairs(
      await adminClient(),
      `/fiscal/consortiums/${row.id}/`,
      [],
      `/fiscal/consortiums/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Failed to delete/);
    assert.match(response.body, new RegExp(`href="/fiscal/partnerships/${partnership.id}/"`));
    assert.match(response.body, /Blocking partnership/);
    assert.ok(await findByName("C1 blocked"));
  });

  test("is blocked by a benefit its account bought, instead of failing in the database", async () => {
    const row = await makeConsortium(t.db, { name: "Account with benefit" });
    const owner = await makeAccount(t.db, { consortiumId: row.id });
    const benefit = await makeBenefit(t.db, { name: "Bought benefit" });
    const bought = await makeAccountBenefit(t.db, { accountId: owner.id, benefitId: benefit.id });
    const response = await submitPairs(
      await adminClient(),
      `/fiscal/consortiums/${row.id}/`,
      [],
      `/fiscal/consortiums/${row.id}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, new RegExp(`href="/offering/account-benefits/${bought.id}/"`));
    assert.ok(await findByName("Account with benefit"));
  });

  test("answers 405 to a GET", async () => {
    const row = await makeConsortium(t.db);
    const response = await (await adminClient()).get(`/fiscal/consortiums/${row.id}/delete/`);
    assert.equal(response.statusCode, 405);
  });
});

describe("consortium details", () => {
  test("shows name, description, organisations and the buttons the viewer may use", async () => {
    const org = await makeOrganization(t.db, { fullname: "Details Member Org" });
    const row = await makeConsortium(t.db, { name: "Detailed consortium", organizationIds: [org.id] });
    const page = await (await adminClient()).get(`/fiscal/consortiums/${row.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Detailed consortium/);
    assert.match(page.body, /A group of organisations/);
    assert.match(page.body, /Details Member Org/);
    assert.match(page.body, new RegExp(`href="/fiscal/consortiums/${row.id}/edit/"`));
    assert.match(page.body, new RegExp(`action="/fiscal/consortiums/${row.id}/delete/"`));
  });

  test("answers 404 for an unknown or malformed id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/fiscal/consortiums/99999999/")).statusCode, 404);
    assert.equal((await client.get("/fiscal/consortiums/abc/")).statusCode, 404);
    assert.equal((await client.get("/fiscal/consortiums/99999999999999/edit/")).statusCode, 404);
  });
});

describe("access to the consortium pages", () => {
  test("sends an anonymous visitor to log in", async () => {
    const response = await new Client(t.app).get(LIST);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/account/login/?next=${encodeURIComponent(LIST)}`);
  });

  test("refuses a logged-in person who is not an admin", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(LIST)).statusCode, 403);
  });

  test("lets a viewer see the list and details but not create, edit or delete", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const row = await makeConsortium(t.db, { name: "Viewed consortium" });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    const list = await client.get(LIST);
    assert.equal(list.statusCode, 200);
    assert.match(
      list.body,
      /<button type="button" class="btn btn-success" disabled title="You may not add consortiums">/,
    );
    const details = await client.get(`/fiscal/consortiums/${row.id}/`);
    assert.equal(details.statusCode, 200);
    assert.doesNotMatch(details.body, /\/edit\/"/);
    assert.equal((await client.get(CREATE)).statusCode, 403);
    assert.equal((await client.get(`/fiscal/consortiums/${row.id}/edit/`)).statusCode, 403);
    const deleted = await submitPairs(client, LIST, [], `/fiscal/consortiums/${row.id}/delete/`);
    assert.equal(deleted.statusCode, 403);
  });

  test("answers 404 on every consortium page while the service offering is switched off", async () => {
    const off = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
    try {
      const offAdmin = await makeAdmin(off.db);
      const row = await makeConsortium(off.db);
      const client = await new Client(off.app).logIn(offAdmin.username, PASSWORD);
      for (const path of [
        LIST,
        CREATE,
        `/fiscal/consortiums/${row.id}/`,
        `/fiscal/consortiums/${row.id}/edit/`,
      ]) {
        assert.equal((await client.get(path)).statusCode, 404, path);
      }
      const login = await client.get("/account/login/");
      const response = await client.post(`/fiscal/consortiums/${row.id}/delete/`, {
        csrfmiddlewaretoken: csrfTokenIn(login.body),
      });
      assert.equal(response.statusCode, 404);
    } finally {
      await off.close();
    }
  });
});
