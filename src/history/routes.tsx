import type { FastifyInstance } from "fastify";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { flash } from "../server/render.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { objectPageOf } from "./object-pages.ts";
import {
  countRevisions,
  findVersion,
  listRecentChanges,
  listVersionsOfObject,
  type VersionRow,
} from "./queries.ts";
import { chooseComparison, diffFields, fieldLabel, parseVersionFields } from "./rules.ts";
import { ObjectHistoryPage } from "./views/object-history.tsx";
import { RecentChangesPage } from "./views/recent-changes.tsx";

type Query = { Querystring: Record<string, unknown> };

export async function historyRoutes(app: FastifyInstance) {
  const admin = { config: { access: access.admin } };

  app.get<Query>("/workshops/log/", admin, async (request, reply) => {
    const info = resolvePage(parsePageRequest(request.query), await countRevisions(app.db));
    const changes = await listRecentChanges(app.db, { limit: info.perPage, offset: info.offset });
    const query = new URLSearchParams(request.url.split("?")[1] ?? "");
    return reply.page("Recently changed", <RecentChangesPage changes={changes} info={info} query={query} />);
  });

  app.get<Query & { Params: { version_id: string } }>(
    "/workshops/version/:version_id/",
    admin,
    async (request, reply) => {
      const requested = await loadVersion(app, request.params.version_id);
      const versions = await listVersionsOfObject(app.db, requested);
      const comparison = chooseComparison(
        versions.map((row) => row.id),
        requested.id,
        request.query,
      );
      if (comparison === "not-found")
        throw new NotFoundError("Those versions are not versions of this record.");
      if (comparison.badIds) {
        flash(
          request,
          "warning",
          "The versions to compare were not understood, so this version is compared with the one before it.",
        );
      }
      const older = versionIn(versions, comparison.older);
      const newer = versionIn(versions, comparison.newer);
      const diff = diffFields(
        parseVersionFields(older.serializedData),
        parseVersionFields(newer.serializedData),
      );
      const pageOf = objectPageOf(`${requested.appLabel}.${requested.model}`);
      const objectPage = pageOf ? await pageOf(app.db, requested.objectId) : undefined;
      return reply.page(
        versions[0]?.objectRepr ?? requested.objectRepr,
        <ObjectHistoryPage
          modelName={fieldLabel(requested.model)}
          versions={versions}
          requestedId={requested.id}
          comparison={comparison}
          newer={newer}
          diff={diff}
          objectPage={objectPage}
        />,
      );
    },
  );
}

async function loadVersion(app: FastifyInstance, param: string): Promise<VersionRow> {
  const id = /^\d{1,9}$/.test(param) ? Number(param) : 0;
  const found = id > 0 ? await findVersion(app.db, id) : undefined;
  if (!found) throw new NotFoundError("There is no version with this id.");
  return found;
}

function versionIn(versions: readonly VersionRow[], id: number): VersionRow {
  const found = versions.find((row) => row.id === id);
  if (!found) throw new Error(`version ${id} is not among the object's versions`);
  return found;
}
