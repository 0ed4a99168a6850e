import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseBulkCsv } from "../../src/people/bulk-upload/csv.ts";
import {
  applyEdits,
  type BulkRow,
  fieldErrors,
  type KnownPerson,
  type Lookups,
  newBulkRow,
  taskKey,
  verifyRows,
} from "../../src/people/bulk-upload/rules.ts";

const HEADER = "personal,family,email,airport_iata,event,role";
const csv = (text: string) => parseBulkCsv(new TextEncoder().encode(text));
const errorOf = (text: string | Uint8Array) => {
  const result = typeof text === "string" ? csv(text) : parseBulkCsv(text);
  assert.equal(result.ok, false);
  return result.ok ? "" : result.error;
};

describe("reading the CSV file", () => {
  test("reads the named columns, trims them and lower-cases the email, ignoring other columns", () => {
    const result = csv(`middle,${HEADER}\r\nX, Harry , Potter ,Harry@Example.ORG,LHR,2026-ev,learner\r\n`);
    assert.deepEqual(result, {
      ok: true,
      rows: [
        {
          personal: "Harry",
          family: "Potter",
          email: "harry@example.org",
          airportIata: "LHR",
          event: "2026-ev",
          role: "learner",
        },
      ],
    });
  });

  test("strips a UTF-8 byte-order mark and keeps quoted commas, quotes and line breaks", () => {
    const body = new TextEncoder().encode(
      `${HEADER}\n"Anna, Jr","O""Neil","a@example.org",,,\n"Multi\nline",B,,,,\n`,
    );
    const result = parseBulkCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
    assert.ok(result.ok);
    assert.equal(result.rows[0]?.personal, "Anna, Jr");
    assert.equal(result.rows[0]?.family, 'O"Neil');
    assert.equal(result.rows[1]?.personal, "Multi\nline");
  });

  test("skips rows whose cells are all empty", () => {
    const result = csv(`${HEADER}\n,,,,,\n\nA,B,a@example.org,,,\n`);
    assert.ok(result.ok);
    assert.equal(result.rows.length, 1);
  });

  test("refuses bytes that are not UTF-8", () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\nJos`), 0xe9, 0x0a]);
    assert.equal(errorOf(latin1), "Please provide a file in utf-8 encoding.");
  });

  test("refuses an empty file", () => {
    assert.match(errorOf(""), /The file is empty/);
  });

  test("refuses a header without data rows", () => {
    assert.match(errorOf(`${HEADER}\n`), /no rows of data/);
  });

  test("names the required columns the header lacks", () => {
    assert.equal(
      errorOf("personal,emailaddress\nA,a@example.org\n"),
      "The following required fields were not found in the uploaded file: family, email",
    );
  });

  test("names the row and the first column a short row lacks", () => {
    assert.match(errorOf(`${HEADER}\nA,B,a@example.org,,,\nC,D\n`), /^Row 3, column email: /);
  });

  test("names the row of an unclosed quote", () => {
    assert.match(
      errorOf(`${HEADER}\nA,B,,,,\n"C,D,,,,\n`),
      /^Error processing uploaded \.CSV file: row 3: Quote Not Closed/,
    );
  });

  test("refuses a file over the size limit", () => {
    assert.match(errorOf(`${HEADER}\n${"A,B,,,,\n".repeat(15000)}`), /larger than 100 KiB/);
  });

  test("refuses more rows than the limit", () => {
    assert.match(errorOf(`${HEADER}\n${"A,B,,,,\n".repeat(1001)}`), /more than 1000 rows/);
  });
});

const emptyLookups: Lookups = {
  eventSlugs: new Set(["ev"]),
  roleNames: new Set(["learner"]),
  personsById: new Map(),
  personsByEmail: new Map(),
  takenUsernames: new Set(),
  similarCandidates: [],
  existingTasks: new Set(),
};
const harry: KnownPerson = {
  id: 7,
  personal: "Harry",
  middle: "",
  family: "Potter",
  email: "harry@example.org",
  username: "potter_harry",
  airportIata: "LHR",
};
const row = (overrides: Partial<BulkRow> = {}): BulkRow => ({
  ...newBulkRow({
    personal: "Harry",
    family: "Potter",
    email: "",
    airportIata: "",
    event: "ev",
    role: "learner",
  }),
  ...overrides,
});

describe("verifying rows", () => {
  test("gives two new persons with the same name distinct usernames, avoiding taken ones", () => {
    const lookups = { ...emptyLookups, takenUsernames: new Set(["potter_harry"]) };
    const verified = verifyRows([row(), row(), row({ username: "potter_harry_3" })], lookups, false);
    assert.deepEqual(
      verified.map((item) => item.row.username),
      ["potter_harry_2", "potter_harry_4", "potter_harry_3"],
    );
    assert.deepEqual(
      verified.flatMap((item) => item.errors),
      [],
    );
  });

  test("auto-matches by email and takes the person's cells from the record", () => {
    const lookups = { ...emptyLookups, personsByEmail: new Map([[harry.email ?? "", harry]]) };
    const [verified] = verifyRows([row({ personal: "H", email: "harry@example.org" })], lookups, true);
    assert.equal(verified?.matched, true);
    assert.equal(verified?.row.existingPersonId, 7);
    assert.equal(verified?.row.personal, "Harry");
    assert.equal(verified?.row.username, "potter_harry");
    assert.deepEqual(verified?.infos, ["Existing record for person will be used.", "Task will be created."]);
  });

  test("says the task exists when the matched person has it", () => {
    const lookups = {
      ...emptyLookups,
      personsById: new Map([[7, harry]]),
      existingTasks: new Set([taskKey("ev", 7, "learner")]),
    };
    const [verified] = verifyRows([row({ existingPersonId: 7 })], lookups, false);
    assert.ok(verified?.infos.includes("Task already exists."));
  });

  test("flags two new persons of one file with the same email", () => {
    const verified = verifyRows(
      [row({ email: "a@example.org" }), row({ email: "a@example.org" })],
      emptyLookups,
      false,
    );
    assert.deepEqual(verified[1]?.errors, ["Another row of this file has the same email address."]);
  });

  test("flags two new persons of one file with the same username", () => {
    const verified = verifyRows([row({ username: "hp" }), row({ username: "hp" })], emptyLookups, false);
    assert.deepEqual(verified[1]?.errors, ["Another row of this file has the same username."]);
  });

  test("checks the Person model's rules on the cells", () => {
    const bad = row({ personal: "", email: "not-an-email", username: "with space" });
    assert.deepEqual(fieldErrors(bad), [
      "personal: This field is required.",
      "email: Enter a valid email address.",
      "username: Enter a valid username: letters, digits, _ and - only.",
    ]);
  });
});

describe("applying the edited cells", () => {
  const lists = {
    personal: ["Ann"],
    family: ["Lee"],
    username: ["lee_ann"],
    email: [" ANN@Example.org "],
    airport_iata: ["WAW"],
    event: [""],
    role: ["helper"],
  };

  test("overwrites the rows up to the shortest list and keeps the matched person", () => {
    const edited = applyEdits([row({ existingPersonId: 7 }), row()], lists);
    assert.deepEqual(edited[0], {
      personal: "Ann",
      family: "Lee",
      username: "lee_ann",
      email: "ann@example.org",
      airportIata: "WAW",
      event: "",
      role: "helper",
      existingPersonId: 7,
    });
    assert.deepEqual(edited[1], row());
  });

  test("changes nothing when a list is missing", () => {
    const { username: _missing, ...partial } = lists;
    assert.deepEqual(applyEdits([row()], partial), [row()]);
  });
});
