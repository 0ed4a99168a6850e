import type { FastifyInstance, FastifyReply } from "fastify";
import { listComments } from "../../comments/index.ts";
import type { Executor } from "../../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../../history/index.ts";
import { findOrganizationById } from "../../organizations/index.ts";
import { personDisplay } from "../../people/index.ts";
import { access, hasPermission } from "../../server/access.ts";
import { fieldErrors } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import { BlockedDeletePage } from "../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../ui/pagination.ts";
import { todayIso } from "../../ui/time.ts";
import { findConsortium } from "../consortia/queries.ts";
import { accountBenefitsOf, eventsUsing, tasksUsing } from "../offering/account-benefits/queries.ts";
import { accountEntityDisplays, creditsUsed, findPartnership } from "../queries.ts";
import {
  accountBenefitPath,
  accountDisplay,
  partnershipDisplay,
  partnershipPath,
  tierDisplay,
} from "../rules.ts";
import { offeringRoute } from "../service-offering.ts";
import {
  createPartnership,
  deletePartnership,
  PARTNERSHIP_CONTENT_TYPE,
  updatePartnership,
} from "./commands.ts";
import { partnershipForm, partnershipFormValues } from "./forms.ts";
import {
  ADD,
  CHANGE,
  DELETE,
  displayOf,
  FIX_ERRORS,
  formChoices,
  type IdParams,
  loadPartnership,
  storedValues,
  VIEW,
} from "./load.ts";
import {
  allTiers,
  countPartnerships,
  findAccount,
  findRolledFrom,
  listPartnerships,
  relatedCommunityRoles,
} from "./queries.ts";
import { overBudget, PARTNERSHIPS_PATH, parsePartnershipQuery, partnershipBlockingGroups } from "./rules.ts";
import { PartnershipDetailsPage } from "./views/details.tsx";
import { PartnershipForm } from "./views/form.tsx";
import { PartnershipListPage } from "./views/list.tsx";
import { partnershipWorkflowRoutes } from "./workflow-routes.tsx";

type Query = { Querystring: Record<string, unknown> };

export async function partnershipsRoutes(app: FastifyInstance) {
  registerObjectPage(PARTNERSHIP_CONTENT_TYPE, async (db, objectPk) => {
    const row = /^\d{1,9}$/.test(objectPk) ? await findPartnership(db, Number(objectPk)) : undefined;
    return row && partnershipPath(row.id);
  });

  const canView = offeringRoute(app, access.permission(VIEW));
  app.get<Query>(PARTNERSHIPS_PATH, canView, async (request, reply) => {
    const tiers = await allTiers(app.db);
    const { filters, errors } = parsePartnershipQuery(
      request.query,
      tiers.map((tier) => tier.id),
    );
    const listFilters = {
      activeOn: filters.activeOnly ? todayIso() : undefined,
      credits: filters.credits,
      tierId: filters.tierId,
      orderBy: filters.orderBy,
    };
    const info = resolvePage(parsePageRequest(request.query), await countPartnerships(app.db, listFilters));
    const rows = await listPartnerships(app.db, listFilters, { limit: info.perPage, offset: info.offset });
    return reply.page(
      "Partnerships",
      <PartnershipListPage
        rows={rows}
        info={info}
        query={new URLSearchParams(request.url.split("?")[1] ?? "")}
        tiers={tiers.map((tier) => ({ value: tier.id, label: tierDisplay(tier) }))}
        filters={filters}
        filterErrors={errors}
        canAdd={request.user !== null && hasPermission(request.user, ADD)}
      />,
    );
  });

  const canAdd = offeringRoute(app, access.permission(ADD));
  app.get(`${PARTNERSHIPS_PATH}create/`, canAdd, async (_request, reply) =>
    showForm(app.db, reply, "create", { public_status: "private" }),
  );

  app.post(`${PARTNERSHIPS_PATH}create/`, canAdd, async (request, reply) => {
    const values = partnershipFormValues(request.body);
    const parsed = partnershipForm.safeParse(values);
    const outcome = parsed.success
      ? await createPartnership(app.db, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(app.db, reply, "create", values, outcome.errors);
    }
    flash(request, "success", `Partnership ${outcome.partnership.name} was created successfully.`);
    return reply.redirect(partnershipPath(outcome.partnership.id), 303);
  });

  app.get<IdParams>(`${PARTNERSHIPS_PATH}:id/`, canView, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    const today = todayIso();
    const [
      used,
      account,
      organisation,
      consortium,
      rolledFrom,
      rolledTo,
      benefits,
      roles,
      history,
      comments,
    ] = await Promise.all([
      creditsUsed(app.db, [row.id]).then((map) => map.get(row.id) ?? 0),
      findAccount(app.db, row.accountId),
      row.partnerOrganisationId === null
        ? undefined
        : findOrganizationById(app.db, row.partnerOrganisationId),
      row.partnerConsortiumId === null ? undefined : findConsortium(app.db, row.partnerConsortiumId),
      findRolledFrom(app.db, row.id),
      row.rolledToPartnershipId === null ? undefined : findPartnership(app.db, row.rolledToPartnershipId),
      accountBenefitsOf(app.db, { partnershipId: row.id }),
      relatedCommunityRoles(app.db, row.id),
      firstAndLastVersion(app.db, PARTNERSHIP_CONTENT_TYPE, row.id),
      listComments(app.db, PARTNERSHIP_CONTENT_TYPE, row.id),
    ]);
    const benefitIds = benefits.map((benefit) => benefit.id);
    const [entity, tasks, events] = await Promise.all([
      accountEntityDisplays(app.db, [row.accountId]),
      tasksUsing(app.db, benefitIds),
      eventsUsing(app.db, benefitIds),
    ]);
    if (overBudget(used, row.credits)) {
      flash(request, "warning", "The credits allocated to this partnership exceed the credits allowed.");
    }
    const may = (permission: string) => request.user !== null && hasPermission(request.user, permission);
    return reply.page(
      displayOf(row),
      <PartnershipDetailsPage
        partnership={row}
        tier={
          row.tierName !== null && row.tierCredits !== null
            ? { name: row.tierName, credits: row.tierCredits }
            : null
        }
        creditsUsed={used}
        organisation={organisation ?? null}
        consortium={consortium ?? null}
        account={{
          id: row.accountId,
          display: accountDisplay(account?.accountType ?? "", entity.get(row.accountId) ?? null),
        }}
        rolledFrom={rolledFrom && { id: rolledFrom.id, display: partnershipDisplay(rolledFrom) }}
        rolledTo={rolledTo && { id: rolledTo.id, display: partnershipDisplay(rolledTo) }}
        accountBenefits={benefits}
        accountBenefitUsage={{ tasks, events }}
        communityRoles={roles}
        history={history}
        comments={comments}
        contentType={PARTNERSHIP_CONTENT_TYPE}
        today={today}
        can={{
          change: may(CHANGE),
          delete: may(DELETE),
          rollOver: may(ADD) && may(CHANGE),
          addAccountBenefit: may("offering.add_accountbenefit"),
        }}
      />,
    );
  });

  const canChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<IdParams>(`${PARTNERSHIPS_PATH}:id/edit/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    return showForm(app.db, reply, { edit: row.id, title: displayOf(row) }, storedValues(row));
  });

  app.post<IdParams>(`${PARTNERSHIPS_PATH}:id/edit/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    const values = partnershipFormValues(request.body);
    const parsed = partnershipForm.safeParse(values);
    const outcome = parsed.success
      ? await updatePartnership(app.db, row, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(app.db, reply, { edit: row.id, title: displayOf(row) }, values, outcome.errors);
    }
    if (outcome.relinkedTo !== undefined) {
      flash(
        request,
        "info",
        `The partner changed, so the partnership and its linked account benefits now belong to the account of ${outcome.relinkedTo}.`,
      );
    }
    flash(request, "success", `Partnership ${outcome.partnership.name} was updated successfully.`);
    return reply.redirect(partnershipPath(row.id), 303);
  });

  const canDelete = offeringRoute(app, access.permission(DELETE));
  app.post<IdParams>(`${PARTNERSHIPS_PATH}:id/delete/`, canDelete, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    const outcome = await deletePartnership(app.db, row, row.tierName, request.user);
    if (!outcome.deleted) {
      const groups = partnershipBlockingGroups({
        accountBenefits: outcome.accountBenefits.map((item) => ({
          text: `${item.benefit.name} (${item.startDate} – ${item.endDate}, allocation ${item.allocation})`,
          href: accountBenefitPath(item.id),
        })),
        communityRoles: outcome.communityRoles.map((item) => ({
          text: `${item.roleName}: ${personDisplay(item.person)}`,
        })),
      });
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage subject={displayOf(row)} groups={groups} back={partnershipPath(row.id)} />,
        { status: 409 },
      );
    }
    flash(request, "success", `${displayOf(row)} was deleted successfully.`);
    return reply.redirect(PARTNERSHIPS_PATH, 303);
  });

  await partnershipWorkflowRoutes(app);
}

async function showForm(
  db: Executor,
  reply: FastifyReply,
  mode: "create" | { edit: number; title: string },
  values: Record<string, string | undefined>,
  errors?: FieldErrors,
) {
  const creating = mode === "create";
  const path = creating ? PARTNERSHIPS_PATH : partnershipPath(mode.edit);
  return reply.page(
    creating ? "Create a new partnership" : `Edit ${mode.title}`,
    <PartnershipForm
      action={creating ? `${PARTNERSHIPS_PATH}create/` : `${path}edit/`}
      order="partner-first"
      values={values}
      errors={errors}
      choices={await formChoices(db, values)}
      submitLabel={creating ? "Create partnership" : "Save changes"}
      cancelHref={path}
    />,
  );
}
