import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  BOTH_COORDINATES_MESSAGE,
  effectiveCountry,
  locationProblems,
  mailtoLink,
  ONE_LOCATION_MESSAGE,
  referencePoint,
  type StaffRow,
  splitTrainees,
  staffCsvRow,
  type TraineeTaskRow,
} from "../../src/reports/rules.ts";

const none = { airport: false, countries: false, latitude: false, longitude: false };

describe("staff search location rules", () => {
  test("accepts no location at all", () => {
    assert.deepEqual(locationProblems(none), []);
  });

  test("asks for both coordinates when only one is given", () => {
    assert.deepEqual(locationProblems({ ...none, latitude: true }), [BOTH_COORDINATES_MESSAGE]);
    assert.deepEqual(locationProblems({ ...none, longitude: true }), [BOTH_COORDINATES_MESSAGE]);
  });

  test("refuses an airport together with countries or coordinates", () => {
    assert.deepEqual(locationProblems({ ...none, airport: true, countries: true }), [ONE_LOCATION_MESSAGE]);
    assert.deepEqual(locationProblems({ ...none, airport: true, latitude: true, longitude: true }), [
      ONE_LOCATION_MESSAGE,
    ]);
    assert.deepEqual(locationProblems({ ...none, countries: true, latitude: true, longitude: true }), [
      ONE_LOCATION_MESSAGE,
    ]);
  });

  test("measures from the airport first, else from both coordinates, zero included", () => {
    assert.deepEqual(referencePoint({ lat: 1, lng: 2 }, 5, 6), { lat: 1, lng: 2 });
    assert.deepEqual(referencePoint(undefined, 0, 0), { lat: 0, lng: 0 });
    assert.equal(referencePoint(undefined, 5, undefined), undefined);
  });
});

test("the effective country is the override, else the airport's", () => {
  assert.equal(effectiveCountry({ country: "PL", airportCountry: "DE" }), "PL");
  assert.equal(effectiveCountry({ country: "", airportCountry: "DE" }), "DE");
});

const staffRow: StaffRow = {
  id: 1,
  personal: "Ada",
  middle: "",
  family: "Lovelace",
  email: "ada@example.org",
  airportIata: "LHR",
  country: "GB",
  affiliation: "Analytical Engines",
  numInstructor: 3,
  numTrainer: 2,
  isTrainee: false,
  isTrainer: true,
  activeInstructorRoles: 1,
  inactiveInstructorRoles: 0,
  lessons: [
    { id: 1, name: "swc/git" },
    { id: 2, name: "swc/shell" },
  ],
};

test("a CSV row counts instructor teaching only and joins lessons with spaces", () => {
  assert.deepEqual(staffCsvRow(staffRow), [
    "Ada Lovelace",
    "ada@example.org",
    "yes",
    "yes",
    "3",
    "no",
    "LHR",
    "United Kingdom",
    "swc/git swc/shell",
    "Analytical Engines",
  ]);
});

test("a CSV row leaves email and country empty when there are none", () => {
  const row = staffCsvRow({ ...staffRow, email: null, country: "", activeInstructorRoles: 0 });
  assert.equal(row[1], "");
  assert.equal(row[2], "no");
  assert.equal(row[7], "");
});

function taskRow(personId: number, eventSlug: string, stalled: boolean): TraineeTaskRow {
  return { personId, personal: `P${personId}`, middle: "", family: "F", email: null, eventSlug, stalled };
}

test("a trainee with any training in progress is incomplete, never stalled", () => {
  const { incomplete, stalled } = splitTrainees([
    taskRow(1, "ttt-a", false),
    taskRow(1, "ttt-b", true),
    taskRow(2, "ttt-c", true),
    taskRow(2, "ttt-d", true),
  ]);
  assert.deepEqual(
    incomplete.map((group) => [group.person.id, group.events]),
    [[1, ["ttt-a"]]],
  );
  assert.deepEqual(
    stalled.map((group) => [group.person.id, group.events]),
    [[2, ["ttt-c", "ttt-d"]]],
  );
});

test("a mailto link is only made for an address", () => {
  assert.equal(mailtoLink(null, "s", "b"), undefined);
  assert.equal(
    mailtoLink("a@example.org", "Hi there", "x&y"),
    "mailto:a@example.org?subject=Hi%20there&body=x%26y",
  );
});
