import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { personDomain, personLanguage } from "../../src/people/schema.ts";
import { badge, knowledgeDomain, language, lesson, tag } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";

interface Answer {
  results: { id: number | string; text: string }[];
  more?: boolean;
}

let t: TestApp;
let admin: Client;
before(async () => {
  t = await startTestApp();
  const person = await makeAdmin(t.db);
  admin = await new Client(t.app).logIn(person.username, PASSWORD);
});
after(() => t.close());

async function lookup(client: Client, url: string): Promise<Answer> {
  const response = await client.get(url);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Answer;
}
const texts = (answer: Answer) => answer.results.map((result) => result.text);

describe("access", () => {
  test("an anonymous visitor gets 401 JSON, not a redirect, since scripts call lookups", async () => {
    const response = await new Client(t.app).get("/select_lookups/tags/");
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers["content-type"]), /json/);
  });

  test("a member who is not an admin gets 403 JSON", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    const response = await client.get("/select_lookups/persons/");
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, "forbidden");
  });

  test("an admin gets the results", async () => {
    const answer = await lookup(admin, "/select_lookups/tags/");
    assert.ok(answer.results.length > 0);
    assert.equal(typeof answer.more, "boolean");
  });

  test("languages and airports are open to anonymous visitors, as public forms use them", async () => {
    const anonymous = new Client(t.app);
    assert.ok((await lookup(anonymous, "/select_lookups/languages/?term=english")).results.length > 0);
    assert.ok((await lookup(anonymous, "/select_lookups/airports/?term=LHR")).results.length > 0);
  });
});

describe("tags, badges and lessons", () => {
  test("tags match the name case-insensitively, ordered by priority then name", async () => {
    await t.db.insert(tag).values([
      { name: "zz-Lookup-b", details: "x", priority: 1 },
      { name: "zz-lookup-a", details: "x", priority: 2 },
    ]);
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/tags/?term=ZZ-LOOKUP")), [
      "zz-Lookup-b",
      "zz-lookup-a",
    ]);
  });

  test("retired tags are no longer offered", async () => {
    await t.db.insert(tag).values({ name: "zz-retired", details: "x", retiredAt: new Date() });
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/tags/?term=zz-retired")), []);
  });

  test("badges match the machine name or the title and show the title", async () => {
    await t.db.insert(badge).values({ name: "zz-machine", title: "Quokka keeper", criteria: "x" });
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/badges/?term=zz-mach")), ["Quokka keeper"]);
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/badges/?term=quokka")), ["Quokka keeper"]);
  });

  test("lessons match the name, ordered by name, without retired ones", async () => {
    await t.db
      .insert(lesson)
      .values([{ name: "zz/b" }, { name: "zz/a" }, { name: "zz/old", retiredAt: new Date() }]);
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/lessons/?term=zz/")), ["zz/a", "zz/b"]);
  });
});

describe("languages and knowledge domains", () => {
  test("languages spoken by more persons come first", async () => {
    const [, quenya] = await t.db
      .insert(language)
      .values([
        { name: "Zzlang Klingon", subtag: "zzk" },
        { name: "Zzlang Quenya", subtag: "zzq" },
      ])
      .returning();
    const speaker = await makePerson(t.db);
    await t.db.insert(personLanguage).values({ personId: speaker.id, languageId: quenya?.id ?? 0 });
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/languages/?term=zzlang")), [
      "Zzlang Quenya",
      "Zzlang Klingon",
    ]);
  });

  test("languages match the subtag too", async () => {
    assert.ok(texts(await lookup(admin, "/select_lookups/languages/?term=zzk")).includes("Zzlang Klingon"));
  });

  test("with the subtag parameter only the exact subtag matches, whatever its case", async () => {
    const english = await lookup(admin, "/select_lookups/languages/?term=EN&subtag=");
    assert.deepEqual(texts(english), ["English"]);
  });

  test("knowledge domains match the name and the most used come first", async () => {
    const [first, second] = await t.db
      .insert(knowledgeDomain)
      .values([{ name: "Zzdomain one" }, { name: "Zzdomain two" }])
      .returning();
    const person = await makePerson(t.db);
    await t.db.insert(personDomain).values({ personId: person.id, knowledgedomainId: second?.id ?? 0 });
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/knowledge_domains/?term=zzdomain")), [
      "Zzdomain two",
      "Zzdomain one",
    ]);
    await t.db
      .update(knowledgeDomain)
      .set({ retiredAt: new Date() })
      .where(eq(knowledgeDomain.id, first?.id ?? 0));
    assert.deepEqual(texts(await lookup(admin, "/select_lookups/knowledge_domains/?term=zzdomain")), [
      "Zzdomain two",
    ]);
  });
});

describe("airports", () => {
  test("match code, name or country and use the IATA code as id", async () => {
    const answer = await lookup(new Client(t.app), "/select_lookups/airports/?term=heathrow");
    const heathrow = answer.results.find((result) => result.id === "LHR");
    assert.match(heathrow?.text ?? "", /^LHR: /);
  });

  test("are not paginated, so the answer has no more key", async () => {
    const answer = await lookup(new Client(t.app), "/select_lookups/airports/?term=a");
    assert.ok(answer.results.length > 25);
    assert.ok(!("more" in answer));
  });
});
