import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addAutomaticComment } from "../comments/index.ts";
import { uniqueViolation } from "../db/errors.ts";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { parseForm, submittedLists, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { todayIso } from "../ui/time.ts";
import { createEvent, EVENT_CONTENT_TYPE, updateEvent } from "./commands.ts";
import {
  type EventRow,
  eventDatabaseErrors,
  eventFormChoices,
  findEventBySlug,
  findEventLinks,
} from "./form-queries.ts";
import { BENEFIT_REMOVED_MESSAGE, benefitMustGo } from "./form-rules.ts";
import { EVENT_LIST_FIELDS, eventForm, toEventFields, toEventLinks } from "./forms.ts";
import { EventForm, EventImportPlaceholder } from "./views/event-form.tsx";

type SlugParams = { Params: { slug: string } };

/** What the form shows: single values, chosen ids of the multi-selects, and errors if any. */
interface FormState {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  errors?: FieldErrors;
}

const RACE_ERROR =
  "Someone saved an event with the same slug or URL a moment ago. Check them and save again.";

export async function eventFormRoutes(app: FastifyInstance) {
  const canAdd = { config: { access: access.permission("workshops.add_event") } };
  const canEdit = { config: { access: access.permission("workshops.change_event", "workshops.add_task") } };
  const reports = app.config.reportsLink;
  const offering = { allocatedBenefit: app.config.serviceOffering };
  /** The submission; without the service offering the form has no benefit field, so none is read. */
  const submitted = (body: unknown) => withoutBenefit(body, offering.allocatedBenefit);

  app.get("/workshops/events/add/", canAdd, async (request, reply) =>
    showEventForm(app, request, reply, undefined, { values: { public_status: "public" }, lists: {} }),
  );

  app.post("/workshops/events/add/", canAdd, async (request, reply) => {
    const form = parseForm(eventForm, submitted(request.body), { lists: EVENT_LIST_FIELDS });
    if (!form.ok) return showEventForm(app, request, reply, undefined, form);
    const errors = await eventDatabaseErrors(app.db, form.data);
    if (errors) return showEventForm(app, request, reply, undefined, resubmitted(request, errors));
    try {
      const created = await app.db.transaction(async (tx) => {
        const input = {
          fields: toEventFields(form.data, offering),
          links: toEventLinks(form.data, "create"),
        };
        const row = await createEvent(tx, input, request.user, reports);
        if (form.data.comment)
          await addAutomaticComment(tx, {
            contentType: EVENT_CONTENT_TYPE,
            objectPk: row.id,
            text: form.data.comment,
          });
        return row;
      });
      flash(request, "success", `${created.slug} was created successfully.`);
      return reply.redirect(`/workshops/event/${created.slug}/`, 303);
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
      return showEventForm(app, request, reply, undefined, resubmitted(request, { __all__: [RACE_ERROR] }));
    }
  });

  app.get<SlugParams>("/workshops/event/:slug/edit/", canEdit, async (request, reply) => {
    const target = await loadEvent(app, request.params.slug);
    const links = await findEventLinks(app.db, target.id);
    const lists = {
      tags: links.tagIds.map(String),
      curricula: links.curriculumIds.map(String),
      lessons: links.lessonIds.map(String),
    };
    return showEventForm(app, request, reply, target, { values: eventFormValues(target), lists });
  });

  app.post<SlugParams>("/workshops/event/:slug/edit/", canEdit, async (request, reply) => {
    const target = await loadEvent(app, request.params.slug);
    const form = parseForm(eventForm, submitted(request.body), { lists: EVENT_LIST_FIELDS });
    if (!form.ok) return showEventForm(app, request, reply, target, form);
    const links = await findEventLinks(app.db, target.id);
    const stored = { id: target.id, links, eventCategoryId: target.eventCategoryId };
    const errors = await eventDatabaseErrors(app.db, form.data, stored);
    if (errors) return showEventForm(app, request, reply, target, resubmitted(request, errors));
    const fields = toEventFields(form.data, offering);
    const dropBenefit = benefitMustGo(
      fields.membershipId,
      fields.allocatedBenefitId ?? target.allocatedBenefitId,
    );
    if (dropBenefit) fields.allocatedBenefitId = null;
    try {
      const saved = await app.db.transaction(async (tx) => {
        const input = { fields, links: toEventLinks(form.data, "edit") };
        const row = await updateEvent(tx, target, input, request.user, reports);
        if (form.data.comment)
          await addAutomaticComment(tx, {
            contentType: EVENT_CONTENT_TYPE,
            objectPk: row.id,
            text: form.data.comment,
          });
        return row;
      });
      flash(request, "success", `${saved.slug} was updated successfully.`);
      if (dropBenefit) flash(request, "warning", BENEFIT_REMOVED_MESSAGE);
      return reply.redirect(`/workshops/event/${saved.slug}/`, 303);
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
      return showEventForm(app, request, reply, target, resubmitted(request, { __all__: [RACE_ERROR] }));
    }
  });
}

async function loadEvent(app: FastifyInstance, slug: string): Promise<EventRow> {
  const found = await findEventBySlug(app.db, slug);
  if (!found) throw new NotFoundError("There is no event with this slug.");
  return found;
}

/** The stored event as the form's text values. */
function eventFormValues(row: EventRow): Record<string, string> {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    slug: row.slug,
    completed: row.completed ? "on" : "",
    start: text(row.start),
    end: text(row.end),
    host: text(row.hostId),
    sponsor: text(row.sponsorId),
    administrator: text(row.administratorId),
    public_status: row.publicStatus,
    assigned_to: text(row.assignedToId),
    open_TTT_applications: row.openTttApplications ? "on" : "",
    url: text(row.url),
    language: text(row.languageId),
    reg_key: row.regKey,
    manual_attendance: String(row.manualAttendance),
    contact: row.contact,
    instructors_pre: row.instructorsPre,
    country: text(row.country),
    venue: row.venue,
    address: row.address,
    latitude: text(row.latitude),
    longitude: text(row.longitude),
    membership: text(row.membershipId),
    allocated_benefit: text(row.allocatedBenefitId),
    event_category: text(row.eventCategoryId),
  };
}

/** The submitted body without `allocated_benefit` when the form does not offer that field. */
function withoutBenefit(body: unknown, allocatedBenefit: boolean): unknown {
  if (allocatedBenefit || !body || typeof body !== "object") return body;
  const { allocated_benefit: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}

function resubmitted(request: FastifyRequest, errors: FieldErrors): FormState {
  return {
    values: submittedValues(request.body),
    lists: submittedLists(request.body, EVENT_LIST_FIELDS),
    errors,
  };
}

/** The create page (no target) or the edit page, with what the user entered and the errors beside it. */
async function showEventForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  target: EventRow | undefined,
  state: FormState,
) {
  if (state.errors) flash(request, "error", "Please fix errors in the form below.");
  const ids = (name: string) => (state.lists[name] ?? []).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  const values = { ...state.values };
  if (state.lists.contact?.length) values.contact = state.lists.contact.join(";");
  const choices = await eventFormChoices(app.db, {
    tags: ids("tags"),
    curricula: ids("curricula"),
    lessons: ids("lessons"),
    values,
    keepCategory: target?.eventCategoryId ?? null,
    today: todayIso(),
  });
  const form = (
    <EventForm
      action={target ? `/workshops/event/${target.slug}/edit/` : "/workshops/events/add/"}
      mode={target ? "edit" : "create"}
      submitLabel={target ? "Save" : "Create event"}
      values={values}
      lists={state.lists}
      errors={state.errors}
      choices={choices}
      allocatedBenefit={app.config.serviceOffering}
    />
  );
  return reply.page(
    target ? target.slug : "New event",
    <>
      {target ? (
        <EventImportPlaceholder mode="update" url={target.url ?? ""} />
      ) : (
        <EventImportPlaceholder mode="create" />
      )}
      {form}
    </>,
  );
}
