// The lookups module's public surface: the JSON endpoints, and the text matching the search reuses.
export { anyContains, personalFamilyCross, personMatches, personsMatching } from "./matching.ts";
export { lookupRoutes } from "./routes.ts";
export { containsPattern, twoTokens } from "./rules.ts";
