import type { FastifyInstance, FastifyReply } from "fastify";
import type { Executor } from "../../../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../../../history/index.ts";
import { access } from "../../../server/access.ts";
import { NotFoundError } from "../../../server/errors.ts";
import { parseForm, submittedValues } from "../../../server/forms.ts";
import { flash } from "../../../server/render.tsx";
import { BlockedDeletePage } from "../../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../../ui/pagination.ts";
import { eventCategoryPath, isUuid } from "../../rules.ts";
import { offeringRoute } from "../../service-offering.ts";
import { FIX_ERRORS, may, type Query, queryOf, queryString, type UuidParams, uuidParam } from "../common.ts";
import { triStateValue } from "../list-filters.ts";
import { createEventCategory, deleteEventCategory, updateEventCategory } from "./commands.ts";
import { eventCategoryForm } from "./forms.ts";
import {
  countEventCategories,
  type EventCategoryRow,
  findEventCategory,
  listEventCategories,
} from "./queries.ts";
import {
  ADD,
  CHANGE,
  DELETE,
  EVENT_CATEGORIES_PATH,
  EVENT_CATEGORY_CONTENT_TYPE,
  EVENT_CATEGORY_CREATE_PATH,
  eventCategoryBlockers,
  eventCategoryTitle,
  parseEventCategoryFilters,
  VIEW,
} from "./rules.ts";
import { EventCategoryDetailsPage } from "./views/details.tsx";
import { EventCategoryFormPage, type EventCategoryFormValues } from "./views/form.tsx";
import { EventCategoryListPage } from "./views/list.tsx";

export async function eventCategoryRoutes(app: FastifyInstance) {
  registerObjectPage(EVENT_CATEGORY_CONTENT_TYPE, async (db, pk) =>
    isUuid(pk) && (await findEventCategory(db, pk)) ? eventCategoryPath(pk) : undefined,
  );

  app.get<Query>(
    EVENT_CATEGORIES_PATH,
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const active = queryString(request.query, "active");
      const orderBy = queryString(request.query, "order_by");
      const { filters, errors } = parseEventCategoryFilters({ active, order_by: orderBy });
      const info = resolvePage(parsePageRequest(request.query), await countEventCategories(app.db, filters));
      const rows = await listEventCategories(app.db, filters, { limit: info.perPage, offset: info.offset });
      return reply.page(
        "Event Categories",
        <EventCategoryListPage
          rows={rows}
          info={info}
          query={queryOf(request)}
          filters={{ active: triStateValue(filters.active), order_by: errors.order_by ? undefined : orderBy }}
          filterErrors={errors}
          canAdd={may(request, ADD)}
        />,
      );
    },
  );

  const mayAdd = offeringRoute(app, access.permission(ADD));
  app.get(EVENT_CATEGORY_CREATE_PATH, mayAdd, async (_request, reply) =>
    showForm(reply, "create", { active: "on" }),
  );

  app.post(EVENT_CATEGORY_CREATE_PATH, mayAdd, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(eventCategoryForm, values);
    if (!form.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(reply, "create", values, form.errors);
    }
    const row = await createEventCategory(app.db, form.data, request.user);
    flash(request, "success", `${eventCategoryTitle(row.name)} was created successfully.`);
    return reply.redirect(eventCategoryPath(row.id), 303);
  });

  app.get<UuidParams>(
    "/offering/event-categories/:uuid/",
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const row = await load(app.db, request.params.uuid);
      return reply.page(
        eventCategoryTitle(row.name),
        <EventCategoryDetailsPage
          category={row}
          history={await firstAndLastVersion(app.db, EVENT_CATEGORY_CONTENT_TYPE, row.id)}
          canChange={may(request, CHANGE)}
          canDelete={may(request, DELETE)}
        />,
      );
    },
  );

  const mayChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<UuidParams>("/offering/event-categories/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    const values = { name: row.name, description: row.description, active: row.active ? "on" : "" };
    return showForm(reply, row, values);
  });

  app.post<UuidParams>("/offering/event-categories/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    const values = submittedValues(request.body);
    const form = parseForm(eventCategoryForm, values);
    if (!form.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(reply, row, values, form.errors);
    }
    const saved = await updateEventCategory(app.db, row.id, form.data, request.user);
    flash(request, "success", `${eventCategoryTitle(saved.name)} was updated successfully.`);
    return reply.redirect(eventCategoryPath(row.id), 303);
  });

  app.post<UuidParams>(
    "/offering/event-categories/:uuid/delete/",
    offeringRoute(app, access.permission(DELETE)),
    async (request, reply) => {
      const row = await load(app.db, request.params.uuid);
      const outcome = await deleteEventCategory(app.db, row, request.user);
      if (!outcome.deleted) {
        return reply.page(
          "Failed to delete",
          <BlockedDeletePage
            subject={eventCategoryTitle(row.name)}
            groups={eventCategoryBlockers(outcome.events)}
            back={eventCategoryPath(row.id)}
          />,
          { status: 409 },
        );
      }
      flash(request, "success", `${eventCategoryTitle(row.name)} was deleted successfully.`);
      return reply.redirect(EVENT_CATEGORIES_PATH, 303);
    },
  );
}

async function load(db: Executor, param: string): Promise<EventCategoryRow> {
  const row = await findEventCategory(db, uuidParam(param, "event category"));
  if (!row) throw new NotFoundError("There is no event category at this address.");
  return row;
}

function showForm(
  reply: FastifyReply,
  row: EventCategoryRow | "create",
  values: EventCategoryFormValues,
  errors?: FieldErrors,
) {
  const creating = row === "create";
  return reply.page(
    creating ? "Create a new event category" : `Edit ${eventCategoryTitle(row.name)}`,
    <EventCategoryFormPage
      action={creating ? EVENT_CATEGORY_CREATE_PATH : `${eventCategoryPath(row.id)}edit/`}
      values={values}
      errors={errors}
      submitLabel={creating ? "Create" : "Save changes"}
      cancelHref={creating ? EVENT_CATEGORIES_PATH : eventCategoryPath(row.id)}
    />,
  );
}
