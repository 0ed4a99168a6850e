// The reference module's public surface: the small tables every other module points at.
import type { PermissionModel } from "../accounts/index.ts";

export { type ChoiceTable, listActiveChoices } from "./queries.ts";
export { referenceRoutes } from "./routes.tsx";
export { referenceDataSeeder } from "./seeds.ts";

export const referencePermissionModels: PermissionModel[] = [
  ["tag", "tag"],
  ["role", "role"],
  ["badge", "badge"],
  ["lesson", "lesson"],
  ["knowledgedomain", "knowledge domain"],
  ["language", "language"],
  ["curriculum", "curriculum"],
  ["curriculumtype", "curriculum type"],
  ["academiclevel", "academic level"],
  ["computingexperiencelevel", "computing experience level"],
  ["infosource", "info source"],
  ["continent", "continent"],
].map(([model, verboseName]) => ({
  appLabel: "workshops",
  model: model as string,
  verboseName: verboseName as string,
}));
export { type Airport, airportLabel, findAirport, searchAirports } from "./airports.ts";
export { countryChoices, countryName, isCountryCode } from "./countries.ts";
