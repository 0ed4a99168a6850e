import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeComment,
  makeEvent,
  makeOrganization,
  makePerson,
  PASSWORD,
} from "../helpers/factories.ts";

let t: TestApp;
let admin: Client;
before(async () => {
  t = await startTestApp();
  const person = await makeAdmin(t.db, { personal: "Searcher", family: "Admin" });
  admin = await new Client(t.app).logIn(person.username, PASSWORD);
});
after(() => t.close());

const SEARCH = "/dashboard/admin/search/";
const search = (query: string) => admin.get(`${SEARCH}?${query}`);

/** The links listed in a section of the results page. */
function sectionLinks(html: string, key: string): string[] {
  const section = new RegExp(`<section id="${key}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
  return [...section.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("the form", () => {
  test("shows an empty form without a term", async () => {
    const response = await admin.get(SEARCH);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /name="term"/);
    assert.doesNotMatch(response.body, /No matches\./);
  });

  test("re-shows the form with an error on term when the term is empty", async () => {
    const response = await search("term=%20%20");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Fix errors below\./);
    assert.match(response.body, /id="id_term_errors"/);
  });

  test("re-shows the form with an error on term, and the term kept, when it is over 100 characters", async () => {
    const long = "x".repeat(101);
    const response = await search(`term=${long}`);
    assert.match(response.body, /id="id_term_errors"/);
    assert.match(response.body, new RegExp(`value="${long}"`));
  });

  test("does not accept POST, since searching changes nothing", async () => {
    const response = await admin.submit(SEARCH, { term: "x" });
    assert.equal(response.statusCode, 405);
  });

  test("is for admins only", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(`${SEARCH}?term=x`)).statusCode, 403);
  });
});

describe("results", () => {
  test("a single match sends the admin to its page with a message", async () => {
    const org = await makeOrganization(t.db, { domain: "zzsingle.example.org/path", fullname: "Only One" });
    const response = await search("term=ZZSINGLE");
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/fiscal/organization/${encodeURIComponent(org.domain)}/`);
    const next = await admin.get("/dashboard/admin/");
    assert.match(next.body, /because your search &quot;ZZSINGLE&quot; yields only this result/);
  });

  test("with no_redirect a single match is listed instead", async () => {
    const response = await search("term=zzsingle&no_redirect=on");
    assert.equal(response.statusCode, 200);
    assert.deepEqual(sectionLinks(response.body, "organizations"), [
      "/fiscal/organization/zzsingle.example.org%2Fpath/",
    ]);
    assert.match(response.body, /Organisations \(1\)/);
    assert.match(response.body, /<section id="persons"[\s\S]*?No matches\./);
  });

  test("lists organisations, events and persons matching on their fields, each in its section", async () => {
    const host = await makeOrganization(t.db, { domain: "zzmulti-host.example.org", fullname: "Host" });
    const event = await makeEvent(t.db, { slug: "2024-01-01-plain", hostId: host.id });
    const person = await makePerson(t.db, { personal: "Zzmulti", family: "Person" });
    const response = await search("term=zzmulti");
    assert.deepEqual(sectionLinks(response.body, "organizations"), [
      "/fiscal/organization/zzmulti-host.example.org/",
    ]);
    assert.deepEqual(sectionLinks(response.body, "events"), [`/workshops/event/${event.slug}/`]);
    assert.deepEqual(sectionLinks(response.body, "persons"), [`/workshops/person/${person.id}/`]);
  });

  test("events are found by venue and listed by slug, last first", async () => {
    for (const slug of ["2020-01-01-zzvenue", "2021-01-01-zzvenue"]) {
      const event = await makeEvent(t.db, { slug });
      await t.db.execute(`update workshops_event set venue = 'Zzhall' where id = ${event.id}`);
    }
    const response = await search("term=zzhall");
    assert.deepEqual(sectionLinks(response.body, "events"), [
      "/workshops/event/2021-01-01-zzvenue/",
      "/workshops/event/2020-01-01-zzvenue/",
    ]);
  });

  test("persons are found by personal and family name given as two words in either order", async () => {
    const person = await makePerson(t.db, { personal: "Zztwo", family: "Zzwords" });
    for (const term of ["zztw%20zzwor", "zzwor%20zztw"]) {
      const response = await search(`term=${term}&no_redirect=on`);
      assert.deepEqual(sectionLinks(response.body, "persons"), [`/workshops/person/${person.id}/`], term);
    }
  });

  test("a comment links to the commented record's page at the comment", async () => {
    const person = await makePerson(t.db, { personal: "Commented", family: "Upon" });
    const comment = await makeComment(t.db, {
      on: "workshops.person",
      objectPk: person.id,
      comment: "Prefers zzquokka emails",
    });
    const response = await search("term=zzquokka&no_redirect=on");
    assert.deepEqual(sectionLinks(response.body, "comments"), [
      `/workshops/person/${person.id}/#c${comment.id}`,
    ]);
    assert.match(response.body, /Commented Upon/);
  });

  test("a comment is found by its author's name and on events by the event's slug", async () => {
    const author = await makePerson(t.db, { personal: "Zzauthor", family: "Writer" });
    const event = await makeEvent(t.db, { slug: "2024-02-02-commented" });
    const comment = await makeComment(t.db, { on: "workshops.event", objectPk: event.id, userId: author.id });
    const response = await search("term=zzauthor&no_redirect=on");
    assert.deepEqual(sectionLinks(response.body, "comments"), [
      `/workshops/event/${event.slug}/#c${comment.id}`,
    ]);
  });

  test("a section with more matches than it shows says how many more there are", async () => {
    for (let n = 0; n < 101; n++) await makePerson(t.db, { personal: "Zzcrowd", family: `Member${n}` });
    const response = await search("term=zzcrowd");
    assert.equal(sectionLinks(response.body, "persons").length, 100);
    assert.match(response.body, /Persons \(101\)/);
    assert.match(response.body, /1 more not shown/);
  });
});
