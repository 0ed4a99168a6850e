import type { FastifyInstance, FastifyReply } from "fastify";
import { access } from "../../../server/access.ts";
import { NotFoundError } from "../../../server/errors.ts";
import { flash } from "../../../server/render.tsx";
import {
  blankRows,
  type FormsetPlan,
  type FormsetRow,
  parseFormset,
  rowsToShow,
  wantsAnotherRow,
} from "../../../ui/formset.ts";
import { accountDisplay, accountPath } from "../../rules.ts";
import { offeringRoute } from "../../service-offering.ts";
import { FIX_ERRORS, type UuidParams } from "../common.ts";
import { chosenPersonIds, OWNER_FIELDS, personNames, saveOwners, storedOwnerRows } from "./owners.ts";
import { type AccountSummary, ownersOf } from "./queries.ts";
import { loadAccount } from "./routes.tsx";
import { OWNERS_PERMISSIONS } from "./rules.ts";
import { OwnersPage } from "./views/owners.tsx";

interface FormsetView {
  rows: FormsetRow[];
  plan?: FormsetPlan;
  formErrors?: string[];
}

/** `/offering/accounts/<uuid>/owners/`: organisation and consortium accounts only (404 for individuals). */
export async function accountOwnersRoutes(app: FastifyInstance) {
  const mayChange = offeringRoute(app, access.permission(...OWNERS_PERMISSIONS));

  async function loadGroupAccount(param: string): Promise<AccountSummary> {
    const row = await loadAccount(app.db, param);
    if (row.accountType === "individual") {
      throw new NotFoundError("An individual account has no owners page: its person is its owner.");
    }
    return row;
  }

  async function storedRows(row: AccountSummary): Promise<FormsetRow[]> {
    return rowsToShow(storedOwnerRows(await ownersOf(app.db, row.id)), 1, OWNER_FIELDS);
  }

  async function show(reply: FastifyReply, row: AccountSummary, view: FormsetView) {
    const names = await personNames(app.db, chosenPersonIds(view.rows));
    const path = accountPath(row.id);
    return reply.page(
      `Change owners for ${accountDisplay(row.accountType, row.entity?.display ?? null)}`,
      <OwnersPage
        action={`${path}owners/`}
        detailsPath={path}
        accountId={row.id}
        rows={view.rows}
        errors={view.plan?.rowErrors}
        formErrors={view.formErrors ?? view.plan?.formErrors}
        persons={[...names].map(([id, label]) => ({ value: String(id), label }))}
      />,
    );
  }

  app.get<UuidParams>("/offering/accounts/:uuid/owners/", mayChange, async (request, reply) => {
    const row = await loadGroupAccount(request.params.uuid);
    return show(reply, row, { rows: await storedRows(row) });
  });

  app.post<UuidParams>("/offering/accounts/:uuid/owners/", mayChange, async (request, reply) => {
    const row = await loadGroupAccount(request.params.uuid);
    const posted = parseFormset(request.body, { fields: OWNER_FIELDS });
    if (!posted.ok) {
      flash(request, "error", FIX_ERRORS);
      return show(reply, row, { rows: await storedRows(row), formErrors: [posted.error] });
    }
    if (wantsAnotherRow(request.body)) {
      return show(reply, row, { rows: [...posted.rows, ...blankRows(1, OWNER_FIELDS)] });
    }
    const stored = await ownersOf(app.db, row.id);
    const outcome = await saveOwners(app.db, row, stored, posted.rows, request.user);
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return show(reply, row, { rows: posted.rows, plan: outcome.plan });
    }
    // The partnership onboarding emails (§4.9) would be rescheduled here; scheduled emails are not built yet.
    flash(request, "success", "The account's owners were saved.");
    return reply.redirect(accountPath(row.id), 303);
  });
}
