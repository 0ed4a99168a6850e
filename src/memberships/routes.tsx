import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { safeNextPath } from "../accounts/index.ts";
import { listComments } from "../comments/index.ts";
import type { Executor } from "../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../history/index.ts";
import { findOrganizationById, organizationDisplay } from "../organizations/index.ts";
import { access, hasPermission } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { fieldErrors } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { BlockedDeletePage } from "../ui/blocked-delete.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { todayIso } from "../ui/time.ts";
import { membershipFigures } from "./accounting.ts";
import { createMembership, deleteMembership, MEMBERSHIP_CONTENT_TYPE, updateMembership } from "./commands.ts";
import {
  findMembershipDetails,
  type MembershipDetails,
  type MembershipNeighbour,
  predecessorOf,
} from "./detail-queries.ts";
import {
  CREATE_FORM_DEFAULTS,
  type EditFormShape,
  editFormValues,
  type FormValues,
  membershipCreateForm,
  membershipEditForm,
  membershipFormValues,
} from "./forms.ts";
import { countMemberships, listMemberships, parseMembershipListFilters } from "./list-queries.ts";
import { findMembership, type MembershipRow, oneMembershipUsage } from "./queries.ts";
import { addOneYearMinusOneDay, isFullYear, membershipDisplay, membershipPath } from "./rules.ts";
import { blockedDeleteGroups, MembershipDetailsPage } from "./views/details.tsx";
import { MembershipFormPage } from "./views/form.tsx";
import { ADD_MEMBERSHIP_PATH, MEMBERSHIPS_PATH, MembershipListPage } from "./views/list.tsx";

type Query = { Querystring: Record<string, unknown> };
type IdParams = { Params: { id: string }; Querystring: Record<string, unknown> };

const ADD = "workshops.add_membership";
const CHANGE = "workshops.change_membership";
const DELETE = "workshops.delete_membership";
const CHANGE_ORGANIZATION = "workshops.change_organization";
const FIX_ERRORS = "Please fix errors in the form below.";

function can(request: FastifyRequest, permission: string): boolean {
  return request.user !== null && hasPermission(request.user, permission);
}

/** The membership the URL names, or a 404 (also for an id that is not a number). */
async function loadMembership(db: Executor, id: string): Promise<MembershipRow> {
  const row = /^\d{1,9}$/.test(id) ? await findMembership(db, Number(id)) : undefined;
  if (!row) throw new NotFoundError("There is no membership with this id.");
  return row;
}

async function neighboursOf(db: Executor, row: MembershipRow) {
  const [predecessor, successor] = await Promise.all([
    predecessorOf(db, row.id),
    row.rolledToMembershipId === null ? undefined : findMembership(db, row.rolledToMembershipId),
  ]);
  return { predecessor, successor };
}

/** The membership the URL names with what its page shows beside it, or a 404. */
async function loadMembershipDetails(db: Executor, id: string): Promise<MembershipDetails> {
  const details = /^\d{1,9}$/.test(id) ? await findMembershipDetails(db, Number(id)) : undefined;
  if (!details) throw new NotFoundError("There is no membership with this id.");
  return details;
}

const link = (row: MembershipNeighbour | undefined) => row && { id: row.id, display: membershipDisplay(row) };

export async function membershipsRoutes(app: FastifyInstance) {
  registerObjectPage(MEMBERSHIP_CONTENT_TYPE, async (db, objectPk) => {
    const row = /^\d{1,9}$/.test(objectPk) ? await findMembership(db, Number(objectPk)) : undefined;
    return row && membershipPath(row.id);
  });

  app.get<Query>(MEMBERSHIPS_PATH, { config: { access: access.admin } }, async (request, reply) => {
    const { filters, errors } = parseMembershipListFilters(request.query);
    const today = todayIso();
    const info = resolvePage(parsePageRequest(request.query), await countMemberships(app.db, filters, today));
    const rows = await listMemberships(app.db, filters, today, { limit: info.perPage, offset: info.offset });
    return reply.page(
      "All Memberships",
      <MembershipListPage
        rows={rows}
        info={info}
        query={new URLSearchParams(request.url.split("?")[1] ?? "")}
        filterErrors={errors}
        canAdd={can(request, ADD)}
        canChange={can(request, CHANGE)}
      />,
    );
  });

  const canAdd = { config: { access: access.permission(ADD, CHANGE_ORGANIZATION) } };
  app.get<Query>(ADD_MEMBERSHIP_PATH, canAdd, async (request, reply) => {
    // The organisation page's "Add membership" button names the organisation: choose it already.
    const organization = typeof request.query.organization === "string" ? request.query.organization : "";
    const values = { ...CREATE_FORM_DEFAULTS, main_organization: organization };
    return showCreateForm(app.db, reply, values);
  });

  app.post(ADD_MEMBERSHIP_PATH, canAdd, async (request, reply) => {
    const values = membershipFormValues(request.body);
    const parsed = membershipCreateForm.safeParse(values);
    const outcome = parsed.success
      ? await createMembership(app.db, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showCreateForm(app.db, reply, values, outcome.errors);
    }
    const row = outcome.membership;
    if (!isFullYear(row.agreementStart, row.agreementEnd)) {
      flash(
        request,
        "warning",
        `The agreement end date is not a full year from the start date: a one-year membership starting on ${row.agreementStart} ends on ${addOneYearMinusOneDay(row.agreementStart)}.`,
      );
    }
    flash(request, "success", `${membershipDisplay(row)} was created successfully.`);
    const path = membershipPath(row.id);
    return reply.redirect(row.consortium ? `${path}members/` : path, 303);
  });

  app.get<IdParams>(
    "/fiscal/membership/:id/",
    { config: { access: access.admin } },
    async (request, reply) => {
      const details = await loadMembershipDetails(app.db, request.params.id);
      const row = details.membership;
      const [usage, history, comments] = await Promise.all([
        oneMembershipUsage(app.db, row.id, todayIso()),
        firstAndLastVersion(app.db, MEMBERSHIP_CONTENT_TYPE, row.id),
        listComments(app.db, MEMBERSHIP_CONTENT_TYPE, row.id),
      ]);
      const display = membershipDisplay(row);
      return reply.page(
        display,
        <MembershipDetailsPage
          membership={row}
          display={display}
          predecessor={link(details.predecessor)}
          successor={link(details.successor)}
          members={details.members}
          persons={details.persons}
          figures={membershipFigures(row, usage)}
          seatTasks={details.seatTasks}
          events={details.events}
          history={history}
          comments={comments}
          contentType={MEMBERSHIP_CONTENT_TYPE}
          can={{
            change: can(request, CHANGE),
            rollOver: can(request, ADD) && can(request, CHANGE) && details.successor === undefined,
            delete: can(request, DELETE),
          }}
        />,
      );
    },
  );

  const canChange = { config: { access: access.permission(CHANGE) } };
  app.get<IdParams>("/fiscal/membership/:id/edit/", canChange, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const neighbours = await neighboursOf(app.db, row);
    return showEditForm(request, reply, row, shapeOf(row, neighbours), editFormValues(row));
  });

  app.post<IdParams>("/fiscal/membership/:id/edit/", canChange, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const neighbours = await neighboursOf(app.db, row);
    const shape = shapeOf(row, neighbours);
    const values = membershipFormValues(request.body);
    const parsed = membershipEditForm(shape).safeParse(values);
    const user = request.user;
    if (!user) throw new Error("the permission rule let an anonymous visitor in");
    const outcome = parsed.success
      ? await updateMembership(app.db, row, parsed.data, neighbours, user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showEditForm(request, reply, row, shape, values, outcome.errors);
    }
    flash(request, "success", `${membershipDisplay(outcome.membership)} was updated successfully.`);
    return reply.redirect(nextOr(request, membershipPath(row.id)), 303);
  });

  const canDelete = { config: { access: access.permission(DELETE) } };
  app.post<IdParams>("/fiscal/membership/:id/delete/", canDelete, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const outcome = await deleteMembership(app.db, row, request.user);
    const display = membershipDisplay(row);
    if (!outcome.deleted) {
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage
          subject={display}
          groups={blockedDeleteGroups(outcome.blockers)}
          back={membershipPath(row.id)}
        />,
        { status: 409 },
      );
    }
    flash(request, "success", `${display} was deleted successfully.`);
    return reply.redirect(MEMBERSHIPS_PATH, 303);
  });
}

function shapeOf(
  row: MembershipRow,
  neighbours: { predecessor: MembershipRow | undefined; successor: MembershipRow | undefined },
): EditFormShape {
  return {
    hasSuccessor: neighbours.successor !== undefined,
    hasPredecessor: neighbours.predecessor !== undefined,
    extensions: row.extensions,
  };
}

/** The `next` query parameter when it is a path on this site, otherwise the fallback. */
function nextOr(request: FastifyRequest<IdParams>, fallback: string): string {
  const next = request.query.next;
  return typeof next === "string" && safeNextPath(next) === next ? next : fallback;
}

/** The chosen main organisation as the select's one option (the lookup fetches the others). */
async function chosenOrganization(db: Executor, id: string | undefined) {
  if (!id || !/^\d{1,9}$/.test(id)) return undefined;
  const row = await findOrganizationById(db, Number(id));
  return row && { id: row.id, display: organizationDisplay(row) };
}

async function showCreateForm(db: Executor, reply: FastifyReply, values: FormValues, errors?: FieldErrors) {
  return reply.page(
    "New membership",
    <MembershipFormPage
      action={ADD_MEMBERSHIP_PATH}
      values={values}
      errors={errors}
      create={{ organization: await chosenOrganization(db, values.main_organization) }}
      submitLabel="Add membership"
      cancelHref={MEMBERSHIPS_PATH}
    />,
  );
}

function showEditForm(
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  row: MembershipRow,
  shape: EditFormShape,
  values: FormValues,
  errors?: FieldErrors,
) {
  const path = membershipPath(row.id);
  const next = nextOr(request, "");
  return reply.page(
    `Edit ${membershipDisplay(row)}`,
    <MembershipFormPage
      action={next ? `${path}edit/?next=${encodeURIComponent(next)}` : `${path}edit/`}
      values={values}
      errors={errors}
      edit={{
        hasSuccessor: shape.hasSuccessor,
        hasPredecessor: shape.hasPredecessor,
        extensionCount: shape.extensions.length,
      }}
      submitLabel="Save changes"
      cancelHref={next || path}
    />,
  );
}
