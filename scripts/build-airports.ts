// Rebuilds src/reference/data/airports.json, the IATA airport data set AMY validates and derives
// person locations from. The source package is not a dependency; install it for the run:
//   npm install --no-save airport-data-js@4 && npx tsx scripts/build-airports.ts
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

interface SourceAirport {
  iata: string;
  airport: string;
  country_code: string;
  latitude: number;
  longitude: number;
  time: string;
}

const require = createRequire(import.meta.url);
const source = require("airport-data-js") as { findAirports(filters: object): Promise<SourceAirport[]> };
const airports = (await source.findAirports({}))
  .filter(
    (airport) => /^[A-Z]{3}$/.test(airport.iata) && airport.time && /^[A-Z]{2}$/.test(airport.country_code),
  )
  .sort((a, b) => a.iata.localeCompare(b.iata))
  .map((airport) => [
    airport.iata,
    airport.airport,
    airport.country_code,
    Math.round(airport.latitude * 1e5) / 1e5,
    Math.round(airport.longitude * 1e5) / 1e5,
    airport.time,
  ]);
const target = new URL("../src/reference/data/airports.json", import.meta.url);
writeFileSync(target, `[\n${airports.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`);
console.log(`${airports.length} airports written to ${target.pathname}`);
