import type { FastifyInstance } from "fastify";
import { access } from "../server/access.ts";
import { parseForm } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { searchForm } from "./forms.ts";
import type { SearchSection } from "./registry.ts";
import { movedMessage, onlyHit, SECTION_LIMIT } from "./rules.ts";
import { SearchPage } from "./views/search-page.tsx";

const TITLE = "Search";

/** The global search over the given sections (src/modules.ts lists them). */
export function searchRoutes(allSections: readonly SearchSection[]) {
  return async function searchPlugin(app: FastifyInstance) {
    app.get<{ Querystring: Record<string, unknown> }>(
      "/dashboard/admin/search/",
      { config: { access: access.admin } },
      async (request, reply) => {
        if (request.query.term === undefined) return reply.page(TITLE, <SearchPage values={{}} />);
        const form = parseForm(searchForm, request.query);
        if (!form.ok) {
          flash(request, "error", "Fix errors below.");
          return reply.page(TITLE, <SearchPage values={form.values} errors={form.errors} />);
        }
        const { term, no_redirect } = form.data;
        const sections = allSections.filter((section) => !section.flag || app.config[section.flag]);
        const results = await Promise.all(
          sections.map((section) => section.search(app.db, term, SECTION_LIMIT)),
        );
        const hit = no_redirect ? undefined : onlyHit(results);
        if (hit) {
          flash(request, "success", movedMessage(term));
          return reply.redirect(hit.href, 302);
        }
        const views = sections.map((section, index) => ({
          key: section.key,
          title: section.title,
          count: results[index]?.count ?? 0,
          items: results[index]?.items ?? [],
        }));
        const values = { term, ...(no_redirect ? { no_redirect: "on" } : {}) };
        return reply.page(TITLE, <SearchPage values={values} sections={views} />);
      },
    );
  };
}
