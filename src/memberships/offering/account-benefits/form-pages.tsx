// The account-benefit form pages: what `?account_pk=` and `?partnership_pk=` lock on the create
// form, the choices of the selects, and the create and edit pages.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client.ts";
import { NotFoundError } from "../../../server/errors.ts";
import type { Choice, FieldErrors } from "../../../ui/forms.tsx";
import { accountBenefitPath, accountDisplay, benefitDisplay, isUuid } from "../../rules.ts";
import { type AccountSummary, accountSummaries } from "../accounts/queries.ts";
import { allBenefits } from "../benefits/queries.ts";
import { nextOr, type Query, queryString } from "../common.ts";
import {
  type AccountBenefitSummary,
  curriculumChoices,
  discountChoices,
  findPartnershipBrief,
  type PartnershipBrief,
} from "./queries.ts";
import { ACCOUNT_BENEFIT_CREATE_PATH, ACCOUNT_BENEFITS_PATH } from "./rules.ts";
import { AccountBenefitFormPage, type AccountBenefitFormValues, type Lock } from "./views/form.tsx";
import { benefitLabel } from "./views/table.tsx";

export const accountText = (row: AccountSummary) =>
  accountDisplay(row.accountType, row.entity?.display ?? null);

/** What `?account_pk=` and `?partnership_pk=` fix on the create form. */
export interface CreateLocks {
  account: AccountSummary | undefined;
  partnership: PartnershipBrief | undefined;
}

/**
 * `?account_pk=<uuid>` and `?partnership_pk=<id>`: each must name a record (404 otherwise, a
 * malformed value included); an empty value fixes nothing.
 */
export async function createLocks(db: Executor, query: Record<string, unknown>): Promise<CreateLocks> {
  const accountPk = queryString(query, "account_pk") ?? "";
  const partnershipPk = queryString(query, "partnership_pk") ?? "";
  let account: AccountSummary | undefined;
  if (accountPk !== "") {
    if (!isUuid(accountPk)) throw new NotFoundError("There is no account with this id.");
    account = (await accountSummaries(db, [accountPk.toLowerCase()])).get(accountPk.toLowerCase());
    if (!account) throw new NotFoundError("There is no account with this id.");
  }
  let partnership: PartnershipBrief | undefined;
  if (partnershipPk !== "") {
    partnership = /^\d{1,9}$/.test(partnershipPk)
      ? await findPartnershipBrief(db, Number(partnershipPk))
      : undefined;
    if (!partnership) throw new NotFoundError("There is no partnership with this id.");
  }
  return { account, partnership };
}

/** The form's values with the locked fields put back: whatever was posted for them is ignored. */
export function applyLocks(values: AccountBenefitFormValues, locks: CreateLocks): AccountBenefitFormValues {
  const locked = { ...values };
  if (locks.account) locked.account = locks.account.id;
  if (locks.partnership) {
    locked.partnership = String(locks.partnership.id);
    locked.start_date = locks.partnership.agreementStart;
    locked.end_date = locks.partnership.agreementEnd;
  } else if (locks.account?.accountType === "individual") {
    locked.partnership = "";
  }
  return locked;
}

function lockedFields(locks: CreateLocks): { account?: Lock; partnership?: Lock; dates?: boolean } {
  const fields: { account?: Lock; partnership?: Lock; dates?: boolean } = {};
  if (locks.account) fields.account = { text: accountText(locks.account), value: locks.account.id };
  if (locks.partnership) {
    fields.partnership = { text: locks.partnership.display, value: String(locks.partnership.id) };
    fields.dates = true;
  } else if (locks.account?.accountType === "individual") {
    fields.partnership = { text: "", value: "" };
  }
  return fields;
}

/** The create form's address, keeping the locks and `next`. */
function createAction(request: FastifyRequest<Query>): string {
  const params = new URLSearchParams();
  for (const name of ["account_pk", "partnership_pk"]) {
    const value = queryString(request.query, name);
    if (value) params.set(name, value);
  }
  const next = nextOr(request, "");
  if (next) params.set("next", next);
  const text = params.toString();
  return text ? `${ACCOUNT_BENEFIT_CREATE_PATH}?${text}` : ACCOUNT_BENEFIT_CREATE_PATH;
}

async function formChoices(db: Executor, values: AccountBenefitFormValues) {
  const accountId = values.account && isUuid(values.account) ? values.account.toLowerCase() : undefined;
  const partnershipId =
    values.partnership && /^\d{1,9}$/.test(values.partnership) ? Number(values.partnership) : undefined;
  const curriculumId =
    values.curriculum && /^\d{1,9}$/.test(values.curriculum) ? Number(values.curriculum) : null;
  const [accounts, partnership, benefits, discounts, curricula] = await Promise.all([
    accountSummaries(db, accountId ? [accountId] : []),
    partnershipId === undefined ? undefined : findPartnershipBrief(db, partnershipId),
    allBenefits(db),
    discountChoices(db),
    curriculumChoices(db, curriculumId),
  ]);
  const account = accountId ? accounts.get(accountId) : undefined;
  return {
    accountChoice: account
      ? ({ value: account.id, label: accountText(account) } satisfies Choice)
      : undefined,
    partnershipChoice: partnership
      ? { value: String(partnership.id), label: partnership.display }
      : undefined,
    benefitChoices: benefits.map((row) => ({ value: row.id, label: benefitDisplay(row) })),
    discountChoices: discounts,
    curriculumChoices: curricula,
  };
}

export async function showCreateForm(
  db: Executor,
  request: FastifyRequest<Query>,
  reply: FastifyReply,
  locks: CreateLocks,
  values: AccountBenefitFormValues,
  errors?: FieldErrors,
) {
  return reply.page(
    "Create a new account benefit",
    <AccountBenefitFormPage
      action={createAction(request)}
      values={values}
      errors={errors}
      locks={lockedFields(locks)}
      {...(await formChoices(db, values))}
      submitLabel="Create"
      cancelHref={nextOr(request, ACCOUNT_BENEFITS_PATH)}
    />,
  );
}

export async function showEditForm(
  db: Executor,
  reply: FastifyReply,
  row: AccountBenefitSummary,
  values: AccountBenefitFormValues,
  errors?: FieldErrors,
) {
  return reply.page(
    `Edit account benefit ${benefitLabel(row.benefit)} for ${row.account.entityDisplay ?? "None"}`,
    <AccountBenefitFormPage
      action={`${accountBenefitPath(row.id)}edit/`}
      values={values}
      errors={errors}
      locks={{}}
      {...(await formChoices(db, values))}
      submitLabel="Save changes"
      cancelHref={accountBenefitPath(row.id)}
    />,
  );
}
