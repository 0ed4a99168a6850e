import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { person } from "../../src/accounts/schema.ts";
import { task } from "../../src/events/schema.ts";
import { revision, version } from "../../src/history/schema.ts";
import { Client, csrfTokenIn, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";
import { CONFIRM, cellsOn, HEADER, postConfirm, UPLOAD, upload } from "./bulk-upload-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let slug: string;
let eventId: number;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  const made = await makeEvent(t.db);
  slug = made.slug;
  eventId = made.id;
});
after(() => t.close());

let sequence = 0;
/** A fresh admin session with the given rows uploaded, and the confirmation page it leads to. */
async function uploaded(...rows: string[]) {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  const response = await upload(client, `${HEADER}\n${rows.join("\n")}\n`);
  assert.equal(response.statusCode, 303, response.body);
  return { client, page: (await client.get(CONFIRM)).body };
}
const unique = (name: string) => `${name}${++sequence}x${process.pid}`;
const personByEmail = async (email: string) =>
  (await t.db.select().from(person).where(eq(person.email, email)))[0];

async function followFlash(client: Client, response: { headers: Record<string, unknown> }) {
  return (await client.get(String(response.headers.location))).body;
}

async function post(client: Client, url: string) {
  const token = csrfTokenIn((await client.get(CONFIRM)).body);
  return client.post(url, { csrfmiddlewaretoken: token });
}

describe("confirming", () => {
  test("creates the new persons, inactive, and their tasks, recorded as the admin's change", async () => {
    const email = `${unique("hermione")}@example.org`;
    const { client, page } = await uploaded(
      `Hermione,Granger,${email},LHR,${slug},learner`,
      `Ron,Weasley,,,${slug},helper`,
    );
    assert.match(page, /Person and task will be created\./);
    assert.match(page, /It&#39;s highly recommended to add an email address\.|It's highly recommended/);
    const response = await postConfirm(client, cellsOn(page), "confirm");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, UPLOAD);
    assert.match(await followFlash(client, response), /Successfully created 2 persons and 2 tasks\./);
    const created = await personByEmail(email);
    assert.equal(created?.isActive, false);
    assert.equal(created?.airportCountry, "GB");
    const tasks = await t.db
      .select()
      .from(task)
      .where(eq(task.personId, created?.id ?? 0));
    assert.equal(tasks.length, 1);
    const [recorded] = await t.db
      .select({ userId: revision.userId })
      .from(version)
      .innerJoin(revision, eq(revision.id, version.revisionId))
      .where(eq(version.objectId, String(created?.id)));
    assert.equal(recorded?.userId, admin.id);
    assert.match((await client.get(CONFIRM)).headers.location ?? "", /bulk_upload\/$/);
  });

  test("auto-matches a row to the person with that email, whatever its case, and adds only the task", async () => {
    const existing = await makePerson(t.db, { email: `${unique("luna")}@example.org`, personal: "Luna" });
    const { client, page } = await uploaded(`L.,Lovegood,${existing.email?.toUpperCase()},,${slug},learner`);
    assert.match(page, /Existing record for person will be used\./);
    assert.match(page, /Task will be created\./);
    assert.match(
      page,
      new RegExp(`value="${existing.username}" readOnly|value="${existing.username}" readonly`),
    );
    const response = await postConfirm(client, cellsOn(page), "confirm");
    assert.match(await followFlash(client, response), /Successfully created 0 persons and 1 tasks\./);
    const tasks = await t.db.select().from(task).where(eq(task.personId, existing.id));
    assert.equal(tasks.length, 1);
  });

  test("counts no task that the matched person already has", async () => {
    const existing = await makePerson(t.db);
    await makeTask(t.db, { personId: existing.id, eventId, role: "helper" });
    const { client, page } = await uploaded(`A,B,${existing.email},,${slug},helper`);
    assert.match(page, /Task already exists\./);
    const response = await postConfirm(client, cellsOn(page), "confirm");
    assert.match(await followFlash(client, response), /Successfully created 0 persons and 0 tasks\./);
  });

  test("gives persons with the same name in one file distinct usernames", async () => {
    const family = unique("Dup");
    const { client, page } = await uploaded(
      `Sam,${family},,,${slug},learner`,
      `Sam,${family},,,${slug},learner`,
    );
    const usernames = cellsOn(page).username ?? [];
    assert.deepEqual(usernames, [`${family.toLowerCase()}_sam`, `${family.toLowerCase()}_sam_2`]);
    const response = await postConfirm(client, cellsOn(page), "confirm");
    assert.match(await followFlash(client, response), /Successfully created 2 persons and 2 tasks\./);
  });

  test("saves nothing when a row has errors, and says so", async () => {
    const email = `${unique("neville")}@example.org`;
    const { client, page } = await uploaded(
      `Neville,L,${email},,${slug},learner`,
      `Bad,Row,,,no-such-event,learner`,
    );
    assert.match(
      page,
      /<button type="submit" name="confirm" value="1" class="btn btn-primary me-2" disabled/,
    );
    const response = await postConfirm(client, cellsOn(page), "confirm");
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /Error saving data to the database: 1 row has errors\. Please make sure to fix all errors listed below\./,
    );
    assert.equal(await personByEmail(email), undefined);
  });

  test("keeps edited cells after verifying", async () => {
    const { client, page } = await uploaded(`Ginny,W,,,${slug},learner`);
    const cells = { ...cellsOn(page), role: ["helper"], family: ["Weasley"] };
    const response = await postConfirm(client, cells, "verify");
    assert.equal(response.statusCode, 200);
    assert.deepEqual(cellsOn(response.body).role, ["helper"]);
    assert.deepEqual(cellsOn((await client.get(CONFIRM)).body).family, ["Weasley"]);
  });

  test("cancel discards the rows", async () => {
    const { client, page } = await uploaded(`Draco,Malfoy,,,${slug},learner`);
    const response = await postConfirm(client, cellsOn(page), "cancel");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, UPLOAD);
    const again = await client.get(CONFIRM);
    assert.equal(again.statusCode, 302);
  });

  test("without rows in the session the page sends the admin to upload again", async () => {
    const client = await new Client(t.app).logIn(admin.username, PASSWORD);
    const response = await client.get(CONFIRM);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, UPLOAD);
    assert.match(await followFlash(client, response), /Could not locate CSV data, please upload again\./);
    const removal = await client.post(`${UPLOAD}0/remove/`, {
      csrfmiddlewaretoken: csrfTokenIn((await client.get(UPLOAD)).body),
    });
    assert.equal(removal.headers.location, UPLOAD);
    assert.match(
      await followFlash(client, removal),
      /Could not locate CSV data, please try the upload again\./,
    );
  });
});

describe("row actions", () => {
  test("offers a person with the same name as a match, then matches and unmatches the row", async () => {
    const existing = await makePerson(t.db, { personal: "Cho", family: unique("Chang") });
    const { client, page } = await uploaded(`Cho,${existing.family},,,${slug},learner`);
    assert.match(page, new RegExp(`action="/workshops/persons/bulk_upload/0/match_person/${existing.id}"`));
    const matched = await post(client, `${UPLOAD}0/match_person/${existing.id}`);
    assert.equal(matched.headers.location, CONFIRM);
    const matchedPage = (await client.get(CONFIRM)).body;
    assert.match(matchedPage, /Existing record for person will be used\./);
    assert.deepEqual(cellsOn(matchedPage).username, [existing.username]);
    await post(client, `${UPLOAD}0/match_person/`);
    assert.match((await client.get(CONFIRM)).body, /Person and task will be created\./);
  });

  test("says when the chosen person does not exist", async () => {
    const { client } = await uploaded(`Vincent,Crabbe,,,${slug},learner`);
    await post(client, `${UPLOAD}0/match_person/999999`);
    assert.match(
      (await client.get(CONFIRM)).body,
      /Could not match selected person\. New record will be created\./,
    );
  });

  test("removes a row, and names an entry that does not exist", async () => {
    const { client } = await uploaded(`Fred,W,,,${slug},learner`, `George,W,,,${slug},learner`);
    await post(client, `${UPLOAD}0/remove/`);
    assert.deepEqual(cellsOn((await client.get(CONFIRM)).body).personal, ["George"]);
    const missing = await post(client, `${UPLOAD}5/remove/`);
    assert.match(await followFlash(client, missing), /Could not find specified entry #5/);
  });
});

describe("row errors", () => {
  const cases: [string, (slug: string) => string, RegExp][] = [
    [
      "an unknown event",
      () => "A,B,,,no-such-event,learner",
      /Event with slug &quot;no-such-event&quot; does not exist\./,
    ],
    ["an unknown role", (s) => `A,B,,,${s},wizard`, /Role with name &quot;wizard&quot; does not exist\./],
    [
      "an unknown airport",
      (s) => `A,B,,ZZZ,${s},learner`,
      /Airport with IATA code &quot;ZZZ&quot; does not exist\./,
    ],
    ["no role", (s) => `A,B,,,${s},`, /Must have a role\./],
    ["no event", () => "A,B,,,,learner", /Must have an event\./],
    ["no personal name", (s) => `,B,,,${s},learner`, /personal: This field is required\./],
    ["an invalid email", (s) => `A,B,not-an-email,,${s},learner`, /email: Enter a valid email address\./],
  ];
  for (const [what, line, message] of cases) {
    test(`shows an error for ${what}`, async () => {
      const { page } = await uploaded(line(slug));
      assert.match(page, message);
    });
  }

  test("shows an error when an unmatched row's email belongs to someone", async () => {
    const existing = await makePerson(t.db);
    const { client } = await uploaded(`A,B,${existing.email},,${slug},learner`);
    await post(client, `${UPLOAD}0/match_person/`);
    assert.match((await client.get(CONFIRM)).body, /Person with this email address already exists\./);
  });

  test("shows an error when the username is taken, and flashes on verify", async () => {
    const existing = await makePerson(t.db);
    const { client, page } = await uploaded(`A,B,,,${slug},learner`);
    const response = await postConfirm(client, { ...cellsOn(page), username: [existing.username] }, "verify");
    assert.match(response.body, /Person with this username already exists\./);
    assert.match(response.body, /Please make sure to fix all errors listed below\./);
  });
});

test("tasks are unique per event, person and role", async () => {
  const rows = await t.db
    .select()
    .from(task)
    .where(and(eq(task.eventId, eventId)));
  const keys = rows.map((row) => `${row.personId}/${row.roleId}`);
  assert.equal(new Set(keys).size, keys.length);
});
