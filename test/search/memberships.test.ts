import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, PASSWORD } from "../helpers/factories.ts";
import {
  makeConsortium,
  makeMembership,
  makePartnership,
  makeTier,
} from "../helpers/membership-factories.ts";

// The global search's memberships, partnerships and consortiums sections; the last two only while
// the service offering is on.

const SEARCH = "/dashboard/admin/search/";

/** The links listed in a section of the results page. */
function sectionLinks(html: string, key: string): string[] {
  const section = new RegExp(`<section id="${key}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
  return [...section.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("with the service offering on", () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    const person = await makeAdmin(t.db);
    admin = await new Client(t.app).logIn(person.username, PASSWORD);
  });
  after(() => t.close());
  const search = (query: string) => admin.get(`${SEARCH}?${query}`);

  test("finds memberships by name and by registration code, latest agreement first, shown by their display string", async () => {
    const older = await makeMembership(t.db, {
      name: "Zzmember Old",
      variant: "gold",
      agreementStart: "2020-01-01",
      agreementEnd: "2020-12-31",
    });
    const newer = await makeMembership(t.db, {
      name: "Plain name",
      registrationCode: "ZZMEMBER-CODE",
      agreementStart: "2024-01-01",
      agreementEnd: "2024-12-31",
    });
    const response = await search("term=zzmember&no_redirect=on");
    assert.equal(response.statusCode, 200);
    assert.deepEqual(sectionLinks(response.body, "memberships"), [
      `/fiscal/membership/${newer.id}/`,
      `/fiscal/membership/${older.id}/`,
    ]);
    assert.match(response.body, /Memberships \(2\)/);
    assert.match(response.body, /Zzmember Old Gold membership Jan 01 - Dec 31, 2020/);
  });

  test("a membership that is the only match is opened directly", async () => {
    const only = await makeMembership(t.db, { registrationCode: "zzonlyone" });
    const response = await search("term=ZZONLYONE");
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/fiscal/membership/${only.id}/`);
  });

  test("finds partnerships by name, agreement link and registration code, by name", async () => {
    const tier = await makeTier(t.db, { name: "silver", credits: 32 });
    const byName = await makePartnership(t.db, { name: "Zzpartner B", tierId: tier.id });
    const byCode = await makePartnership(t.db, { name: "A partnership", registrationCode: "zzpartner-code" });
    const byLink = await makePartnership(t.db, {
      name: "C partnership",
      agreementLink: "https://example.org/zzpartner.pdf",
    });
    const response = await search("term=zzpartner&no_redirect=on");
    assert.deepEqual(sectionLinks(response.body, "partnerships"), [
      `/fiscal/partnerships/${byCode.id}/`,
      `/fiscal/partnerships/${byLink.id}/`,
      `/fiscal/partnerships/${byName.id}/`,
    ]);
    assert.match(response.body, /Zzpartner B Silver partnership Jan 01 - Dec 31, 2026/);
  });

  test("finds consortiums by name and description", async () => {
    const consortium = await makeConsortium(t.db, { name: "Zzconsortium of libraries" });
    const response = await search("term=zzconsortium&no_redirect=on");
    assert.deepEqual(sectionLinks(response.body, "consortiums"), [`/fiscal/consortiums/${consortium.id}/`]);
  });

  test("lists the sections in AMY's order", async () => {
    const response = await search("term=nothing-matches-this&no_redirect=on");
    const order = [...response.body.matchAll(/<section id="([a-z]+)"/g)].map((match) => match[1]);
    assert.deepEqual(order.slice(0, 5), [
      "organizations",
      "memberships",
      "partnerships",
      "consortiums",
      "events",
    ]);
  });
});

describe("with the service offering off", () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
    const person = await makeAdmin(t.db);
    admin = await new Client(t.app).logIn(person.username, PASSWORD);
  });
  after(() => t.close());

  test("has no partnerships or consortiums sections, and their matches do not count", async () => {
    await makePartnership(t.db, { name: "Zzhidden partnership" });
    await makeConsortium(t.db, { name: "Zzhidden consortium" });
    const membership = await makeMembership(t.db, { name: "Zzhidden membership" });
    const response = await admin.get(`${SEARCH}?term=zzhidden`);
    assert.equal(response.statusCode, 302, "the membership is the only match counted");
    assert.equal(response.headers.location, `/fiscal/membership/${membership.id}/`);
    const listed = await admin.get(`${SEARCH}?term=zzhidden&no_redirect=on`);
    assert.doesNotMatch(listed.body, /<section id="partnerships"|<section id="consortiums"/);
    assert.deepEqual(sectionLinks(listed.body, "memberships"), [`/fiscal/membership/${membership.id}/`]);
  });
});
