import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  await makeOrganization(t.db, { domain: "beta.ca", fullname: "Zeta University", country: "CA" });
  await makeOrganization(t.db, { domain: "alpha.ca", fullname: "Omega College", country: "CA" });
  await makeOrganization(t.db, { domain: "gamma.nz", fullname: "Gamma Institute", country: "NZ" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const namesIn = (html: string) =>
  [...html.matchAll(/<td><a href="\/fiscal\/organization\/[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);

describe("the organisations list", () => {
  test("lists organisations by domain, linking each to its page and its web site", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/?country=CA");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: All Organizations<\/title>/);
    assert.deepEqual(namesIn(page.body), ["Omega College", "Zeta University"]);
    assert.match(
      page.body,
      /<a href="http:\/\/alpha.ca" rel="noopener noreferrer" target="_blank">alpha.ca<\/a>/,
    );
    assert.match(page.body, /href="\/fiscal\/organization\/alpha.ca\/edit\/"/);
  });

  test("filters by country, offering only the countries organisations are in", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/?country=NZ");
    assert.deepEqual(namesIn(page.body), ["Gamma Institute"]);
    assert.match(page.body, /<option value="NZ" selected>New Zealand<\/option>/);
    assert.match(page.body, /<option value="W3">Online<\/option>/);
    assert.doesNotMatch(page.body, /<option value="FR"/);
  });

  test("orders by full name, descending with a minus", async () => {
    const client = await adminClient();
    const ascending = await client.get("/fiscal/organizations/?country=CA&order_by=fullname");
    assert.deepEqual(namesIn(ascending.body), ["Omega College", "Zeta University"]);
    const descending = await client.get("/fiscal/organizations/?country=CA&order_by=-domain");
    assert.deepEqual(namesIn(descending.body), ["Zeta University", "Omega College"]);
  });

  test("ignores a filter value that is not a choice, and says so beside the field", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/?country=XX&order_by=country");
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/This is not one of the choices/g)?.length, 2);
    assert.ok(namesIn(page.body).length >= 3);
  });

  test("pages through the list, keeping the filter", async () => {
    const page = await (await adminClient()).get("/fiscal/organizations/?country=CA&page=1&items_per_page=1");
    assert.equal(namesIn(page.body).length, 1);
    assert.match(page.body, /Page 1 of 2/);
  });

  test("offers New organization only to those who may add one", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const page = await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(
      "/fiscal/organizations/",
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<button type="button" class="btn btn-success" disabled[^>]*>New organization/);
    const adminPage = await (await adminClient()).get("/fiscal/organizations/");
    assert.match(
      adminPage.body,
      /<a class="btn btn-success" href="\/fiscal\/organizations\/add\/">New organization/,
    );
  });

  test("is closed to people who are not admins", async () => {
    const member = await makePerson(t.db);
    const page = await (await new Client(t.app).logIn(member.username, PASSWORD)).get(
      "/fiscal/organizations/",
    );
    assert.equal(page.statusCode, 403);
  });
});
