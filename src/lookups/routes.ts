import type { FastifyInstance } from "fastify";
import type { Executor } from "../db/client.ts";
import { airportLabel, searchAirports } from "../reference/index.ts";
import { type Access, access } from "../server/access.ts";
import { membershipLookups } from "./offering-routes.ts";
import {
  lookupAdmins,
  lookupAwards,
  lookupBadges,
  lookupEvents,
  lookupInstructors,
  lookupKnowledgeDomains,
  lookupLanguages,
  lookupLessons,
  lookupOrganizations,
  lookupPersons,
  lookupTags,
  tttEventsCondition,
} from "./queries.ts";
import { hasParam, type LookupRequest, optionalId, parseLookupRequest } from "./rules.ts";

type Query = Record<string, unknown>;
type Answer = (db: Executor, request: LookupRequest, query: Query) => Promise<unknown>;

// AMY's select2 lookups as plain JSON endpoints: `term` and `page` in, `{results, more}` out.
// AMY's signed `field_id` is a widget-cache artefact and is not needed (spec 10, notes).
const adminLookups: Record<string, Answer> = {
  tags: lookupTags,
  badges: lookupBadges,
  lessons: lookupLessons,
  events: (db, request) => lookupEvents(db, request),
  // AMY narrows this to events of the person's passed training progress when `badge` is the
  // instructor badge; training progress comes with the training issue, until then: all events.
  events_for_awards: (db, request) => lookupEvents(db, request),
  ttt_events: (db, request, query) =>
    lookupEvents(db, request, tttEventsCondition(db, optionalId(query, "trainee"))),
  organizations: (db, request) => lookupOrganizations(db, request, { administratorsOnly: false }),
  admin_orgs: async (db, request) => {
    const page = await lookupOrganizations(db, request, { administratorsOnly: true });
    return { results: page.results.map(({ id, text }) => ({ id, text })), more: page.more };
  },
  persons: lookupPersons,
  admins: lookupAdmins,
  instructors: lookupInstructors,
  knowledge_domains: lookupKnowledgeDomains,
  awards: (db, request, query) =>
    lookupAwards(db, request, { badgeId: optionalId(query, "badge"), personId: optionalId(query, "person") }),
  ...membershipLookups,
};

const publicLookups: Record<string, Answer> = {
  languages: (db, request, query) => lookupLanguages(db, request, { exactSubtag: hasParam(query, "subtag") }),
  // The whole IATA list is small and static: no paging, so no `more` key (as in AMY).
  airports: async (_db, request) => ({
    results: searchAirports(request.term).map((airport) => ({
      id: airport.iata,
      text: airportLabel(airport),
    })),
  }),
};

export async function lookupRoutes(app: FastifyInstance) {
  const register = (lookups: Record<string, Answer>, rule: Access) => {
    for (const [path, answer] of Object.entries(lookups)) {
      app.get<{ Querystring: Query }>(
        `/select_lookups/${path}/`,
        { config: { access: rule } },
        async (request) => answer(app.db, parseLookupRequest(request.query), request.query),
      );
    }
  };
  register(adminLookups, access.admin);
  register(publicLookups, access.public);
}
