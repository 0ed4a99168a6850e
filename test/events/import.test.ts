import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { event } from "../../src/events/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, PASSWORD } from "../helpers/factories.ts";
import { html, huge, type LocalSite, redirect, startLocalSite, text, workshopPage } from "./import-server.ts";

const IMPORT = "/workshops/events/import/";

const COMPLETE = {
  slug: "2024-05-01-place",
  language: "en",
  startdate: "2024-05-01",
  enddate: "2024-05-02",
  country: "us",
  venue: "Main Hall",
  address: "1 Main St",
  latlng: "45.5,-122.6",
  eventbrite: "12345",
  instructor: "Ann One|Bob Two",
  helper: "Cy Three",
  contact: "team@example.org",
};

let site: LocalSite;
let t: TestApp;
let client: Client;

before(async () => {
  site = await startLocalSite({
    "/workshop/": html(workshopPage(COMPLETE)),
    "/fixme/": html(workshopPage({ ...COMPLETE, venue: "FIXME" })),
    "/hostile/": html(
      workshopPage({
        ...COMPLETE,
        venue: "&lt;script&gt;alert(1)&lt;/script&gt;",
        slug: "<img src=x onerror=alert(1)>",
      }),
    ),
    "/index.md": text(
      `---\nlayout: workshop\nslug: 2024-06-01-md\nstartdate: 2024-06-01\ncountry: "de"\ninstructor: [Ann, Bob]\n---\n# Hi\n`,
      "text/markdown",
    ),
    "/broken.md": text('---\nvenue: "unclosed\n---\n', "text/plain"),
    "/plain/": html("<html><head><title>My blog</title></head><body>Hello</body></html>"),
    "/missing/": html("gone", 404),
    "/to-private/": redirect("http://10.0.0.1/"),
    "/huge/": huge(3),
    "/json/": text("{}", "application/json"),
  });
  t = await startTestApp({
    AMY_IMPORT_ALLOWED_HOSTS: `${site.host},10.0.0.1`,
    AMY_IMPORT_ALLOW_LOOPBACK: "true",
  });
  const admin = await makeAdmin(t.db);
  client = await new Client(t.app).logIn(admin.username, PASSWORD);
});
after(async () => {
  await t.close();
  await site.close();
});

/** Posts the way the create page's script does: the CSRF token in the x-csrftoken header. */
async function importFrom(url: string | undefined) {
  const token = csrfTokenIn((await client.get("/account/login/")).body);
  const response = await client.request({
    method: "POST",
    url: IMPORT,
    payload: url === undefined ? "" : new URLSearchParams({ url }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-csrftoken": token },
  });
  assert.match(String(response.headers["content-type"]), /application\/json/);
  return { status: response.statusCode, body: response.json() };
}

describe("importing a workshop website", () => {
  test("fills the event fields from the page's meta tags", async () => {
    const { status, body } = await importFrom(`${site.origin}/workshop/`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      fields: {
        slug: "2024-05-01-place",
        start: "2024-05-01",
        end: "2024-05-02",
        country: "US",
        venue: "Main Hall",
        address: "1 Main St",
        latitude: "45.5",
        longitude: "-122.6",
        reg_key: "12345",
        url: `${site.origin}/workshop/`,
        contact: "team@example.org",
        comment: "INSTRUCTORS: Ann One, Bob Two\n\nHELPERS: Cy Three",
      },
      warnings: [],
    });
  });

  test("reads the YAML front matter of a markdown page that has no meta tags", async () => {
    const { status, body } = await importFrom(`${site.origin}/index.md`);
    assert.equal(status, 200);
    assert.equal(body.fields.slug, "2024-06-01-md");
    assert.equal(body.fields.country, "DE");
    assert.equal(body.fields.comment, "INSTRUCTORS: Ann, Bob\n\nHELPERS: ");
    assert.ok(body.warnings.includes("Missing required metadata venue."));
  });

  test("passes the validator's findings on as warnings", async () => {
    const { body } = await importFrom(`${site.origin}/fixme/`);
    assert.deepEqual(body.warnings, ['Placeholder value "FIXME" for required metadata venue.']);
  });

  test("returns markup found in meta tags as plain text", async () => {
    const { status, body } = await importFrom(`${site.origin}/hostile/`);
    assert.equal(status, 200);
    assert.equal(body.fields.venue, "<script>alert(1)</script>");
    assert.equal(body.fields.slug, "<img src=x onerror=alert(1)>");
  });
});

describe("refusing to import", () => {
  const cases: [string, string, number, RegExp][] = [
    ["a page that is not a workshop", "/plain/", 422, /does not look like a workshop website/],
    ["malformed YAML front matter", "/broken.md", 422, /does not look like a workshop website/],
    ["a page that does not exist", "/missing/", 502, /returned status code 404/],
    ["a redirect to a private address", "/to-private/", 400, /private or local network address/],
    ["a body larger than 2 MiB", "/huge/", 502, /larger than 2 MiB/],
    ["content that is not a web page", "/json/", 502, /not a web page or a text file/],
  ];
  for (const [what, path, status, message] of cases) {
    test(`answers ${status} with a message for ${what}`, async () => {
      const response = await importFrom(`${site.origin}${path}`);
      assert.equal(response.status, status);
      assert.match(response.body.error, message);
    });
  }

  test("answers 400 for a host off the allow-list", async () => {
    const response = await importFrom("https://example.org/workshop/");
    assert.equal(response.status, 400);
    assert.match(response.body.error, /only from these hosts/);
  });

  test("answers 400 for a GitHub address that names no repository", async () => {
    const response = await importFrom("https://github.com/someone");
    assert.deepEqual(response, {
      status: 400,
      body: { error: "URL must be a GitHub repository or GitHub Pages URL." },
    });
  });

  test("answers 400 when no address was given", async () => {
    for (const url of [undefined, "   "]) {
      const response = await importFrom(url);
      assert.equal(response.status, 400);
      assert.equal(response.body.error, "Enter the address of the workshop website.");
    }
  });

  test("refuses a request without the CSRF token", async () => {
    const response = await client.post(IMPORT, { url: `${site.origin}/workshop/` });
    assert.equal(response.statusCode, 403);
  });
});

describe("validating an event's website", () => {
  async function eventWithUrl(url: string | null) {
    const row = await makeEvent(t.db);
    await t.db.update(event).set({ url }).where(eq(event.id, row.id));
    return row.slug;
  }

  test("lists the errors and warnings of the event's website", async () => {
    const slug = await eventWithUrl(`${site.origin}/index.md`);
    const response = await client.get(`/workshops/event/${slug}/validate/`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Errors \(\d+\)/);
    assert.match(response.body, /Missing required metadata venue\./);
    assert.match(response.body, /Missing optional metadata Eventbrite event ID eventbrite\./);
  });

  test("shows markup from the website as text, never as markup", async () => {
    const slug = await eventWithUrl(`${site.origin}/hostile/`);
    const response = await client.get(`/workshops/event/${slug}/validate/`);
    assert.match(response.body, /Invalid value &quot;&lt;img src=x onerror=alert\(1\)(&gt;|>)&quot;/);
    assert.doesNotMatch(response.body, /<img src=x/);
  });

  test("says so when the website has no problems", async () => {
    const slug = await eventWithUrl(`${site.origin}/workshop/`);
    const response = await client.get(`/workshops/event/${slug}/validate/`);
    assert.match(response.body, /no errors and no warnings/);
  });

  test("explains why a website could not be read", async () => {
    const slug = await eventWithUrl(`${site.origin}/to-private/`);
    const response = await client.get(`/workshops/event/${slug}/validate/`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /private or local network address/);
  });

  test("says so when the event has no website", async () => {
    const slug = await eventWithUrl(null);
    const response = await client.get(`/workshops/event/${slug}/validate/`);
    assert.match(response.body, /no website URL/);
  });

  test("answers 404 for an unknown event", async () => {
    const response = await client.get("/workshops/event/no-such-event/validate/");
    assert.equal(response.statusCode, 404);
  });
});
