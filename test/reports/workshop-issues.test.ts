import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { event } from "../../src/events/schema.ts";
import { contactEmails } from "../../src/reports/workshop-issues-rules.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";

const REPORT = "/reports/workshop_issues/";

describe("contact addresses of an event", () => {
  test("splits on semicolons, commas and spaces, and keeps only addresses", () => {
    assert.deepEqual(contactEmails("a@x.org;b@y.org, Name <c@z.org> nonsense"), [
      "a@x.org",
      "b@y.org",
      "c@z.org",
    ]);
  });

  test("encodes international domains and drops addresses without a dotted domain", () => {
    assert.deepEqual(contactEmails("ja@bücher.de x@localhost"), ["ja@xn--bcher-kva.de"]);
  });
});

describe("the report", () => {
  let t: TestApp;
  let client: Client;
  let html: string;
  let owner: Awaited<ReturnType<typeof makeAdmin>>;
  let instructor: Awaited<ReturnType<typeof makePerson>>;
  const slugs: Record<string, string> = {};

  /** A past event with nothing wrong, changed as told. */
  async function makeFine(name: string, changes: Partial<typeof event.$inferInsert> = {}, tags = ["SWC"]) {
    const slug = `${changes.start ?? "2020-03-01"}-${name}`;
    const row = await makeEvent(t.db, { slug, start: "2020-03-01", end: "2020-03-02", tags });
    await t.db
      .update(event)
      .set({
        country: "PL",
        venue: "Library",
        address: "1 Main Street",
        latitude: 52.2,
        longitude: 21.0,
        manualAttendance: 12,
        contact: "host@example.org",
        ...changes,
      })
      .where(eq(event.id, row.id));
    if (!name.includes("noinstr")) await makeTask(t.db, { personId: instructor.id, eventId: row.id });
    slugs[name] = slug;
    return row;
  }

  before(async () => {
    t = await startTestApp();
    owner = await makeAdmin(t.db, { personal: "Olga", family: "Owner" });
    instructor = await makePerson(t.db);
    await makeFine("fine");
    const learnersOnly = await makeFine("learners", { manualAttendance: 0, start: "2020-02-01" });
    await makeTask(t.db, { personId: owner.id, eventId: learnersOnly.id, role: "learner" });
    await makeFine("noattendance", { manualAttendance: 0, start: "2020-05-01", assignedToId: owner.id });
    await makeFine("nocountry", { country: null, start: "2020-04-01", contact: "" });
    await makeFine("badDates", { start: "2020-06-10", end: "2020-06-01" });
    await makeFine("noinstr", { start: "2020-01-01", contact: "a@x.org;b@y.org" });
    await makeFine("future", { start: "2099-01-01", end: "2099-01-02", manualAttendance: 0 });
    await makeFine("undated", { start: null, end: null, manualAttendance: 0 });
    await makeFine("completed", { completed: true, manualAttendance: 0 });
    await makeFine("cancelled", { manualAttendance: 0 }, ["SWC", "cancelled"]);
    client = await new Client(t.app).logIn(owner.username, PASSWORD);
    html = (await client.get(REPORT)).body;
  });
  after(() => t.close());

  const listed = (page: string) =>
    Object.entries(slugs)
      .filter(([, slug]) => page.includes(`>${slug}</a>`))
      .map(([name]) => name);

  test("lists past active events with an issue, newest first, and nothing else", () => {
    assert.deepEqual(listed(html).sort(), ["badDates", "noattendance", "nocountry", "noinstr"]);
    const order = ["badDates", "noattendance", "nocountry", "noinstr"].map((name) =>
      html.indexOf(`>${slugs[name]}</a>`),
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  });

  test("counts learner tasks as attendance", () => {
    assert.ok(!listed(html).includes("learners"));
  });

  test("writes to every contact address at once, and shows ✕ when there is none", () => {
    assert.match(html, /href="mailto:a@x.org,b@y.org\?subject=Who%20taught/);
    const row = html.slice(html.indexOf(`>${slugs.nocountry}</a>`));
    assert.match(row.slice(0, row.indexOf("</tr>")), /No contact for/);
  });

  test("filters by a chosen administrator, and ignores a choice of someone who cannot be assigned", async () => {
    assert.deepEqual(listed((await client.get(`${REPORT}?assigned_to=${owner.id}`)).body), ["noattendance"]);
    assert.equal(listed((await client.get(`${REPORT}?assigned_to=${instructor.id}`)).body).length, 4);
    assert.equal(listed((await client.get(`${REPORT}?assigned_to=`)).body).length, 4);
  });

  test("offers an assign form per row posting to the event's assign address", () => {
    const action = `action="/workshops/event/${slugs.noattendance}/assign/"`;
    assert.ok(html.includes(action));
    const form = html.slice(html.indexOf(action), html.indexOf("</form>", html.indexOf(action)));
    assert.match(form, /name="csrfmiddlewaretoken"/);
    assert.match(form, new RegExp(`name="person"[^>]*>.*<option value="${owner.id}" selected`, "s"));
  });

  test("says None when no workshop has issues", async () => {
    const other = await makeAdmin(t.db);
    const page = (await client.get(`${REPORT}?assigned_to=${other.id}`)).body;
    assert.match(page, /<p>None<\/p>/);
  });

  test("is for admins only", async () => {
    const member = await makePerson(t.db);
    const memberClient = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await memberClient.get(REPORT)).statusCode, 403);
    assert.equal((await new Client(t.app).get(REPORT)).statusCode, 302);
  });
});
