import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listComments } from "../comments/index.ts";
import type { Executor } from "../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../history/index.ts";
import { MEMBERSHIP_VARIANTS } from "../memberships/rules.ts";
import { countryName } from "../reference/index.ts";
import { access, hasPermission } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { fieldErrors } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { BlockedDeletePage } from "../ui/blocked-delete.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { todayIso } from "../ui/time.ts";
import {
  createOrganization,
  deleteOrganization,
  ORGANIZATION_CONTENT_TYPE,
  updateOrganization,
} from "./commands.ts";
import { blockedDeleteGroups } from "./delete-blockers.ts";
import { organizationCreateForm, organizationForm, organizationFormValues } from "./forms.ts";
import {
  accountOfOrganization,
  currentMembershipsOf,
  membershipsOfOrganization,
  partnershipsOfOrganization,
} from "./membership-queries.ts";
import {
  affiliatedIds,
  countOrganizations,
  eventsOfOrganization,
  findOrganizationByDomain,
  findOrganizationById,
  findOrganizationsByIds,
  listOrganizations,
  type OrganizationRow,
  organizationCountries,
} from "./queries.ts";
import { organizationDisplay, organizationPath, parseListFilters } from "./rules.ts";
import { OrganizationDetailsPage } from "./views/details.tsx";
import { OrganizationFormPage } from "./views/form.tsx";
import { LIST_PATH, OrganizationListPage } from "./views/list.tsx";

type Query = { Querystring: Record<string, unknown> };
type DomainParams = { Params: { org_domain: string } };
type FormValues = Record<string, string | string[] | undefined>;

const ADD = "workshops.add_organization";
const CHANGE = "workshops.change_organization";
const DELETE = "workshops.delete_organization";
const ADD_MEMBERSHIP = "workshops.add_membership";
const CHANGE_MEMBERSHIP = "workshops.change_membership";
const ADD_PARTNERSHIP = "fiscal.add_partnership";
const VARIANT_VALUES = MEMBERSHIP_VARIANTS.map((choice) => choice.value);
const FIX_ERRORS = "Please fix errors in the form below.";

export async function organizationsRoutes(app: FastifyInstance) {
  registerObjectPage(ORGANIZATION_CONTENT_TYPE, async (db, objectPk) => {
    const row = /^\d{1,9}$/.test(objectPk) ? await findOrganizationById(db, Number(objectPk)) : undefined;
    return row && organizationPath(row.domain);
  });

  app.get<Query>(LIST_PATH, { config: { access: access.admin } }, async (request, reply) => {
    const countries = await organizationCountries(app.db);
    const { filters, errors } = parseListFilters(request.query, countries, VARIANT_VALUES);
    const info = resolvePage(parsePageRequest(request.query), await countOrganizations(app.db, filters));
    const rows = await listOrganizations(app.db, filters, { limit: info.perPage, offset: info.offset });
    const current = await currentMembershipsOf(
      app.db,
      rows.map((row) => row.id),
      todayIso(),
    );
    return reply.page(
      "All Organizations",
      <OrganizationListPage
        rows={rows}
        currentMemberships={current}
        info={info}
        query={new URLSearchParams(request.url.split("?")[1] ?? "")}
        countries={countries.map((code) => ({ value: code, label: countryName(code) }))}
        variants={MEMBERSHIP_VARIANTS}
        filters={{
          country: filters.country,
          memberships__variant: filters.membershipVariants,
          order_by: filters.orderBy,
        }}
        filterErrors={errors}
        canAdd={request.user !== null && hasPermission(request.user, ADD)}
        canChange={request.user !== null && hasPermission(request.user, CHANGE)}
      />,
    );
  });

  const canAdd = { config: { access: access.permission(ADD) } };
  app.get<Query>("/fiscal/organizations/add/", canAdd, async (request, reply) => {
    const prefill = (name: string) =>
      typeof request.query[name] === "string" ? request.query[name] : undefined;
    const values = { domain: prefill("domain"), fullname: prefill("fullname"), comment: prefill("comment") };
    return showCreateForm(reply, values, []);
  });

  app.post("/fiscal/organizations/add/", canAdd, async (request, reply) => {
    const values = organizationFormValues(request.body);
    const parsed = organizationCreateForm.safeParse(values);
    const outcome = parsed.success
      ? await createOrganization(app.db, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showCreateForm(reply, values, await chosenAffiliations(app.db, values), outcome.errors);
    }
    return savedRedirect(request, reply, outcome.organization, "created");
  });

  app.get<DomainParams>(
    "/fiscal/organization/:org_domain/",
    { config: { access: access.admin } },
    async (request, reply) => {
      const row = await loadOrganization(app.db, request.params.org_domain);
      const user = request.user;
      const may = (permission: string) => user !== null && hasPermission(user, permission);
      const offering = app.config.serviceOffering;
      const [history, affiliated, events, comments, memberships, offeringParts] = await Promise.all([
        firstAndLastVersion(app.db, ORGANIZATION_CONTENT_TYPE, row.id),
        affiliatedIds(app.db, row.id).then((ids) => findOrganizationsByIds(app.db, ids)),
        eventsOfOrganization(app.db, row.id),
        listComments(app.db, ORGANIZATION_CONTENT_TYPE, row.id),
        membershipsOfOrganization(app.db, row.id, todayIso()),
        offering
          ? Promise.all([accountOfOrganization(app.db, row.id), partnershipsOfOrganization(app.db, row.id)])
          : undefined,
      ]);
      return reply.page(
        `Organization ${organizationDisplay(row)}`,
        <OrganizationDetailsPage
          organization={row}
          history={history}
          affiliated={affiliated}
          events={events}
          memberships={memberships}
          offering={
            offeringParts && {
              account: offeringParts[0],
              partnerships: offeringParts[1],
              canAddPartnership: may(ADD_PARTNERSHIP),
            }
          }
          comments={comments}
          contentType={ORGANIZATION_CONTENT_TYPE}
          canChange={may(CHANGE)}
          canDelete={may(DELETE)}
          canAddMembership={may(ADD_MEMBERSHIP) && may(CHANGE)}
          canChangeMembership={may(CHANGE_MEMBERSHIP)}
        />,
      );
    },
  );

  const canChange = { config: { access: access.permission(CHANGE) } };
  app.get<DomainParams>("/fiscal/organization/:org_domain/edit/", canChange, async (request, reply) => {
    const row = await loadOrganization(app.db, request.params.org_domain);
    const affiliated = await findOrganizationsByIds(app.db, await affiliatedIds(app.db, row.id));
    return showEditForm(reply, row, editValues(row), affiliated);
  });

  app.post<DomainParams>("/fiscal/organization/:org_domain/edit/", canChange, async (request, reply) => {
    const row = await loadOrganization(app.db, request.params.org_domain);
    const values = organizationFormValues(request.body);
    const parsed = organizationForm.safeParse(values);
    const outcome = parsed.success
      ? await updateOrganization(app.db, row.id, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showEditForm(reply, row, values, await chosenAffiliations(app.db, values), outcome.errors);
    }
    return savedRedirect(request, reply, outcome.organization, "updated");
  });

  const canDelete = { config: { access: access.permission(DELETE) } };
  app.get("/fiscal/organization/:org_domain/delete/", canDelete, async (_request, reply) =>
    reply
      .header("allow", "POST")
      .page("Method not allowed", <p>Delete an organisation with the button on its page.</p>, {
        status: 405,
      }),
  );

  app.post<DomainParams>("/fiscal/organization/:org_domain/delete/", canDelete, async (request, reply) => {
    const row = await loadOrganization(app.db, request.params.org_domain);
    const outcome = await deleteOrganization(app.db, row, request.user);
    if (!outcome.deleted) {
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage
          subject={organizationDisplay(row)}
          groups={blockedDeleteGroups(outcome.blockers)}
          back={organizationPath(row.domain)}
        />,
        { status: 409 },
      );
    }
    flash(request, "success", `${organizationDisplay(row)} was deleted successfully.`);
    return reply.redirect(LIST_PATH, 303);
  });
}

/** The organisation the URL names; the router has already decoded `%2F` back to `/`. */
async function loadOrganization(db: Executor, domain: string): Promise<OrganizationRow> {
  const row = await findOrganizationByDomain(db, domain);
  if (!row) throw new NotFoundError("There is no organisation with this domain.");
  return row;
}

/** The organisations a submitted form chose as affiliated, to show them chosen again. */
function chosenAffiliations(db: Executor, values: FormValues): Promise<OrganizationRow[]> {
  const chosen = values.affiliated_organizations;
  const ids = (Array.isArray(chosen) ? chosen : []).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  return findOrganizationsByIds(db, ids);
}

function editValues(row: OrganizationRow): FormValues {
  return {
    domain: row.domain,
    fullname: row.fullname,
    country: row.country ?? "",
    latitude: row.latitude === null ? "" : String(row.latitude),
    longitude: row.longitude === null ? "" : String(row.longitude),
  };
}

function showCreateForm(
  reply: FastifyReply,
  values: FormValues,
  affiliated: OrganizationRow[],
  errors?: FieldErrors,
) {
  return reply.page(
    "New organization",
    <OrganizationFormPage
      action="/fiscal/organizations/add/"
      values={values}
      affiliated={affiliated}
      errors={errors}
      withComment
      submitLabel="Add organisation"
      cancelHref={LIST_PATH}
    />,
  );
}

function showEditForm(
  reply: FastifyReply,
  row: OrganizationRow,
  values: FormValues,
  affiliated: OrganizationRow[],
  errors?: FieldErrors,
) {
  const path = organizationPath(row.domain);
  return reply.page(
    `Edit ${organizationDisplay(row)}`,
    <OrganizationFormPage
      action={`${path}edit/`}
      values={values}
      affiliated={affiliated}
      errors={errors}
      withComment={false}
      submitLabel="Save changes"
      cancelHref={path}
    />,
  );
}

function savedRedirect(
  request: FastifyRequest,
  reply: FastifyReply,
  row: OrganizationRow,
  verb: "created" | "updated",
) {
  flash(request, "success", `${organizationDisplay(row)} was ${verb} successfully.`);
  return reply.redirect(organizationPath(row.domain), 303);
}
