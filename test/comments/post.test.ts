import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "McGonagall" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const commentsOn = (id: number) =>
  t.db
    .select()
    .from(comment)
    .where(eq(comment.objectPk, String(id)));

async function postOn(client: Client, org: { id: number; domain: string }, fields: Record<string, string>) {
  return client.submit(
    `/fiscal/organization/${org.domain}/`,
    {
      content_type: "workshops.organization",
      object_pk: String(org.id),
      next: `/fiscal/organization/${org.domain}/#comments`,
      ...fields,
    },
    "/comments/post/",
  );
}

describe("posting a comment", () => {
  test("saves it under the author's name and returns to the thread with ?c=<id>", async () => {
    const org = await makeOrganization(t.db);
    const client = await adminClient();
    const form = await client.get(`/fiscal/organization/${org.domain}/`);
    assert.match(form.body, /<form method="post" action="\/comments\/post\/"/);
    assert.match(form.body, new RegExp(`name="next" value="/fiscal/organization/${org.domain}/#comments"`));
    const response = await postOn(client, org, { comment: "Signed the agreement.\nSee the _file_." });
    const [saved] = await commentsOn(org.id);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/organization/${org.domain}/?c=${saved?.id}#comments`);
    assert.equal(saved?.userId, admin.id);
    assert.equal(saved?.userName, "Minerva McGonagall");
    const page = await client.get(String(response.headers.location));
    assert.match(page.body, new RegExp(`<article class="card mb-3" id="c${saved?.id}">`));
    assert.match(page.body, /<strong>Minerva McGonagall<\/strong> commented on <time/);
    assert.match(page.body, /Signed the agreement.<br>\nSee the <em>file<\/em>./);
  });

  test("lets any logged-in person comment, not only admins", async () => {
    const org = await makeOrganization(t.db);
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    const page = await client.get("/account/login/");
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const response = await client.post("/comments/post/", {
      csrfmiddlewaretoken: token,
      content_type: "workshops.organization",
      object_pk: String(org.id),
      comment: "Hello",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(
      response.headers.location,
      `/fiscal/organization/${org.domain}/?c=${(await commentsOn(org.id))[0]?.id}#comments`,
    );
  });

  test("ignores a next that leads to another site", async () => {
    const org = await makeOrganization(t.db);
    const response = await postOn(await adminClient(), org, {
      comment: "Hi",
      next: "https://evil.example/#comments",
    });
    assert.equal(response.statusCode, 303);
    assert.match(
      String(response.headers.location),
      new RegExp(`^/fiscal/organization/${org.domain}/\\?c=\\d+#comments$`),
    );
  });

  test("re-shows the form with an error when the comment is empty, saving nothing", async () => {
    const org = await makeOrganization(t.db);
    const response = await postOn(await adminClient(), org, { comment: "   " });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_comment_errors"[^>]*><div>Write a comment./);
    assert.equal((await commentsOn(org.id)).length, 0);
  });

  test("re-shows the form with an error when the comment is longer than 3000 characters", async () => {
    const org = await makeOrganization(t.db);
    const response = await postOn(await adminClient(), org, { comment: "x".repeat(3001) });
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_comment_errors"[^>]*><div>A comment is at most 3000 characters long./,
    );
    assert.match(response.body, /x{3001}<\/textarea>/);
    assert.equal((await commentsOn(org.id)).length, 0);
  });

  test("answers 400 for a content type nobody may comment on", async () => {
    const org = await makeOrganization(t.db);
    const response = await postOn(await adminClient(), org, {
      comment: "Hi",
      content_type: "workshops.person",
    });
    assert.equal(response.statusCode, 400);
  });

  test("answers 400 for an object that does not exist", async () => {
    const org = await makeOrganization(t.db);
    const response = await postOn(await adminClient(), org, { comment: "Hi", object_pk: "999999" });
    assert.equal(response.statusCode, 400);
  });

  test("sends anonymous visitors to log in, saving nothing", async () => {
    const org = await makeOrganization(t.db);
    const client = new Client(t.app);
    const page = await client.get("/account/login/");
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const response = await client.post("/comments/post/", {
      csrfmiddlewaretoken: token,
      content_type: "workshops.organization",
      object_pk: String(org.id),
      comment: "Hi",
    });
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\/\?next=/);
    assert.equal((await commentsOn(org.id)).length, 0);
  });

  test("hides removed and non-public comments from the thread", async () => {
    const org = await makeOrganization(t.db);
    const client = await adminClient();
    await postOn(client, org, { comment: "Visible note" });
    await postOn(client, org, { comment: "Removed note" });
    await t.db.update(comment).set({ isRemoved: true }).where(eq(comment.comment, "Removed note"));
    const page = await client.get(`/fiscal/organization/${org.domain}/`);
    assert.match(page.body, /Visible note/);
    assert.doesNotMatch(page.body, /Removed note/);
  });
});
