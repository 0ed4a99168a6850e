import type { FastifyInstance, FastifyRequest } from "fastify";
import { listComments } from "../comments/index.ts";
import type { Executor } from "../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../history/index.ts";
import { listActiveChoices } from "../reference/index.ts";
import { access, hasPermission } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { flash } from "../server/render.tsx";
import { BlockedDeletePage } from "../ui/blocked-delete.tsx";
import { parsePageRequest } from "../ui/pagination.ts";
import { todayIso } from "../ui/time.ts";
import { EVENT_CONTENT_TYPE } from "./commands.ts";
import { assignEvent, deleteEvent } from "./delete-assign.ts";
import { eventRelations, tasksOfEvent } from "./details-queries.ts";
import { type EventRow, findEventById, findEventBySlug } from "./form-queries.ts";
import { parseEventListFilters } from "./list-filters.ts";
import { eventFilterChoices, listEventsPage } from "./list-queries.ts";
import { eventPath, SLUG_PATTERN } from "./rules.ts";
import { TaskInlineForm } from "./tasks/views/inline-form.tsx";
import { EventDetailsPage } from "./views/event-details.tsx";
import { EVENTS_PATH, EventListPage } from "./views/event-list.tsx";

type Query = { Querystring: Record<string, unknown> };
type SlugParams = { Params: { slug: string } };

/** The event a URL names, or a 404 (also for a slug with characters no slug may hold). */
async function loadEvent(db: Executor, slug: string): Promise<EventRow> {
  const row = SLUG_PATTERN.test(slug) ? await findEventBySlug(db, slug) : undefined;
  if (!row) throw new NotFoundError("There is no event with this slug.");
  return row;
}

function can(request: FastifyRequest, permission: string): boolean {
  return request.user !== null && hasPermission(request.user, permission);
}

/** The person to assign: an id, or null for nobody. AMY's form names the field `person`. */
function requestedAssignee(body: unknown): number | null | "invalid" {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>).person : undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === "") return null;
  return typeof text === "string" && /^\d{1,9}$/.test(text) ? Number(text) : "invalid";
}

export async function eventsRoutes(app: FastifyInstance) {
  registerObjectPage(EVENT_CONTENT_TYPE, async (db, objectPk) => {
    const row = /^\d{1,9}$/.test(objectPk) ? await findEventById(db, Number(objectPk)) : undefined;
    return row && eventPath(row.slug);
  });

  app.get<Query>(EVENTS_PATH, { config: { access: access.admin } }, async (request, reply) => {
    const host = typeof request.query.host === "string" ? request.query.host : undefined;
    const choices = await eventFilterChoices(app.db, host);
    const { filters, errors } = parseEventListFilters(request.query, choices);
    const today = todayIso();
    const { info, rows } = await listEventsPage(app.db, filters, today, parsePageRequest(request.query));
    const query = new URLSearchParams(request.url.split("?")[1] ?? "");
    return reply.page(
      "All Events",
      <EventListPage
        rows={rows}
        info={info}
        query={query}
        choices={choices}
        selected={{
          ...Object.fromEntries(query.entries()),
          tags: query.getAll("tags"),
        }}
        filterErrors={errors}
        canAdd={can(request, "workshops.add_event")}
        canChange={can(request, "workshops.change_event")}
      />,
    );
  });

  app.get<SlugParams>(
    "/workshops/event/:slug/",
    { config: { access: access.admin } },
    async (request, reply) => {
      const row = await loadEvent(app.db, request.params.slug);
      const canAddTask = can(request, "workshops.add_task");
      const [relations, tasks, history, comments, roleChoices] = await Promise.all([
        eventRelations(app.db, row),
        tasksOfEvent(app.db, row.id),
        firstAndLastVersion(app.db, EVENT_CONTENT_TYPE, row.id),
        listComments(app.db, EVENT_CONTENT_TYPE, row.id),
        canAddTask ? listActiveChoices(app.db, "roles") : [],
      ]);
      return reply.page(
        `Event ${row.slug}`,
        <EventDetailsPage
          event={row}
          relations={relations}
          tasks={tasks}
          history={history}
          comments={comments}
          viewerId={request.user?.id ?? 0}
          offeringLinks={app.config.serviceOffering}
          can={{
            change: can(request, "workshops.change_event"),
            delete: can(request, "workshops.delete_event"),
            changeTasks: can(request, "workshops.change_task"),
          }}
          taskForm={
            canAddTask ? (
              <TaskInlineForm
                eventId={row.id}
                eventSlug={row.slug}
                roleChoices={roleChoices}
                seatMembership={relations.tags.some((tag) => tag.name === "TTT")}
              />
            ) : undefined
          }
        />,
      );
    },
  );

  const canDelete = { config: { access: access.permission("workshops.delete_event") } };
  app.post<SlugParams>("/workshops/event/:slug/delete/", canDelete, async (request, reply) => {
    const row = await loadEvent(app.db, request.params.slug);
    const outcome = await deleteEvent(app.db, row, request.user);
    if (!outcome.deleted) {
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage subject={row.slug} groups={outcome.groups} back={eventPath(row.slug)} />,
        { status: 409 },
      );
    }
    flash(request, "success", `${row.slug} was deleted successfully.`);
    return reply.redirect(EVENTS_PATH, 303);
  });

  const canChange = { config: { access: access.permission("workshops.change_event") } };
  app.post<SlugParams>("/workshops/event/:slug/assign/", canChange, async (request, reply) => {
    const row = await loadEvent(app.db, request.params.slug);
    const assignee = requestedAssignee(request.body);
    const outcome =
      assignee === "invalid" ? { ok: false } : await assignEvent(app.db, row, assignee, request.user);
    if (!outcome.ok)
      flash(request, "error", "Only an admin can be assigned to an event; nothing was changed.");
    else
      flash(
        request,
        "success",
        assignee === null ? `${row.slug} is now assigned to nobody.` : `${row.slug} was assigned.`,
      );
    return reply.redirect(eventPath(row.slug), 303);
  });
}
