import type { FastifyInstance, FastifyReply } from "fastify";
import type { Executor } from "../../../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../../../history/index.ts";
import { access } from "../../../server/access.ts";
import { NotFoundError } from "../../../server/errors.ts";
import { parseForm, submittedValues } from "../../../server/forms.ts";
import { flash } from "../../../server/render.tsx";
import { BlockedDeletePage } from "../../../ui/blocked-delete.tsx";
import type { Choice, FieldErrors } from "../../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../../ui/pagination.ts";
import { todayIso } from "../../../ui/time.ts";
import { accountDisplay, accountPath, isUuid, partnershipPath } from "../../rules.ts";
import { offeringRoute } from "../../service-offering.ts";
import { accountBenefitsOf, eventsUsing, tasksUsing } from "../account-benefits/queries.ts";
import { ADD as ADD_ACCOUNT_BENEFIT } from "../account-benefits/rules.ts";
import { accountBenefitsGroup } from "../blockers.ts";
import { FIX_ERRORS, may, type Query, queryOf, queryString, type UuidParams, uuidParam } from "../common.ts";
import { triStateValue } from "../list-filters.ts";
import { createAccount, deleteAccount, updateAccount } from "./commands.ts";
import { accountForm } from "./forms.ts";
import { communityRolesOfAccount, partnershipsOfAccount } from "./page-queries.ts";
import {
  type AccountSummary,
  countAccounts,
  findAccount,
  findEntity,
  listAccounts,
  ownersOf,
} from "./queries.ts";
import {
  ACCOUNT_CONTENT_TYPE,
  ACCOUNT_CREATE_PATH,
  ACCOUNTS_PATH,
  ADD,
  CHANGE,
  DELETE,
  entityIdOf,
  isAccountType,
  OWNERS_PERMISSIONS,
  parseAccountFilters,
  VIEW,
} from "./rules.ts";
import { AccountDetailsPage } from "./views/details.tsx";
import { AccountFormPage, type AccountFormValues } from "./views/form.tsx";
import { AccountListPage } from "./views/list.tsx";

const titleOf = (row: AccountSummary) => accountDisplay(row.accountType, row.entity?.display ?? null);

export async function accountRoutes(app: FastifyInstance) {
  registerObjectPage(ACCOUNT_CONTENT_TYPE, async (db, pk) =>
    isUuid(pk) && (await findAccount(db, pk)) ? accountPath(pk) : undefined,
  );

  app.get<Query>(ACCOUNTS_PATH, offeringRoute(app, access.permission(VIEW)), async (request, reply) => {
    const raw = {
      active: queryString(request.query, "active"),
      account_type: queryString(request.query, "account_type"),
      order_by: queryString(request.query, "order_by"),
    };
    const { filters, errors } = parseAccountFilters(raw);
    const info = resolvePage(parsePageRequest(request.query), await countAccounts(app.db, filters));
    const rows = await listAccounts(app.db, filters, { limit: info.perPage, offset: info.offset });
    return reply.page(
      "Accounts",
      <AccountListPage
        rows={rows}
        info={info}
        query={queryOf(request)}
        filters={{
          active: triStateValue(filters.active),
          account_type: filters.accountType,
          order_by: errors.order_by ? undefined : raw.order_by,
        }}
        filterErrors={errors}
        canAdd={may(request, ADD)}
      />,
    );
  });

  const mayAdd = offeringRoute(app, access.permission(ADD));
  app.get(ACCOUNT_CREATE_PATH, mayAdd, async (_request, reply) =>
    showForm(app.db, reply, "create", { active: "on" }),
  );

  app.post(ACCOUNT_CREATE_PATH, mayAdd, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(accountForm, values);
    const outcome = form.ok
      ? await createAccount(app.db, form.data, request.user)
      : { ok: false as const, errors: form.errors };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(app.db, reply, "create", values, outcome.errors, outcome.existingAccountId);
    }
    flash(request, "success", `${outcome.display} was created successfully.`);
    return reply.redirect(accountPath(outcome.account.id), 303);
  });

  app.get<UuidParams>(
    "/offering/accounts/:uuid/",
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const row = await loadAccount(app.db, request.params.uuid);
      const [owners, partnerships, accountBenefits, communityRoles, history] = await Promise.all([
        ownersOf(app.db, row.id),
        partnershipsOfAccount(app.db, row.id),
        accountBenefitsOf(app.db, { accountId: row.id }),
        communityRolesOfAccount(app.db, row.id),
        firstAndLastVersion(app.db, ACCOUNT_CONTENT_TYPE, row.id),
      ]);
      const ids = accountBenefits.map((item) => item.id);
      const [tasks, events] = await Promise.all([tasksUsing(app.db, ids), eventsUsing(app.db, ids)]);
      return reply.page(
        titleOf(row),
        <AccountDetailsPage
          account={row}
          owners={owners}
          partnerships={partnerships}
          accountBenefits={accountBenefits}
          usage={{ tasks, events }}
          communityRoles={communityRoles}
          history={history}
          today={todayIso()}
          canChange={may(request, VIEW) && may(request, CHANGE)}
          canDelete={may(request, DELETE)}
          canChangeOwners={OWNERS_PERMISSIONS.every((name) => may(request, name))}
          canAddPartnership={may(request, "fiscal.add_partnership")}
          canAddAccountBenefit={may(request, ADD_ACCOUNT_BENEFIT)}
        />,
      );
    },
  );

  const mayChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<UuidParams>("/offering/accounts/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await loadAccount(app.db, request.params.uuid);
    const values = {
      account_type: row.accountType,
      generic_relation_pk: String(entityIdOf(row) ?? ""),
      active: row.active ? "on" : "",
    };
    return showForm(app.db, reply, row, values);
  });

  app.post<UuidParams>("/offering/accounts/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await loadAccount(app.db, request.params.uuid);
    const values = submittedValues(request.body);
    const form = parseForm(accountForm, values);
    const outcome = form.ok
      ? await updateAccount(app.db, row, form.data, request.user)
      : { ok: false as const, errors: form.errors };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showForm(app.db, reply, row, values, outcome.errors, outcome.existingAccountId);
    }
    flash(request, "success", `${outcome.display} was updated successfully.`);
    return reply.redirect(accountPath(row.id), 303);
  });

  app.post<UuidParams>(
    "/offering/accounts/:uuid/delete/",
    offeringRoute(app, access.permission(DELETE)),
    async (request, reply) => {
      const row = await loadAccount(app.db, request.params.uuid);
      const outcome = await deleteAccount(app.db, row, request.user);
      if (!outcome.deleted) {
        const groups = [];
        if (outcome.accountBenefitIds.length > 0) {
          groups.push(await accountBenefitsGroup(app.db, outcome.accountBenefitIds));
        }
        if (outcome.partnerships.length > 0) {
          groups.push({
            label: "Partnerships",
            items: outcome.partnerships.map((item) => ({
              text: item.display,
              href: partnershipPath(item.id),
            })),
          });
        }
        return reply.page(
          "Failed to delete",
          <BlockedDeletePage subject={titleOf(row)} groups={groups} back={accountPath(row.id)} />,
          { status: 409 },
        );
      }
      flash(request, "success", `${titleOf(row)} was deleted successfully.`);
      return reply.redirect(ACCOUNTS_PATH, 303);
    },
  );
}

export async function loadAccount(db: Executor, param: string): Promise<AccountSummary> {
  const row = await findAccount(db, uuidParam(param, "account"));
  if (!row) throw new NotFoundError("There is no account at this address.");
  return row;
}

/** The chosen entity as the Name select's option, when the submitted type and id name one. */
async function entityChoice(db: Executor, values: AccountFormValues): Promise<Choice | undefined> {
  const type = values.account_type;
  const id = values.generic_relation_pk ?? "";
  if (!isAccountType(type) || !/^\d{1,9}$/.test(id)) return undefined;
  const entity = await findEntity(db, type, Number(id));
  return entity ? { value: id, label: entity.display } : undefined;
}

async function showForm(
  db: Executor,
  reply: FastifyReply,
  row: AccountSummary | "create",
  values: AccountFormValues,
  errors?: FieldErrors,
  existingAccountId?: string,
) {
  const creating = row === "create";
  return reply.page(
    creating ? "Create a new account" : `Edit ${titleOf(row)}`,
    <AccountFormPage
      action={creating ? ACCOUNT_CREATE_PATH : `${accountPath(row.id)}edit/`}
      values={values}
      entityChoice={await entityChoice(db, values)}
      errors={errors}
      existingAccountId={existingAccountId}
      confirm={creating ? undefined : "Save the changes to this account?"}
      submitLabel={creating ? "Create" : "Save changes"}
      cancelHref={creating ? ACCOUNTS_PATH : accountPath(row.id)}
    />,
  );
}
