import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { membership } from "../../src/memberships/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";
import { makeMembership } from "../helpers/membership-factories.ts";
import { membershipComments, versionsOf } from "./workflow-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const extendUrl = (id: number) => `/fiscal/membership/${id}/extend/`;

async function reload(id: number) {
  const [row] = await t.db.select().from(membership).where(eq(membership.id, id));
  return row;
}

const makeYear = () => makeMembership(t.db, { agreementStart: "2020-03-01", agreementEnd: "2021-03-01" });

describe("the extend page", () => {
  test("shows the agreement dates, the current end as the new end, and no extension yet", async () => {
    const row = await makeMembership(t.db, {
      name: "Longer",
      agreementStart: "2020-03-01",
      agreementEnd: "2021-03-01",
    });
    const page = await (await adminClient()).get(extendUrl(row.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Extend membership Longer Partner membership/);
    assert.match(page.body, /id="id_agreement_start"[^>]*value="2020-03-01"/);
    assert.match(page.body, /id="id_agreement_end"[^>]*value="2021-03-01"/);
    assert.match(page.body, /name="new_agreement_end"[^>]*value="2021-03-01"/);
    assert.match(page.body, /id="id_extension"[^>]*value="0"/);
  });

  test("answers 404 for a membership that does not exist (case 7)", async () => {
    assert.equal((await (await adminClient()).get(extendUrl(99999))).statusCode, 404);
  });
});

describe("extending", () => {
  test("moves the end date, records the days and files the user's comment under a dated note (case 57)", async () => {
    const row = await makeYear();
    const response = await (await adminClient()).submit(extendUrl(row.id), {
      new_agreement_end: "2021-03-31",
      comment: "Extension agreed by email.",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/membership/${row.id}/`);
    const saved = await reload(row.id);
    assert.equal(saved?.agreementEnd, "2021-03-31");
    assert.deepEqual(saved?.extensions, [30]);
    const comments = await membershipComments(t.db, row.id);
    assert.equal(comments.length, 1);
    const [first, blank, separator, blank2, ...rest] = comments[0]?.comment.split("\n") ?? [];
    assert.match(first ?? "", new RegExp(`extended by 30 days on ${todayIso()}.*2021-03-31`));
    assert.deepEqual(
      [blank, separator, blank2, rest.join("\n")],
      ["", "----", "", "Extension agreed by email."],
    );
    assert.equal(comments[0]?.userId, admin.id);
  });

  test("files the dated note even without a comment of the user's own", async () => {
    const row = await makeYear();
    await (await adminClient()).submit(extendUrl(row.id), { new_agreement_end: "2021-03-11", comment: "" });
    const comments = await membershipComments(t.db, row.id);
    assert.equal(comments.length, 1);
    assert.match(comments[0]?.comment ?? "", /extended by 10 days on .*\n\n----\n\n$/);
  });

  test("adds each extension to the list", async () => {
    const row = await makeYear();
    const client = await adminClient();
    await client.submit(extendUrl(row.id), { new_agreement_end: "2021-03-31" });
    await client.submit(extendUrl(row.id), { new_agreement_end: "2021-04-10" });
    const saved = await reload(row.id);
    assert.equal(saved?.agreementEnd, "2021-04-10");
    assert.deepEqual(saved?.extensions, [30, 10]);
  });

  test("ignores posted values of the read-only start, end and extension", async () => {
    const row = await makeYear();
    const response = await (await adminClient()).submit(extendUrl(row.id), {
      agreement_start: "2000-01-01",
      agreement_end: "2000-12-31",
      extension: "999",
      new_agreement_end: "2021-03-31",
    });
    assert.equal(response.statusCode, 303);
    const saved = await reload(row.id);
    assert.equal(saved?.agreementStart, "2020-03-01");
    assert.deepEqual(saved?.extensions, [30]);
  });

  test("records the extended membership in its history", async () => {
    const row = await makeYear();
    await (await adminClient()).submit(extendUrl(row.id), { new_agreement_end: "2021-03-31" });
    const versions = await versionsOf(t.db, "workshops.membership", row.id);
    assert.equal(versions.length, 1);
    const [serialized] = JSON.parse(versions[0]?.serializedData ?? "[]");
    assert.equal(serialized.fields.agreement_end, "2021-03-31");
  });
});

describe("extend errors", () => {
  for (const [label, value] of [
    ["the current end date", "2021-03-01"],
    ["an earlier date", "2021-02-01"],
  ] as const) {
    test(`refuses ${label} as the new end and changes nothing`, async () => {
      const row = await makeYear();
      const response = await (await adminClient()).submit(extendUrl(row.id), { new_agreement_end: value });
      assert.equal(response.statusCode, 200);
      assert.match(
        response.body,
        /id="id_new_agreement_end_errors"[^>]*><div>The new end date must be later/,
      );
      assert.match(response.body, /Please fix errors in the form below\./);
      const saved = await reload(row.id);
      assert.equal(saved?.agreementEnd, "2021-03-01");
      assert.deepEqual(saved?.extensions, []);
      assert.deepEqual(await membershipComments(t.db, row.id), []);
    });
  }

  test("gives a field error, not a server error, for a missing or invalid date", async () => {
    const row = await makeYear();
    const client = await adminClient();
    const posts: Record<string, string>[] = [
      {},
      { new_agreement_end: "" },
      { new_agreement_end: "2021-02-30" },
      { new_agreement_end: "soon" },
    ];
    for (const fields of posts) {
      const response = await client.submit(extendUrl(row.id), fields);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /id="id_new_agreement_end_errors"/);
    }
    assert.equal((await reload(row.id))?.agreementEnd, "2021-03-01");
  });
});

describe("access", () => {
  test("refuses an admin who may not change memberships", async () => {
    const row = await makeYear();
    const person = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get(extendUrl(row.id))).statusCode, 403);
    const response = await client.submit(
      "/fiscal/memberships/",
      { new_agreement_end: "2021-03-31" },
      extendUrl(row.id),
    );
    assert.equal(response.statusCode, 403);
    assert.equal((await reload(row.id))?.agreementEnd, "2021-03-01");
  });

  test("sends an anonymous visitor to log in", async () => {
    const row = await makeYear();
    const response = await new Client(t.app).get(extendUrl(row.id));
    assert.equal(response.statusCode, 302);
  });
});
