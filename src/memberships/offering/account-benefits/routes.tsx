import type { FastifyInstance } from "fastify";
import type { Executor } from "../../../db/client.ts";
import { firstAndLastVersion, registerObjectPage } from "../../../history/index.ts";
import { access } from "../../../server/access.ts";
import { NotFoundError } from "../../../server/errors.ts";
import { submittedValues } from "../../../server/forms.ts";
import { flash } from "../../../server/render.tsx";
import { BlockedDeletePage } from "../../../ui/blocked-delete.tsx";
import { parsePageRequest, resolvePage } from "../../../ui/pagination.ts";
import { todayIso } from "../../../ui/time.ts";
import { accountBenefitDisplays } from "../../queries.ts";
import { accountBenefitPath, addDays, benefitDisplay, isUuid } from "../../rules.ts";
import { offeringRoute } from "../../service-offering.ts";
import { accountSummaries } from "../accounts/queries.ts";
import { allBenefits } from "../benefits/queries.ts";
import {
  FIX_ERRORS,
  may,
  nextOr,
  type Query,
  queryOf,
  queryString,
  type UuidParams,
  uuidParam,
} from "../common.ts";
import { createAccountBenefit, deleteAccountBenefit, updateAccountBenefit } from "./commands.ts";
import { accountText, applyLocks, createLocks, showCreateForm, showEditForm } from "./form-pages.tsx";
import { readAccountBenefitForm } from "./forms.ts";
import {
  type AccountBenefitSummary,
  countAccountBenefits,
  curriculumChoices,
  eventsUsing,
  findAccountBenefit,
  findPartnershipBrief,
  listAccountBenefits,
  tasksUsing,
} from "./queries.ts";
import {
  ACCOUNT_BENEFIT_CONTENT_TYPE,
  ACCOUNT_BENEFIT_CREATE_PATH,
  ACCOUNT_BENEFITS_PATH,
  ADD,
  CHANGE,
  DELETE,
  parseAccountBenefitFilters,
  VIEW,
} from "./rules.ts";
import { AccountBenefitDetailsPage } from "./views/details.tsx";
import type { AccountBenefitFormValues } from "./views/form.tsx";
import { AccountBenefitListPage } from "./views/list.tsx";
import { benefitLabel } from "./views/table.tsx";

export async function accountBenefitRoutes(app: FastifyInstance) {
  registerObjectPage(ACCOUNT_BENEFIT_CONTENT_TYPE, async (db, pk) =>
    isUuid(pk) && (await findAccountBenefit(db, pk)) ? accountBenefitPath(pk) : undefined,
  );

  app.get<Query>(
    ACCOUNT_BENEFITS_PATH,
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const raw = {
        account: queryString(request.query, "account"),
        partnership: queryString(request.query, "partnership"),
        benefit: queryString(request.query, "benefit"),
        curriculum: queryString(request.query, "curriculum"),
        order_by: queryString(request.query, "order_by"),
      };
      const { filters, errors } = parseAccountBenefitFilters(raw);
      const info = resolvePage(parsePageRequest(request.query), await countAccountBenefits(app.db, filters));
      const [rows, accounts, partnership, benefits, curricula] = await Promise.all([
        listAccountBenefits(app.db, filters, { limit: info.perPage, offset: info.offset }),
        accountSummaries(app.db, filters.accountId ? [filters.accountId] : []),
        filters.partnershipId === undefined ? undefined : findPartnershipBrief(app.db, filters.partnershipId),
        allBenefits(app.db),
        curriculumChoices(app.db, filters.curriculumId ?? null),
      ]);
      const account = filters.accountId ? accounts.get(filters.accountId) : undefined;
      return reply.page(
        "Account Benefits",
        <AccountBenefitListPage
          rows={rows}
          info={info}
          query={queryOf(request)}
          today={todayIso()}
          filters={{
            account: filters.accountId,
            partnership: filters.partnershipId?.toString(),
            benefit: filters.benefitId,
            curriculum: filters.curriculumId?.toString(),
            order_by: errors.order_by ? undefined : raw.order_by,
          }}
          filterErrors={errors}
          accountChoice={account ? { value: account.id, label: accountText(account) } : undefined}
          partnershipChoice={
            partnership ? { value: String(partnership.id), label: partnership.display } : undefined
          }
          benefitChoices={benefits.map((row) => ({ value: row.id, label: benefitLabel(row) }))}
          curriculumChoices={curricula}
        />,
      );
    },
  );

  const mayAdd = offeringRoute(app, access.permission(ADD));
  app.get<Query>(ACCOUNT_BENEFIT_CREATE_PATH, mayAdd, async (request, reply) => {
    const locks = await createLocks(app.db, request.query);
    const today = todayIso();
    const values: AccountBenefitFormValues = {
      account: locks.account?.id ?? locks.partnership?.accountId,
      start_date: today,
      end_date: addDays(today, 365),
    };
    return showCreateForm(app.db, request, reply, locks, applyLocks(values, locks));
  });

  app.post<Query>(ACCOUNT_BENEFIT_CREATE_PATH, mayAdd, async (request, reply) => {
    const locks = await createLocks(app.db, request.query);
    const values = applyLocks(submittedValues(request.body), locks);
    const { draft, errors } = readAccountBenefitForm(values);
    const outcome = await createAccountBenefit(app.db, draft, errors, request.user);
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showCreateForm(app.db, request, reply, locks, values, outcome.errors);
    }
    flash(request, "success", `${outcome.display} was created successfully.`);
    return reply.redirect(nextOr(request, accountBenefitPath(outcome.accountBenefit.id)), 303);
  });

  app.get<UuidParams>(
    "/offering/account-benefits/:uuid/",
    offeringRoute(app, access.permission(VIEW)),
    async (request, reply) => {
      const row = await load(app.db, request.params.uuid);
      const today = todayIso();
      const [displays, tasks, events, history] = await Promise.all([
        accountBenefitDisplays(app.db, [row.id], today),
        tasksUsing(app.db, [row.id]),
        eventsUsing(app.db, [row.id]),
        firstAndLastVersion(app.db, ACCOUNT_BENEFIT_CONTENT_TYPE, row.id),
      ]);
      const display = displays.get(row.id) ?? benefitDisplay(row.benefit);
      return reply.page(
        display,
        <AccountBenefitDetailsPage
          accountBenefit={row}
          display={display}
          tasks={tasks}
          events={events}
          history={history}
          today={today}
          canChange={may(request, VIEW) && may(request, CHANGE)}
          canDelete={may(request, DELETE)}
        />,
      );
    },
  );

  const mayChange = offeringRoute(app, access.permission(VIEW, CHANGE));
  app.get<UuidParams>("/offering/account-benefits/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    return showEditForm(app.db, reply, row, {
      account: row.account.id,
      partnership: row.partnership ? String(row.partnership.id) : "",
      benefit: row.benefit.id,
      discount: row.discount?.id ?? "",
      curriculum: row.curriculum ? String(row.curriculum.id) : "",
      registration_code: row.registrationCode ?? "",
      start_date: row.startDate,
      end_date: row.endDate,
      allocation: String(row.allocation),
    });
  });

  app.post<UuidParams>("/offering/account-benefits/:uuid/edit/", mayChange, async (request, reply) => {
    const row = await load(app.db, request.params.uuid);
    const values = submittedValues(request.body);
    const { draft, errors } = readAccountBenefitForm(values);
    const outcome = await updateAccountBenefit(app.db, row.id, draft, errors, request.user);
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showEditForm(app.db, reply, row, values, outcome.errors);
    }
    flash(request, "success", `${outcome.display} was updated successfully.`);
    return reply.redirect(accountBenefitPath(row.id), 303);
  });

  app.post<UuidParams>(
    "/offering/account-benefits/:uuid/delete/",
    offeringRoute(app, access.permission(DELETE)),
    async (request, reply) => {
      const summary = await load(app.db, request.params.uuid);
      const display =
        (await accountBenefitDisplays(app.db, [summary.id], todayIso())).get(summary.id) ?? summary.id;
      const outcome = await deleteAccountBenefit(app.db, summary.id, request.user);
      if (!outcome.deleted) {
        const groups = [];
        if (outcome.tasks.length > 0) {
          groups.push({
            label: "Tasks",
            items: outcome.tasks.map((item) => ({
              text: `${item.eventSlug}: ${item.person.display} (${item.roleName})`,
              href: `/workshops/task/${item.id}/`,
            })),
          });
        }
        if (outcome.events.length > 0) {
          groups.push({
            label: "Events",
            items: outcome.events.map((item) => ({
              text: item.slug,
              href: `/workshops/event/${encodeURIComponent(item.slug)}/`,
            })),
          });
        }
        return reply.page(
          "Failed to delete",
          <BlockedDeletePage subject={display} groups={groups} back={accountBenefitPath(summary.id)} />,
          { status: 409 },
        );
      }
      flash(request, "success", `${display} was deleted successfully.`);
      return reply.redirect(ACCOUNT_BENEFITS_PATH, 303);
    },
  );
}

async function load(db: Executor, param: string): Promise<AccountBenefitSummary> {
  const row = await findAccountBenefit(db, uuidParam(param, "account benefit"));
  if (!row) throw new NotFoundError("There is no account benefit at this address.");
  return row;
}
