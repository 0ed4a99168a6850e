import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readStaffForm, reviewedPersonIds, staffFormInput, staffSearchOf } from "../../src/reports/forms.ts";
import { BOTH_COORDINATES_MESSAGE, ONE_LOCATION_MESSAGE } from "../../src/reports/rules.ts";
import type { StaffChoices } from "../../src/reports/staff-queries.ts";

const choices: StaffChoices = {
  languages: [{ id: 1, name: "Polish" }],
  domains: [{ id: 2, name: "Physics" }],
  lessons: [
    { id: 3, name: "swc/git" },
    { id: 4, name: "swc/shell" },
  ],
  continents: [{ id: 5, name: "Europe" }],
};

const read = (query: string) => readStaffForm(staffFormInput(new URLSearchParams(query)), choices);

describe("reading the staff search", () => {
  test("reads repeated names as lists and the rest as single values", () => {
    const form = read("country=PL&country=DE&lessons=3&lessons=4&gender=F&continent=5&was_helper=on");
    assert.equal(form.valid, true);
    const { filters, from } = staffSearchOf(form);
    assert.deepEqual(filters.countries, ["PL", "DE"]);
    assert.deepEqual(filters.lessonIds, [3, 4]);
    assert.equal(filters.gender, "F");
    assert.equal(filters.continentId, 5);
    assert.equal(filters.wasHelper, true);
    assert.equal(filters.isTrainer, false);
    assert.equal(from, undefined);
  });

  test("measures from the airport's coordinates, whatever the case of its code", () => {
    const { from } = staffSearchOf(read("airport_iata=waw"));
    assert.ok(from && Math.abs(from.lat - 52.17) < 0.1 && Math.abs(from.lng - 20.97) < 0.1);
  });

  test("measures from coordinates of zero", () => {
    assert.deepEqual(staffSearchOf(read("latitude=0&longitude=0")).from, { lat: 0, lng: 0 });
  });

  test("refuses a single coordinate for the whole form", () => {
    assert.deepEqual(read("longitude=3").errors.__all__, [BOTH_COORDINATES_MESSAGE]);
  });

  test("refuses countries together with coordinates", () => {
    const form = read("country=PL&latitude=1&longitude=2");
    assert.deepEqual(form.errors.__all__, [ONE_LOCATION_MESSAGE]);
    assert.equal(staffSearchOf(form).from, undefined);
    assert.deepEqual(staffSearchOf(form).filters.countries, ["PL"]);
  });

  test("refuses a longitude beyond 180", () => {
    assert.match(read("latitude=0&longitude=-180.5").errors.longitude?.[0] ?? "", /between -180 and 180/);
  });

  test("refuses a coordinate that is not a number", () => {
    assert.deepEqual(read("latitude=north&longitude=1").errors.latitude, ["Enter a number."]);
  });

  test("refuses a country code that does not exist", () => {
    assert.ok(read("country=XX").errors.country);
  });

  test("refuses a gender, language, domain or continent not offered", () => {
    const form = read("gender=Z&languages=99&domains=99&continent=99");
    assert.deepEqual(Object.keys(form.errors).sort(), ["continent", "domains", "gender", "languages"]);
  });

  test("keeps the valid filters of an invalid form and drops the invalid ones", () => {
    const form = read("gender=F&lessons=3&lessons=99&latitude=100&longitude=0");
    assert.equal(form.valid, false);
    const { filters, from } = staffSearchOf(form);
    assert.equal(filters.gender, "F");
    assert.deepEqual(filters.lessonIds, []);
    assert.equal(from, undefined);
  });
});

test("review ids are the numeric person_id values, one or many", () => {
  assert.deepEqual(reviewedPersonIds({ person_id: "4" }), [4]);
  assert.deepEqual(reviewedPersonIds({ person_id: ["4", "x", "5"] }), [4, 5]);
  assert.deepEqual(reviewedPersonIds({}), []);
  assert.deepEqual(reviewedPersonIds(undefined), []);
});
