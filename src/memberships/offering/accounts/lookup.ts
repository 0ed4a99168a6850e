// `/select_lookups/offering-account-relation/`: the people, organisations or consortia an account
// form may point at, by the account type chosen (`content_type_name`).
import { asc } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { person } from "../../../accounts/schema.ts";
import type { Executor } from "../../../db/client.ts";
import { anyContains, PERSON_NAME_AND_EMAIL, personMatches } from "../../../lookups/matching.ts";
import { organizationDisplay } from "../../../organizations/index.ts";
import { organization } from "../../../organizations/schema.ts";
import { personDisplay } from "../../../people/index.ts";
import { access } from "../../../server/access.ts";
import { ForbiddenError } from "../../../server/errors.ts";
import { consortium } from "../../schema.ts";
import { may, queryString } from "../common.ts";
import { lookupAccounts } from "./queries.ts";
import {
  ACCOUNT_LOOKUP,
  ACCOUNT_RELATION_LOOKUP,
  type AccountType,
  ENTITY_VIEW_PERMISSION,
  isAccountType,
} from "./rules.ts";

const PAGE_SIZE = 25;

interface Page {
  results: { id: number; text: string }[];
  more: boolean;
}

/** `page` from the query string: 1-based, anything malformed is the first page. */
function pageNumber(text: string | undefined): number {
  return text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1;
}

async function lookupEntities(db: Executor, type: AccountType, term: string, page: number): Promise<Page> {
  const window = { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE };
  let rows: { id: number; text: string }[];
  if (type === "individual") {
    const found = await db
      .select({
        id: person.id,
        personal: person.personal,
        middle: person.middle,
        family: person.family,
        email: person.email,
      })
      .from(person)
      .where(personMatches(term, PERSON_NAME_AND_EMAIL))
      .orderBy(asc(person.family), asc(person.personal), asc(person.id))
      .limit(window.limit)
      .offset(window.offset);
    rows = found.map((row) => ({ id: row.id, text: personDisplay(row) }));
  } else if (type === "organisation") {
    const found = await db
      .select({ id: organization.id, fullname: organization.fullname, domain: organization.domain })
      .from(organization)
      .where(anyContains(term, [organization.domain, organization.fullname]))
      .orderBy(asc(organization.fullname), asc(organization.id))
      .limit(window.limit)
      .offset(window.offset);
    rows = found.map((row) => ({ id: row.id, text: organizationDisplay(row) }));
  } else {
    const found = await db
      .select({ id: consortium.id, name: consortium.name })
      .from(consortium)
      .where(anyContains(term, [consortium.name, consortium.description]))
      .orderBy(asc(consortium.name), asc(consortium.id))
      .limit(window.limit)
      .offset(window.offset);
    rows = found.map((row) => ({ id: row.id, text: row.name }));
  }
  return { results: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

/**
 * Admins holding the view permission of the chosen kind (§2.18); an unknown kind is refused. No
 * kind chosen yet answers an empty list.
 */
export async function accountRelationLookupRoute(app: FastifyInstance) {
  app.get<{ Querystring: Record<string, unknown> }>(
    ACCOUNT_RELATION_LOOKUP,
    { config: { access: access.admin } },
    async (request) => {
      const type = queryString(request.query, "content_type_name") ?? "";
      if (type === "") return { results: [], more: false };
      if (!isAccountType(type) || !may(request, ENTITY_VIEW_PERMISSION[type])) {
        throw new ForbiddenError("You may not look up these records.");
      }
      const term = (queryString(request.query, "term") ?? "").trim();
      return lookupEntities(app.db, type, term, pageNumber(queryString(request.query, "page")));
    },
  );
}

/**
 * `/select_lookups/offering-accounts/`: accounts by their person's, organisation's or consortium's
 * name, for the account-benefit form and filter (AMY offers a plain select there).
 */
export async function accountLookupRoute(app: FastifyInstance) {
  app.get<{ Querystring: Record<string, unknown> }>(
    ACCOUNT_LOOKUP,
    { config: { access: access.admin } },
    async (request) => {
      const term = (queryString(request.query, "term") ?? "").trim();
      const page = pageNumber(queryString(request.query, "page"));
      const rows = await lookupAccounts(app.db, term, {
        limit: PAGE_SIZE + 1,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { results: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
    },
  );
}
