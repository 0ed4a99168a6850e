import type { Db, Executor } from "../../../db/client.ts";
import { recordChange, rowFields } from "../../../history/index.ts";
import { benefitDisplay } from "../../rules.ts";
import { benefit } from "../../schema.ts";
import type { BenefitInput } from "./forms.ts";
import {
  accountBenefitsOfBenefit,
  type BenefitRow,
  deleteBenefitRow,
  insertBenefit,
  updateBenefitRow,
} from "./queries.ts";
import { BENEFIT_CONTENT_TYPE } from "./rules.ts";

type Author = { id: number } | null;

async function record(tx: Executor, row: BenefitRow, user: Author, comment?: string) {
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: BENEFIT_CONTENT_TYPE,
        id: row.id,
        repr: benefitDisplay(row),
        fields: rowFields(benefit, row),
      },
    ],
  });
}

export function createBenefit(db: Db, input: BenefitInput, user: Author): Promise<BenefitRow> {
  return db.transaction(async (tx) => {
    const row = await insertBenefit(tx, input);
    await record(tx, row, user);
    return row;
  });
}

export function updateBenefit(db: Db, id: string, input: BenefitInput, user: Author): Promise<BenefitRow> {
  return db.transaction(async (tx) => {
    const row = await updateBenefitRow(tx, id, input);
    await record(tx, row, user);
    return row;
  });
}

export type DeleteOutcome = { deleted: true } | { deleted: false; accountBenefitIds: string[] };

/** Deletes a benefit no account benefit holds, keeping its last state in the history. */
export async function deleteBenefit(db: Db, row: BenefitRow, user: Author): Promise<DeleteOutcome> {
  const accountBenefitIds = await accountBenefitsOfBenefit(db, row.id);
  if (accountBenefitIds.length > 0) return { deleted: false, accountBenefitIds };
  await db.transaction(async (tx) => {
    await record(tx, row, user, "Deleted.");
    await deleteBenefitRow(tx, row.id);
  });
  return { deleted: true };
}
