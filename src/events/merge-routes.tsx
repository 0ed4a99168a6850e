import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { parseForm, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { BlockedDeletePage } from "../ui/blocked-delete.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { EventMergeBlockedError, mergeEvents } from "./commands.ts";
import { type EventRow, findEventById } from "./form-queries.ts";
import { eventsMergeForm, initialMergeValues } from "./forms.ts";
import { loadMergeSide } from "./merge-queries.ts";
import { combinedTooLong, membershipAndBenefitClash, mergedFields } from "./merge-rules.ts";
import { EventsMergePage, EventsSelectionPage } from "./views/merge.tsx";

const MERGE_PATH = "/workshops/events/merge/";
const SAME_EVENT = "You cannot merge an event with itself.";

type Query = { Querystring: Record<string, unknown> };
type Pair = { kind: "none" } | { kind: "same"; event: EventRow } | { kind: "pair"; a: EventRow; b: EventRow };

export async function eventsMergeRoutes(app: FastifyInstance) {
  const mayMerge = {
    config: { access: access.permission("workshops.delete_event", "workshops.change_event") },
  };
  const reports = app.config.reportsLink;

  app.get<Query>(MERGE_PATH, mayMerge, async (request, reply) => {
    const pair = await loadPair(app, request.query);
    if (pair.kind === "pair") return showMergePage(app, request, reply, pair, initialMergeValues());
    return showSelection(request, reply, pair);
  });

  app.post<Query>(MERGE_PATH, mayMerge, async (request, reply) => {
    const pair = await loadPair(app, request.query);
    if (pair.kind !== "pair") return showSelection(request, reply, pair);
    const form = parseForm(eventsMergeForm, request.body);
    if (!form.ok) {
      flash(request, "error", "Fix errors in the form.");
      return showMergePage(app, request, reply, pair, form.values, form.errors);
    }
    const merged = mergedFields(form.data, pair.a, pair.b);
    const tooLong = { ...combinedTooLong(merged), ...membershipAndBenefitClash(merged) };
    if (Object.keys(tooLong).length > 0) {
      flash(request, "error", "Fix errors in the form.");
      return showMergePage(app, request, reply, pair, submittedValues(request.body), tooLong);
    }
    try {
      const outcome = await mergeEvents(
        app.db,
        { aId: pair.a.id, bId: pair.b.id, choices: form.data },
        request.user,
        reports,
      );
      flash(request, "success", "Events were merged successfully. You were redirected to the base event.");
      if (outcome.warnings.length > 0) flash(request, "warning", outcome.warnings.join(" "));
      return reply.redirect(`/workshops/event/${outcome.base.slug}/`, 303);
    } catch (error) {
      if (!(error instanceof EventMergeBlockedError)) throw error;
      const groups = [
        { label: error.referencedFrom, items: [{ text: `Records in ${error.referencedFrom} refer to it.` }] },
      ];
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage subject={error.slug} groups={groups} back={request.url} />,
        { status: 409 },
      );
    }
  });
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** The two events the query names; an id that names no event (or is no number) is a 404. */
async function loadPair(app: FastifyInstance, query: Record<string, unknown>): Promise<Pair> {
  const idA = text(query.event_a);
  const idB = text(query.event_b);
  if (!idA || !idB) return { kind: "none" };
  const a = await loadEvent(app, idA);
  const b = await loadEvent(app, idB);
  return a.id === b.id ? { kind: "same", event: a } : { kind: "pair", a, b };
}

async function loadEvent(app: FastifyInstance, param: string): Promise<EventRow> {
  const id = /^\d{1,9}$/.test(param) ? Number(param) : 0;
  const found = id > 0 ? await findEventById(app.db, id) : undefined;
  if (!found) throw new NotFoundError("There is no event with this id.");
  return found;
}

function showSelection(request: FastifyRequest, reply: FastifyReply, pair: Pair) {
  if (pair.kind !== "same") return reply.page("Merge Events", <EventsSelectionPage choices={[]} />);
  flash(request, "warning", SAME_EVENT);
  const id = String(pair.event.id);
  const choices = [{ value: id, label: pair.event.slug }];
  return reply.page("Merge Events", <EventsSelectionPage choices={choices} eventA={id} eventB={id} />);
}

async function showMergePage(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  pair: { a: EventRow; b: EventRow },
  values: Record<string, string>,
  errors?: FieldErrors,
) {
  const [a, b] = [await loadMergeSide(app.db, pair.a), await loadMergeSide(app.db, pair.b)];
  return reply.page(
    "Merge two events",
    <EventsMergePage a={a} b={b} action={request.url} values={values} errors={errors} />,
  );
}
