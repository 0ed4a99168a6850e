import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { event } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { organization, organizationAffiliation } from "../../src/organizations/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

describe("an organisation's page", () => {
  test("shows its name, domain, country, coordinates and a map link", async () => {
    const org = await makeOrganization(t.db, {
      domain: "details.example.org",
      fullname: "Details Lab",
      country: "NZ",
    });
    await t.db
      .update(organization)
      .set({ latitude: -41.3, longitude: 174.8 })
      .where(eq(organization.id, org.id));
    const page = await (await adminClient()).get("/fiscal/organization/details.example.org/");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Organization Details Lab &lt;details.example.org(&gt;|>)<\/title>/);
    assert.match(page.body, /New Zealand \(NZ\)/);
    assert.match(page.body, /-41.3, 174.8/);
    assert.match(page.body, /openstreetmap.org\/\?mlat=-41.3&amp;mlon=174.8/);
    assert.match(page.body, /No changes recorded yet./);
    assert.match(page.body, /<h2 id="comments" class="h4">Comments<\/h2>/);
  });

  test("is found by a domain with slashes, encoded in the address", async () => {
    const page = await (await adminClient()).get(
      "/fiscal/organization/carpentries.org%2Fcommunity-lessons%2F/",
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Collaborative Lesson Development Training/);
  });

  test("answers 404 for a domain no organisation has", async () => {
    const page = await (await adminClient()).get("/fiscal/organization/nobody.example.org/");
    assert.equal(page.statusCode, 404);
  });

  test("lists events hosted, sponsored or administered by it, marking which", async () => {
    const org = await makeOrganization(t.db);
    const hosted = await makeEvent(t.db, { hostId: org.id, tags: ["SWC"] });
    const sponsored = await makeEvent(t.db);
    await t.db.update(event).set({ sponsorId: org.id }).where(eq(event.id, sponsored.id));
    const administered = await makeEvent(t.db);
    await t.db.update(event).set({ administratorId: org.id }).where(eq(event.id, administered.id));
    await makeEvent(t.db);
    const page = await (await adminClient()).get(`/fiscal/organization/${org.domain}/`);
    const rows = page.body.split("<tr>").slice(2);
    assert.equal(rows.length, 3);
    const rowOf = (slug: string) => rows.find((row) => row.includes(`/workshops/event/${slug}/`)) ?? "";
    assert.match(rowOf(hosted.slug), /Hosted<\/span>/);
    assert.match(rowOf(hosted.slug), /badge text-bg-secondary me-1">SWC</);
    assert.match(rowOf(sponsored.slug), /Sponsored<\/span>/);
    assert.doesNotMatch(rowOf(administered.slug), /Hosted|Sponsored/);
  });

  test("shows when it was created and last changed, and by whom", async () => {
    const client = await adminClient();
    await client.submit("/fiscal/organizations/add/", {
      domain: "history.example.org",
      fullname: "History Lab",
    });
    await client.submit("/fiscal/organization/history.example.org/edit/", {
      domain: "history.example.org",
      fullname: "History Laboratory",
    });
    const page = await client.get("/fiscal/organization/history.example.org/");
    assert.match(page.body, /Created on <time[^>]*>[^<]+<\/time> by Minerva./);
    assert.match(page.body, /Last modified on <time[^>]*>[^<]+<\/time> by Minerva./);
  });

  test("shows Edit and Delete only to those who may use them", async () => {
    const org = await makeOrganization(t.db);
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const page = await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(
      `/fiscal/organization/${org.domain}/`,
    );
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /\/edit\/"/);
    assert.doesNotMatch(page.body, /\/delete\/"/);
    const adminPage = await (await adminClient()).get(`/fiscal/organization/${org.domain}/`);
    assert.match(adminPage.body, new RegExp(`href="/fiscal/organization/${org.domain}/edit/"`));
    assert.match(adminPage.body, new RegExp(`action="/fiscal/organization/${org.domain}/delete/"`));
  });
});

describe("editing an organisation", () => {
  test("saves the change, records it and goes to the page at its new domain", async () => {
    const org = await makeOrganization(t.db, { domain: "old.example.org", fullname: "Old Name" });
    const client = await adminClient();
    const form = await client.get("/fiscal/organization/old.example.org/edit/");
    assert.match(form.body, /value="Old Name"/);
    const response = await client.submit("/fiscal/organization/old.example.org/edit/", {
      domain: "http://new.example.org/",
      fullname: "New Name",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/fiscal/organization/new.example.org%2F/");
    const [row] = await t.db.select().from(organization).where(eq(organization.id, org.id));
    assert.equal(row?.fullname, "New Name");
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(org.id)));
    assert.deepEqual(
      versions.map((v) => v.objectRepr),
      ["New Name <new.example.org/>"],
    );
    const page = await client.get(String(response.headers.location));
    assert.match(page.body, /New Name &lt;new.example.org\/(&gt;|>) was updated successfully./);
  });

  test("keeps its own domain and name without calling them taken", async () => {
    const org = await makeOrganization(t.db);
    const response = await (await adminClient()).submit(`/fiscal/organization/${org.domain}/edit/`, {
      domain: org.domain,
      fullname: org.fullname,
      country: "FR",
    });
    assert.equal(response.statusCode, 303);
  });

  test("re-shows the form with an error on domain when another organisation has it", async () => {
    const org = await makeOrganization(t.db);
    const other = await makeOrganization(t.db);
    const response = await (await adminClient()).submit(`/fiscal/organization/${org.domain}/edit/`, {
      domain: other.domain,
      fullname: org.fullname,
    });
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_domain_errors"[^>]*><div>Another organisation already has this domain./,
    );
  });

  test("affiliates both ways, and un-affiliates both ways", async () => {
    const [a, b, c] = [
      await makeOrganization(t.db),
      await makeOrganization(t.db),
      await makeOrganization(t.db),
    ];
    const client = await adminClient();
    const page = await client.get(`/fiscal/organization/${a.domain}/edit/`);
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const body = new URLSearchParams([
      ["csrfmiddlewaretoken", token],
      ["domain", a.domain],
      ["fullname", a.fullname],
      ["affiliated_organizations", String(b.id)],
      ["affiliated_organizations", String(c.id)],
    ]);
    const response = await client.request({
      method: "POST",
      url: `/fiscal/organization/${a.domain}/edit/`,
      payload: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.statusCode, 303);
    const bPage = await client.get(`/fiscal/organization/${b.domain}/`);
    assert.match(bPage.body, new RegExp(`<a href="/fiscal/organization/${a.domain}/">${a.fullname}`));
    const aPage = await client.get(`/fiscal/organization/${a.domain}/`);
    assert.match(aPage.body, new RegExp(`<a href="/fiscal/organization/${c.domain}/">${c.fullname}`));

    await client.submit(`/fiscal/organization/${b.domain}/edit/`, { domain: b.domain, fullname: b.fullname });
    const links = await t.db.select().from(organizationAffiliation);
    const pairs = links.map((row) => [row.fromOrganizationId, row.toOrganizationId].join("→")).sort();
    assert.deepEqual(pairs, [`${a.id}→${c.id}`, `${c.id}→${a.id}`].sort());
  });
});

describe("deleting an organisation", () => {
  test("deletes one no event refers to and goes back to the list", async () => {
    const org = await makeOrganization(t.db);
    const client = await adminClient();
    const response = await client.submit(
      `/fiscal/organization/${org.domain}/`,
      {},
      `/fiscal/organization/${org.domain}/delete/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/fiscal/organizations/");
    assert.equal((await t.db.select().from(organization).where(eq(organization.id, org.id))).length, 0);
    const list = await client.get("/fiscal/organizations/");
    assert.match(
      list.body,
      new RegExp(`${org.fullname} &lt;${org.domain}(&gt;|>) was deleted successfully.`),
    );
  });

  test("refuses while an event is hosted by it, listing the event", async () => {
    const org = await makeOrganization(t.db);
    const hosted = await makeEvent(t.db, { hostId: org.id });
    const response = await (await adminClient()).submit(
      `/fiscal/organization/${org.domain}/`,
      {},
      `/fiscal/organization/${org.domain}/delete/`,
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /<title>AMY: Failed to delete<\/title>/);
    assert.match(response.body, new RegExp(`<a href="/workshops/event/${hosted.slug}/">${hosted.slug}</a>`));
    assert.equal((await t.db.select().from(organization).where(eq(organization.id, org.id))).length, 1);
  });

  test("answers GET with 405", async () => {
    const org = await makeOrganization(t.db);
    const response = await (await adminClient()).get(`/fiscal/organization/${org.domain}/delete/`);
    assert.equal(response.statusCode, 405);
  });
});
