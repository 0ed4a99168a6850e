import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { airportLabel, findAirport, searchAirports } from "../../src/reference/airports.ts";
import { countryChoices, countryName, isCountryCode } from "../../src/reference/countries.ts";

describe("airports", () => {
  test("are found by IATA code, in any case", () => {
    const heathrow = findAirport("lhr");
    assert.equal(heathrow?.country, "GB");
    assert.equal(heathrow?.timezone, "Europe/London");
    assert.ok(Math.abs((heathrow?.latitude ?? 0) - 51.47) < 0.01);
  });

  test("an unknown code is not an airport", () => {
    assert.equal(findAirport("ZZZ"), undefined);
    assert.equal(findAirport(""), undefined);
  });

  test("are labelled with code, name, country and time zone", () => {
    const label = airportLabel(findAirport("WAW") as NonNullable<ReturnType<typeof findAirport>>);
    assert.match(label, /^WAW: .*Chopin.* \(Poland.*, Europe\/Warsaw\)$/);
  });

  test("are searched by code, name or country name", () => {
    assert.ok(searchAirports("heathrow").some((airport) => airport.iata === "LHR"));
    assert.ok(searchAirports("Poland").some((airport) => airport.iata === "WAW"));
    assert.ok(searchAirports("").length > 7000);
  });
});

describe("countries", () => {
  test("include AMY's EU and Online codes", () => {
    assert.equal(countryName("W3"), "Online");
    assert.equal(countryName("EU"), "European Union");
    assert.equal(countryName("US"), "United States");
    assert.ok(isCountryCode("PL"));
    assert.ok(!isCountryCode("XX"));
    assert.ok(countryChoices().some((choice) => choice.value === "W3"));
  });
});
