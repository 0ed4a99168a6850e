// The search module's public surface: the page, the section contract and the sections of the
// records built so far (later modules provide their own sections).
export type { SearchHit, SearchSection, SectionResults } from "./registry.ts";
export { searchRoutes } from "./routes.tsx";
export { commentsSearch } from "./sections/comments.ts";
export { eventsSearch } from "./sections/events.ts";
export { consortiumsSearch, membershipsSearch, partnershipsSearch } from "./sections/memberships.ts";
export { organizationsSearch } from "./sections/organizations.ts";
export { personsSearch } from "./sections/persons.ts";
