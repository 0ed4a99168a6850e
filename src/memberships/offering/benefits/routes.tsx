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
import { benefitDisplay, benefitPath, isUuid } from "../../rules.ts";
import { offeringRoute } from "../../service-offering.ts";
import { accountBenefitsGroup } from "../blockers.ts";
import { FIX_ERRORS, may, type Query, queryOf, queryString, type UuidParams, uuidParam } from "../common.ts";
import { triStateValue } from "../list-filters.ts";
import { createBenefit, deleteBenefit, updateBenefit } from "./commands.ts";
import { benefitForm } from "./forms.ts";
import { type BenefitRow, countBenefits, findBenefit, listBenefits } from "./queries.ts";
import {
  ADD,
  BENEFIT_CONTENT_TYPE,
  BENEFIT_CREATE_PATH,
  BENEFITS_PATH,
  CHANGE,
  DELETE,
  parseBenefitFilters,
  VIEW,
} from "./rules.ts";
import { BenefitDetailsPage } from "./views/details.tsx";
import { BenefitFormPage, type BenefitFormValues } from "./views/form.tsx";
import { BenefitListPage } from "./views/list.tsx";

export async function benefitRoutes(app: FastifyInstance) {
  registerObjectPage(BENEFIT_CONTENT_TYPE, async (db, pk) =>
    isUuid(pk) && (await findBenefit(db, pk)) ? benefitPath(pk) : undefined,
  );

  app.get<Query>(BENEFITS_PATH, offeringRoute(app, access.permission(VIEW)), async (request, reply) => {
    const raw = {
      active: queryString(request.query, "active"),
      unit_type: queryString(request.query, "unit_type"),
      order_by: queryString(request.query, "order_by"),
    };
    const { filters, errors } = parseBenefitFilters(raw);
    const info = resolvePage(parsePageRequest(request.query), await countBenefits(app.db, filters));
    const rows = await listBenefits(app.db, filters, { limit: info.perPage, offset: info.offset });
    return reply.page(
      "Benefits",
      <BenefitListPage
        rows={rows}
        info={info}
        query={queryOf(request)}
        filters={{
          active: triStateValue(filters.active),
          unit_type: filters.unitType,
          order_by: errors.order_by ? undefined : raw.order_by,
        }}
        filterErrors={errors}
        canAdd={may(request, ADD)}
      />,
    );
  });

  const mayAdd = offeringRoute(app, access.permission(ADD));
  app.get(BENEFIT_CREATE_PATH, mayAdd, async (_request, reply) =>
    showForm(reply, "create", { active: "on" }),
  );

  app.post(BENEFIT_CREATE_PATH, mayAdd, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(benefitForm, values);
    if (!form.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(reply, "create", values, form.errors);
    }
    const row = await createBenefit(app.db, form.data, request.user);
    flash(request, "success", `${benefitDisplay(row)} was created successfully.`);
    return reply.redirect(benefitPath(row.id), 303);
  });

  app.get<UuidParams>(
    "/offering/benefits/:uuid/",
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const row = await load(app.db, request.params.uuid);
      return reply.page(
        benefitDisplay(row),
        <BenefitDetailsPage
          benefit={row}
          history={await firstAndLastVersion(app.db, BENEFIT_CONTENT_TYPE, row.id)}
          canChange={may(request, CHANGE)}
          canDelete={may(request, DELETE)}
        />,
      );
    },
  );

  const mayChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<UuidParams>("/offering/benefits/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    return showForm(reply, row, {
      name: row.name,
      description: row.description,
      unit_type: row.unitType,
      credits: String(row.credits),
      active: row.active ? "on" : "",
    });
  });

  app.post<UuidParams>("/offering/benefits/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    const values = submittedValues(request.body);
    const form = parseForm(benefitForm, values);
    if (!form.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(reply, row, values, form.errors);
    }
    const saved = await updateBenefit(app.db, row.id, form.data, request.user);
    flash(request, "success", `${benefitDisplay(saved)} was updated successfully.`);
    return reply.redirect(benefitPath(row.id), 303);
  });

  app.post<UuidParams>(
    "/offering/benefits/:uuid/delete/",
    offeringRoute(app, access.permission(DELETE)),
    async (request, reply) => {
      const row = await load(app.db, request.params.uuid);
      const outcome = await deleteBenefit(app.db, row, request.user);
      if (!outcome.deleted) {
        return reply.page(
          "Failed to delete",
          <BlockedDeletePage
            subject={benefitDisplay(row)}
            groups={[await accountBenefitsGroup(app.db, outcome.accountBenefitIds)]}
            back={benefitPath(row.id)}
          />,
          { status: 409 },
        );
      }
      flash(request, "success", `${benefitDisplay(row)} was deleted successfully.`);
      return reply.redirect(BENEFITS_PATH, 303);
    },
  );
}

async function load(db: Executor, param: string): Promise<BenefitRow> {
  const row = await findBenefit(db, uuidParam(param, "benefit"));
  if (!row) throw new NotFoundError("There is no benefit at this address.");
  return row;
}

function showForm(
  reply: FastifyReply,
  row: BenefitRow | "create",
  values: BenefitFormValues,
  errors?: FieldErrors,
) {
  const creating = row === "create";
  return reply.page(
    creating ? "Create a new benefit" : `Edit ${benefitDisplay(row)}`,
    <BenefitFormPage
      action={creating ? BENEFIT_CREATE_PATH : `${benefitPath(row.id)}edit/`}
      values={values}
      errors={errors}
      submitLabel={creating ? "Create" : "Save changes"}
      cancelHref={creating ? BENEFITS_PATH : benefitPath(row.id)}
    />,
  );
}
