import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listComments } from "../../comments/index.ts";
import type { Executor } from "../../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../../history/index.ts";
import { access, hasPermission } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { fieldErrors } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import { BlockedDeletePage } from "../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../ui/pagination.ts";
import { accountBenefitPath, consortiumPath, partnershipDisplay, partnershipPath } from "../rules.ts";
import { offeringRoute } from "../service-offering.ts";
import { CONSORTIUM_CONTENT_TYPE, createConsortium, deleteConsortium, updateConsortium } from "./commands.ts";
import { type ConsortiumFormValues, consortiumForm, consortiumFormValues } from "./forms.ts";
import {
  type ConsortiumRow,
  countConsortia,
  findConsortium,
  findOrganisationsByIds,
  listConsortia,
  organisationIdsOf,
  organisationsOfConsortia,
} from "./queries.ts";
import {
  CONSORTIA_PATH,
  consortiumBlockingGroups,
  consortiumDisplay,
  parseConsortiumFilters,
} from "./rules.ts";
import { ConsortiumDetailsPage } from "./views/details.tsx";
import { ConsortiumFormPage } from "./views/form.tsx";
import { ConsortiumListPage } from "./views/list.tsx";

type Query = { Querystring: Record<string, unknown> };
type IdParams = { Params: { id: string } };

const VIEW = "fiscal.view_consortium";
const ADD = "fiscal.add_consortium";
const CHANGE = "fiscal.change_consortium";
const DELETE = "fiscal.delete_consortium";
const FIX_ERRORS = "Please fix errors in the form below.";

export async function consortiaRoutes(app: FastifyInstance) {
  registerObjectPage(CONSORTIUM_CONTENT_TYPE, async (db, objectPk) => {
    const row = /^\d{1,9}$/.test(objectPk) ? await findConsortium(db, Number(objectPk)) : undefined;
    return row && consortiumPath(row.id);
  });

  const canView = offeringRoute(app, access.permission(VIEW));
  app.get<Query>(CONSORTIA_PATH, canView, async (request, reply) => {
    const { filters, errors } = parseConsortiumFilters(request.query);
    const info = resolvePage(parsePageRequest(request.query), await countConsortia(app.db, filters));
    const rows = await listConsortia(app.db, filters, { limit: info.perPage, offset: info.offset });
    const [organisations, chosen] = await Promise.all([
      organisationsOfConsortia(
        app.db,
        rows.map((row) => row.id),
      ),
      findOrganisationsByIds(app.db, filters.containsOrganisations),
    ]);
    return reply.page(
      "Consortiums",
      <ConsortiumListPage
        rows={rows.map((row) => ({ ...row, organisations: organisations.get(row.id) ?? [] }))}
        info={info}
        query={new URLSearchParams(request.url.split("?")[1] ?? "")}
        chosenOrganisations={chosen}
        orderBy={filters.orderBy}
        filterErrors={errors}
        canAdd={request.user !== null && hasPermission(request.user, ADD)}
      />,
    );
  });

  const canAdd = offeringRoute(app, access.permission(ADD));
  app.get(`${CONSORTIA_PATH}create/`, canAdd, async (_request, reply) => showCreateForm(app.db, reply, {}));

  app.post(`${CONSORTIA_PATH}create/`, canAdd, async (request, reply) => {
    const values = consortiumFormValues(request.body);
    const parsed = consortiumForm.safeParse(values);
    const outcome = parsed.success
      ? await createConsortium(app.db, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showCreateForm(app.db, reply, values, outcome.errors);
    }
    return savedRedirect(request, reply, outcome.consortium, "created");
  });

  app.get<IdParams>(`${CONSORTIA_PATH}:id/`, canView, async (request, reply) => {
    const row = await loadConsortium(app.db, request.params.id);
    const user = request.user;
    const [organisations, history, comments] = await Promise.all([
      organisationsOfConsortia(app.db, [row.id]),
      firstAndLastVersion(app.db, CONSORTIUM_CONTENT_TYPE, row.id),
      listComments(app.db, CONSORTIUM_CONTENT_TYPE, row.id),
    ]);
    return reply.page(
      `Consortium ${consortiumDisplay(row)}`,
      <ConsortiumDetailsPage
        consortium={row}
        organisations={organisations.get(row.id) ?? []}
        history={history}
        comments={comments}
        contentType={CONSORTIUM_CONTENT_TYPE}
        canChange={user !== null && hasPermission(user, CHANGE)}
        canDelete={user !== null && hasPermission(user, DELETE)}
      />,
    );
  });

  const canChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<IdParams>(`${CONSORTIA_PATH}:id/edit/`, canChange, async (request, reply) => {
    const row = await loadConsortium(app.db, request.params.id);
    const values = {
      name: row.name,
      description: row.description,
      organisations: (await organisationIdsOf(app.db, row.id)).map(String),
    };
    return showEditForm(app.db, reply, row, values);
  });

  app.post<IdParams>(`${CONSORTIA_PATH}:id/edit/`, canChange, async (request, reply) => {
    const row = await loadConsortium(app.db, request.params.id);
    const values = consortiumFormValues(request.body);
    const parsed = consortiumForm.safeParse(values);
    const outcome = parsed.success
      ? await updateConsortium(app.db, row.id, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showEditForm(app.db, reply, row, values, outcome.errors);
    }
    return savedRedirect(request, reply, outcome.consortium, "updated");
  });

  const canDelete = offeringRoute(app, access.permission(DELETE));
  app.post<IdParams>(`${CONSORTIA_PATH}:id/delete/`, canDelete, async (request, reply) => {
    const row = await loadConsortium(app.db, request.params.id);
    const outcome = await deleteConsortium(app.db, row, request.user);
    if (!outcome.deleted) {
      const { partnerships, accountBenefits } = outcome.blockers;
      const groups = consortiumBlockingGroups({
        partnerships: partnerships.map((item) => ({
          text: partnershipDisplay(item),
          href: partnershipPath(item.id),
        })),
        accountBenefits: accountBenefits.map((item) => ({
          text: `${item.benefitName} (${item.startDate} – ${item.endDate})`,
          href: accountBenefitPath(item.id),
        })),
      });
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage subject={consortiumDisplay(row)} groups={groups} back={consortiumPath(row.id)} />,
        { status: 409 },
      );
    }
    flash(request, "success", `${consortiumDisplay(row)} was deleted successfully.`);
    return reply.redirect(CONSORTIA_PATH, 303);
  });
}

/** The consortium the URL names; anything but an existing id is a 404. */
async function loadConsortium(db: Executor, id: string): Promise<ConsortiumRow> {
  const row = /^\d{1,9}$/.test(id) ? await findConsortium(db, Number(id)) : undefined;
  if (!row) throw new NotFoundError("There is no consortium with this id.");
  return row;
}

/** The organisations a form names, to show them chosen again. */
function chosenOrganisations(db: Executor, values: ConsortiumFormValues) {
  const chosen = values.organisations;
  const ids = (Array.isArray(chosen) ? chosen : []).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  return findOrganisationsByIds(db, ids);
}

async function showCreateForm(
  db: Executor,
  reply: FastifyReply,
  values: ConsortiumFormValues,
  errors?: FieldErrors,
) {
  return reply.page(
    "Create a new consortium",
    <ConsortiumFormPage
      action={`${CONSORTIA_PATH}create/`}
      values={values}
      organisations={await chosenOrganisations(db, values)}
      errors={errors}
      submitLabel="Create consortium"
      cancelHref={CONSORTIA_PATH}
    />,
  );
}

async function showEditForm(
  db: Executor,
  reply: FastifyReply,
  row: ConsortiumRow,
  values: ConsortiumFormValues,
  errors?: FieldErrors,
) {
  const path = consortiumPath(row.id);
  return reply.page(
    `Edit consortium ${consortiumDisplay(row)}`,
    <ConsortiumFormPage
      action={`${path}edit/`}
      values={values}
      organisations={await chosenOrganisations(db, values)}
      errors={errors}
      submitLabel="Save changes"
      cancelHref={path}
    />,
  );
}

function savedRedirect(
  request: FastifyRequest,
  reply: FastifyReply,
  row: ConsortiumRow,
  verb: "created" | "updated",
) {
  flash(request, "success", `Consortium ${consortiumDisplay(row)} was ${verb} successfully.`);
  return reply.redirect(consortiumPath(row.id), 303);
}
