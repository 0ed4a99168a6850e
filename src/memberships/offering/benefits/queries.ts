import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { accountBenefit, benefit } from "../../schema.ts";
import type { BenefitFilters, BenefitOrderKey } from "./rules.ts";

export type BenefitRow = typeof benefit.$inferSelect;
export type BenefitValues = Pick<BenefitRow, "name" | "description" | "unitType" | "credits" | "active">;

const ORDER_COLUMNS = {
  name: benefit.name,
  description: benefit.description,
  created_at: benefit.createdAt,
  last_updated_at: benefit.lastUpdatedAt,
} satisfies Record<BenefitOrderKey, unknown>;

function condition(filters: BenefitFilters): SQL | undefined {
  return and(
    filters.active === undefined ? undefined : eq(benefit.active, filters.active),
    filters.unitType === undefined ? undefined : eq(benefit.unitType, filters.unitType),
  );
}

export async function countBenefits(db: Executor, filters: BenefitFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(benefit).where(condition(filters));
  return row?.n ?? 0;
}

/** One page of the list, newest first unless told otherwise. */
export function listBenefits(
  db: Executor,
  filters: BenefitFilters,
  page: { limit: number; offset: number },
): Promise<BenefitRow[]> {
  const order = filters.order.map((term) =>
    term.descending ? desc(ORDER_COLUMNS[term.key]) : asc(ORDER_COLUMNS[term.key]),
  );
  return db
    .select()
    .from(benefit)
    .where(condition(filters))
    .orderBy(...(order.length > 0 ? order : [desc(benefit.createdAt)]), desc(benefit.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function findBenefit(db: Executor, id: string): Promise<BenefitRow | undefined> {
  const [row] = await db.select().from(benefit).where(eq(benefit.id, id));
  return row;
}

/** Every benefit, by name: the choices of the account-benefit form and filter. */
export function allBenefits(db: Executor): Promise<BenefitRow[]> {
  return db.select().from(benefit).orderBy(asc(benefit.name), asc(benefit.id));
}

export async function insertBenefit(db: Executor, values: BenefitValues): Promise<BenefitRow> {
  const [row] = await db.insert(benefit).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateBenefitRow(db: Executor, id: string, values: BenefitValues): Promise<BenefitRow> {
  const [row] = await db
    .update(benefit)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(benefit.id, id))
    .returning();
  if (!row) throw new Error(`benefit ${id} vanished`);
  return row;
}

export async function deleteBenefitRow(db: Executor, id: string): Promise<void> {
  await db.delete(benefit).where(eq(benefit.id, id));
}

/** The ids of the account benefits of this benefit (they keep it from being deleted). */
export async function accountBenefitsOfBenefit(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .where(eq(accountBenefit.benefitId, id))
    .orderBy(asc(accountBenefit.startDate), asc(accountBenefit.id));
  return rows.map((row) => row.id);
}
