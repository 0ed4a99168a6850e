import type { FastifyInstance } from "fastify";
import { listComments } from "../comments/index.ts";
import { firstAndLastVersion, registerObjectPage } from "../history/index.ts";
import { access, hasPermission } from "../server/access.ts";
import { flash } from "../server/render.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { todayIso } from "../ui/time.ts";
import { PERSON_CONTENT_TYPE } from "./commands.ts";
import { awardsOfPerson, personLinkNames, socialProvidersOf, tasksOfPerson } from "./detail-queries.ts";
import { countPersonsListed, filterChoices, listPersons, PERSON_ORDERINGS } from "./list-queries.ts";
import { membershipTasksOfPerson } from "./membership-queries.ts";
import { findPerson } from "./queries.ts";
import { loadPerson, queryList, queryString } from "./route-helpers.ts";
import { countRoles, personDisplay } from "./rules.ts";
import { PersonDetailsPage } from "./views/person-details.tsx";
import { PersonListPage } from "./views/person-list.tsx";

type Params = { Params: { person_id: string } };
type Query = { Querystring: Record<string, unknown> };

const _FIX_ERRORS = "Please fix the errors below; nothing was saved.";

export async function peopleRoutes(app: FastifyInstance) {
  const admin = { config: { access: access.admin } };
  const _canAdd = { config: { access: access.permission("workshops.add_person") } };
  registerObjectPage(PERSON_CONTENT_TYPE, async (db, objectPk) => {
    const id = /^\d{1,9}$/.test(objectPk) ? Number(objectPk) : 0;
    return id > 0 && (await findPerson(db, id)) ? `/workshops/person/${id}/` : undefined;
  });
  const _selfOrChange = {
    config: { access: access.selfOr("person_id", { permission: "workshops.change_person" }) },
  };

  app.get<Query>("/workshops/persons/", admin, async (request, reply) => {
    const filters = {
      badgeIds: queryList(request.query, "badges").map(Number),
      taughtTagIds: queryList(request.query, "taught_workshops").map(Number),
      orderBy: PERSON_ORDERINGS[queryString(request.query, "order_by") ?? ""]
        ? queryString(request.query, "order_by")
        : undefined,
    };
    const info = resolvePage(parsePageRequest(request.query), await countPersonsListed(app.db, filters));
    const rows = await listPersons(app.db, filters, { limit: info.perPage, offset: info.offset }, todayIso());
    const user = request.user;
    return reply.page(
      "All persons",
      <PersonListPage
        rows={rows}
        info={info}
        query={new URLSearchParams(request.url.split("?")[1] ?? "")}
        filters={{
          badges: filters.badgeIds.map(String),
          taughtWorkshops: filters.taughtTagIds.map(String),
          orderBy: filters.orderBy,
        }}
        choices={await filterChoices(app.db)}
        canAdd={user !== null && hasPermission(user, "workshops.add_person")}
        canChange={user !== null && hasPermission(user, "workshops.change_person")}
      />,
    );
  });

  app.get<Params>("/workshops/person/:person_id/", admin, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    if (!target.isActive) flash(request, "info", `${personDisplay(target)} is not active and cannot log in.`);
    if (!target.airportIata) flash(request, "warning", `${personDisplay(target)} has no airport on record.`);
    const user = request.user;
    const can = (name: string) => user !== null && hasPermission(user, name);
    const [links, awards, tasks, memberships, providers, history, comments] = await Promise.all([
      personLinkNames(app.db, target.id),
      awardsOfPerson(app.db, target.id),
      tasksOfPerson(app.db, target.id),
      membershipTasksOfPerson(app.db, target.id),
      socialProvidersOf(app.db, target.id),
      firstAndLastVersion(app.db, PERSON_CONTENT_TYPE, target.id),
      listComments(app.db, PERSON_CONTENT_TYPE, target.id),
    ]);
    const isSelf = user?.id === target.id;
    return reply.page(
      `Person ${personDisplay(target)}`,
      <PersonDetailsPage
        person={target}
        links={links}
        awards={awards}
        tasks={tasks}
        memberships={memberships}
        counts={countRoles(tasks)}
        providers={providers}
        history={history}
        comments={comments}
        can={{
          edit: isSelf || can("workshops.change_person"),
          changePermissions: can("workshops.change_person"),
          changePassword: isSelf || user?.isSuperuser === true,
          delete: can("workshops.delete_person"),
          addAward: can("workshops.add_award"),
        }}
      />,
    );
  });
}
