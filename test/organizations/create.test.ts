import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { version } from "../../src/history/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";

const ADD = "/fiscal/organizations/add/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
let counter = 0;
function validFields(overrides: Record<string, string> = {}) {
  counter++;
  return { domain: `new${counter}.example.org`, fullname: `New Organisation ${counter}`, ...overrides };
}

async function findByFullname(fullname: string) {
  const [row] = await t.db.select().from(organization).where(eq(organization.fullname, fullname));
  return row;
}

describe("creating an organisation", () => {
  test("saves it with the domain normalised and goes to its page with a message", async () => {
    const client = await adminClient();
    const fields = validFields({
      domain: "https://lab.example.org/path;params?query#fragment",
      country: "NZ",
      latitude: "-41.29",
      longitude: "174.78",
    });
    const response = await client.submit(ADD, fields);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/fiscal/organization/lab.example.org%2Fpath%3Fquery/");
    const row = await findByFullname(fields.fullname);
    assert.equal(row?.domain, "lab.example.org/path?query");
    assert.equal(row?.country, "NZ");
    assert.equal(row?.latitude, -41.29);
    assert.equal(row?.longitude, 174.78);
    const page = await client.get(String(response.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      new RegExp(`${fields.fullname} &lt;lab.example.org/path\\?query(&gt;|>) was created successfully.`),
    );
  });

  test("records the new organisation in its history, by the admin who added it", async () => {
    const fields = validFields();
    await (await adminClient()).submit(ADD, fields);
    const row = await findByFullname(fields.fullname);
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(row?.id)));
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.objectRepr, `${fields.fullname} <${fields.domain}>`);
    const [serialized] = JSON.parse(versions[0]?.serializedData ?? "[]");
    assert.equal(serialized.model, "workshops.organization");
    assert.deepEqual(serialized.fields.affiliated_organizations, []);
  });

  test("files the optional comment as an automatic comment on the new organisation", async () => {
    const fields = validFields({ comment: "Met them at a *conference*." });
    const response = await (await adminClient()).submit(ADD, fields);
    const row = await findByFullname(fields.fullname);
    const comments = await t.db
      .select()
      .from(comment)
      .where(eq(comment.objectPk, String(row?.id)));
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.userName, "Automatic comment");
    assert.equal(comments[0]?.userId, null);
    assert.equal(comments[0]?.siteId, 2);
    const page = await (await adminClient()).get(String(response.headers.location));
    assert.match(page.body, /<strong>Automatic comment<\/strong> commented on/);
    assert.match(page.body, /<p>Met them at a <em>conference<\/em>.<\/p>/);
  });

  test("files no comment when none is given", async () => {
    const fields = validFields({ comment: "  " });
    await (await adminClient()).submit(ADD, fields);
    const row = await findByFullname(fields.fullname);
    assert.equal(
      (
        await t.db
          .select()
          .from(comment)
          .where(eq(comment.objectPk, String(row?.id)))
      ).length,
      0,
    );
  });

  test("fills the form from the query string", async () => {
    const page = await (await adminClient()).get(
      `${ADD}?domain=pre.example.org&fullname=Prefilled&comment=From+a+request`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="domain" type="text" class="form-control" value="pre.example.org"/);
    assert.match(page.body, /name="fullname" type="text" class="form-control" value="Prefilled"/);
    assert.match(page.body, />From a request<\/textarea>/);
  });
});

describe("creating an organisation with bad input", () => {
  async function rejected(fields: Record<string, string>, field: string, message: RegExp) {
    const before = await t.db.$count(organization);
    const response = await (await adminClient()).submit(ADD, fields);
    assert.equal(response.statusCode, 200);
    assert.equal(await t.db.$count(organization), before, "nothing is saved");
    assert.match(response.body, /Please fix errors in the form below./);
    const errors = new RegExp(`id="id_${field}_errors"[^>]*><div>([^<]*)</div>`).exec(response.body);
    assert.match(errors?.[1] ?? "(no error on the field)", message);
    return response;
  }

  test("re-shows the form with an error on domain when the domain is missing", async () => {
    await rejected(validFields({ domain: "" }), "domain", /Enter the organisation's domain/);
  });

  test("re-shows the form with an error on domain when the domain is not a web address", async () => {
    const response = await rejected(
      validFields({ domain: "not a domain" }),
      "domain",
      /Enter a domain or a web address/,
    );
    assert.match(response.body, /value="not a domain"/);
  });

  test("re-shows the form with an error on domain when the domain is too long", async () => {
    await rejected(
      validFields({ domain: `${"a".repeat(50)}.${"b".repeat(50)}.org` }),
      "domain",
      /at most 100 characters/,
    );
  });

  test("re-shows the form with an error on domain when another organisation has it", async () => {
    const existing = await makeOrganization(t.db);
    await rejected(validFields({ domain: `http://${existing.domain}` }), "domain", /already has this domain/);
  });

  test("re-shows the form with an error on fullname when it is missing", async () => {
    const fields = validFields({ fullname: " " });
    await rejected(fields, "fullname", /Enter the organisation's full name/);
  });

  test("re-shows the form with an error on fullname when it is longer than 100 characters", async () => {
    await rejected(validFields({ fullname: "F".repeat(101) }), "fullname", /at most 100 characters/);
  });

  test("re-shows the form with an error on fullname when another organisation has it", async () => {
    const existing = await makeOrganization(t.db);
    const fields = validFields({ fullname: existing.fullname });
    await rejected(fields, "fullname", /already has this full name/);
  });

  test("re-shows the form with an error on country when it is not a country code", async () => {
    await rejected(validFields({ country: "XX" }), "country", /Choose a country/);
  });

  test("re-shows the form with an error on latitude when it is not a number", async () => {
    await rejected(validFields({ latitude: "north" }), "latitude", /between -90 and 90/);
  });

  test("re-shows the form with an error on longitude when it is out of range", async () => {
    await rejected(validFields({ longitude: "181" }), "longitude", /between -180 and 180/);
  });

  test("re-shows the form with an error on affiliated organisations when one does not exist", async () => {
    await rejected(
      validFields({ affiliated_organizations: "999999" }),
      "affiliated_organizations",
      /no longer exist/,
    );
  });

  test("re-shows the form with an error on affiliated organisations when an id is not a number", async () => {
    await rejected(
      validFields({ affiliated_organizations: "abc" }),
      "affiliated_organizations",
      /Choose organisations/,
    );
  });

  test("re-shows the form with an error on comment when it is longer than 3000 characters", async () => {
    await rejected(validFields({ comment: "c".repeat(3001) }), "comment", /at most 3000 characters/);
  });
});

describe("who may create", () => {
  test("an admin without add_organization gets 403", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
  });
});
