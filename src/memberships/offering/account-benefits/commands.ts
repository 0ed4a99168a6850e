import type { Db, Executor } from "../../../db/client.ts";
import { uniqueViolation } from "../../../db/errors.ts";
import { recordChange, rowFields } from "../../../history/index.ts";
import type { FieldErrors } from "../../../ui/forms.tsx";
import { todayIso } from "../../../ui/time.ts";
import { codeConflictMessage, registrationCodeUses } from "../../codes.ts";
import { accountBenefitDisplays } from "../../queries.ts";
import { accountBenefit } from "../../schema.ts";
import {
  type AccountBenefitRow,
  accountExists,
  benefitExists,
  curriculumExists,
  deleteAccountBenefitRow,
  discountExists,
  eventsUsing,
  findAccountBenefitRow,
  findPartnershipBrief,
  insertAccountBenefit,
  tasksUsing,
  type UsingEvent,
  type UsingTask,
  updateAccountBenefitRow,
} from "./queries.ts";
import {
  ACCOUNT_BENEFIT_CONTENT_TYPE,
  type AccountBenefitDraft,
  type AccountBenefitFacts,
  type AccountBenefitValues,
  checkAccountBenefit,
} from "./rules.ts";

type Author = { id: number } | null;

export type SaveOutcome =
  | { ok: true; accountBenefit: AccountBenefitRow; display: string }
  | { ok: false; errors: FieldErrors };

/** What the database says about the draft's references and its registration code. */
async function factsOf(
  db: Executor,
  draft: AccountBenefitDraft,
  selfId: string | undefined,
): Promise<AccountBenefitFacts> {
  const partnership =
    draft.partnershipId != null ? await findPartnershipBrief(db, draft.partnershipId) : undefined;
  const code = draft.registrationCode ?? "";
  return {
    accountExists: draft.accountId !== undefined && (await accountExists(db, draft.accountId)),
    benefitExists: draft.benefitId !== undefined && (await benefitExists(db, draft.benefitId)),
    discountExists: draft.discountId != null && (await discountExists(db, draft.discountId)),
    curriculumExists: draft.curriculumId != null && (await curriculumExists(db, draft.curriculumId)),
    partnership,
    partnershipMissing: draft.partnershipId != null && partnership === undefined,
    codeConflict: code
      ? codeConflictMessage(
          "accountBenefit",
          await registrationCodeUses(
            db,
            code,
            selfId === undefined ? undefined : { kind: "accountBenefit", id: selfId },
          ),
        )
      : undefined,
  };
}

async function record(tx: Executor, row: AccountBenefitRow, user: Author, comment?: string): Promise<string> {
  const display = (await accountBenefitDisplays(tx, [row.id], todayIso())).get(row.id) ?? row.id;
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: ACCOUNT_BENEFIT_CONTENT_TYPE,
        id: row.id,
        repr: display,
        fields: rowFields(accountBenefit, row),
      },
    ],
  });
  return display;
}

async function save(
  db: Db,
  draft: AccountBenefitDraft,
  fieldErrors: FieldErrors,
  selfId: string | undefined,
  write: (tx: Executor, values: AccountBenefitValues) => Promise<AccountBenefitRow>,
  user: Author,
): Promise<SaveOutcome> {
  const checked = checkAccountBenefit(draft, fieldErrors, await factsOf(db, draft, selfId));
  if (!checked.ok) return checked;
  try {
    return await db.transaction(async (tx) => {
      const row = await write(tx, checked.values);
      return { ok: true as const, accountBenefit: row, display: await record(tx, row, user) };
    });
  } catch (error) {
    // Another save took the code between the check and the write.
    if (uniqueViolation(error) === undefined) throw error;
    return {
      ok: false,
      errors: { registration_code: ["Another account benefit already uses this registration code."] },
    };
  }
}

export function createAccountBenefit(
  db: Db,
  draft: AccountBenefitDraft,
  fieldErrors: FieldErrors,
  user: Author,
) {
  return save(db, draft, fieldErrors, undefined, insertAccountBenefit, user);
}

export function updateAccountBenefit(
  db: Db,
  id: string,
  draft: AccountBenefitDraft,
  fieldErrors: FieldErrors,
  user: Author,
) {
  return save(db, draft, fieldErrors, id, (tx, values) => updateAccountBenefitRow(tx, id, values), user);
}

export type DeleteOutcome = { deleted: true } | { deleted: false; tasks: UsingTask[]; events: UsingEvent[] };

/** Deletes an account benefit no task or event uses, keeping its last state in the history. */
export async function deleteAccountBenefit(db: Db, id: string, user: Author): Promise<DeleteOutcome> {
  const [tasks, events] = await Promise.all([tasksUsing(db, [id]), eventsUsing(db, [id])]);
  if (tasks.length > 0 || events.length > 0) return { deleted: false, tasks, events };
  await db.transaction(async (tx) => {
    const row = await findAccountBenefitRow(tx, id);
    if (!row) return;
    await record(tx, row, user, "Deleted.");
    await deleteAccountBenefitRow(tx, row.id);
  });
  return { deleted: true };
}
