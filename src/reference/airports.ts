import { readFileSync } from "node:fs";
import { projectPath } from "../paths.ts";
import { countryName } from "./countries.ts";

export interface Airport {
  iata: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
}

type Row = [string, string, string, number, number, string];

let byCode: Map<string, Airport> | undefined;

/** The bundled IATA data set (data/README.md), read on first use. */
function airports(): Map<string, Airport> {
  if (!byCode) {
    const rows = JSON.parse(readFileSync(projectPath("src/reference/data/airports.json"), "utf8")) as Row[];
    byCode = new Map(
      rows.map(([iata, name, country, latitude, longitude, timezone]) => [
        iata,
        { iata, name, country, latitude, longitude, timezone },
      ]),
    );
  }
  return byCode;
}

export function findAirport(code: string): Airport | undefined {
  return airports().get(code.trim().toUpperCase());
}

/** "LHR: London Heathrow Airport (United Kingdom…, Europe/London)", as AMY labels airport options. */
export function airportLabel(airport: Airport): string {
  return `${airport.iata}: ${airport.name} (${airport.country ? countryName(airport.country) : "-"}, ${airport.timezone})`;
}

/** Airports whose code, name or country name contains the term (case-insensitive), by code. */
export function searchAirports(term: string): Airport[] {
  const needle = term.trim().toLowerCase();
  const all = [...airports().values()];
  if (!needle) return all;
  return all.filter(
    (airport) =>
      airport.iata.toLowerCase().includes(needle) ||
      airport.name.toLowerCase().includes(needle) ||
      countryName(airport.country).toLowerCase().includes(needle),
  );
}
