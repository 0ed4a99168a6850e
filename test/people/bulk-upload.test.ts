import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makePerson, PASSWORD } from "../helpers/factories.ts";
import { CONFIRM, HEADER, UPLOAD, upload } from "./bulk-upload-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

describe("upload page", () => {
  test("lists the roles by the names the CSV uses and offers the template", async () => {
    const response = await (await adminClient()).get(UPLOAD);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<code>supporting-instructor<\/code><\/td><td>Supporting Instructor/);
    assert.match(response.body, /href="\/workshops\/persons\/bulk_upload\/template\/"/);
    assert.match(response.body, /enctype="multipart\/form-data"/);
  });

  test("the template is a CSV attachment with the header line only", async () => {
    const response = await (await adminClient()).get(`${UPLOAD}template/`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/csv/);
    assert.equal(response.headers["content-disposition"], 'attachment; filename="BulkPersonAddTemplate.csv"');
    assert.equal(response.body, `${HEADER}\n`);
  });

  test("a valid file is kept for review and the browser goes to the confirmation page", async () => {
    const client = await adminClient();
    const response = await upload(
      client,
      `${HEADER}\nHarry,Potter,harry.upload@example.org,LHR,ev,learner\n`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, CONFIRM);
    const page = await client.get(CONFIRM);
    assert.match(page.body, /value="harry\.upload@example\.org"/);
  });
});

describe("upload errors", () => {
  const expectError = async (
    content: string | Uint8Array | undefined,
    message: RegExp,
    filename?: string,
  ) => {
    const response = await upload(await adminClient(), content, filename);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_file_errors"/);
    assert.match(response.body, message);
  };

  test("re-shows the form with an error when no file was sent", () =>
    expectError(undefined, /Choose a CSV file to upload\./));

  test("re-shows the form with an error when no file was chosen", () =>
    expectError("", /Choose a CSV file to upload\./, ""));

  test("re-shows the form with an error when the file is empty", () => expectError("", /The file is empty/));

  test("re-shows the form with an error when the file is not UTF-8", () =>
    expectError(
      new Uint8Array([...Buffer.from(`${HEADER}\nJos`), 0xe9, 0x0a]),
      /Please provide a file in utf-8 encoding\./,
    ));

  test("re-shows the form naming the required columns the header lacks", () =>
    expectError(
      "personal,family,emailaddress\nA,B,a@example.org\n",
      /The following required fields were not found in the uploaded file: email/,
    ));

  test("re-shows the form naming the row and column a short row lacks", () =>
    expectError(
      `${HEADER}\nA,B,a@example.org,,,\nC\n`,
      /Row 3, column family: the row has 1 cells but the header has 6\./,
    ));

  test("re-shows the form naming the row of a malformed line", () =>
    expectError(`${HEADER}\n"A,B,,,,\n`, /Error processing uploaded \.CSV file: row 2: Quote Not Closed/));

  test("re-shows the form when the file is larger than the limit", () =>
    expectError(`${HEADER}\n${"A,B,,,,\n".repeat(15000)}`, /The file is larger than 100 KiB/));
});

describe("access", () => {
  test("an admin without add_person gets 403 on the upload and its actions", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(UPLOAD)).statusCode, 403);
    assert.equal((await client.get(CONFIRM)).statusCode, 403);
    assert.equal((await client.get(`${UPLOAD}template/`)).statusCode, 200);
  });

  test("a member gets 403 even on the template", async () => {
    const member = await makePerson(t.db);
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(`${UPLOAD}template/`)).statusCode, 403);
  });

  test("an anonymous upload is sent to log in", async () => {
    const response = await upload(new Client(t.app), `${HEADER}\nA,B,,,,\n`, "people.csv", "no-token");
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\/\?next=/);
  });
});
