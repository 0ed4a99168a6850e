import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { person } from "../../../accounts/schema.ts";
import type { Executor } from "../../../db/client.ts";
import { event, task } from "../../../events/schema.ts";
import { organization } from "../../../organizations/schema.ts";
import { personDisplay } from "../../../people/index.ts";
import { curriculum, role } from "../../../reference/schema.ts";
import { accountEntityDisplays, allocationUsedSql } from "../../queries.ts";
import { partnershipDisplay } from "../../rules.ts";
import {
  account,
  accountBenefit,
  accountBenefitDiscount,
  benefit,
  consortium,
  partnership,
  partnershipTier,
} from "../../schema.ts";
import type { AccountBenefitFilters, AccountBenefitOrderKey, AccountBenefitValues } from "./rules.ts";

export type AccountBenefitRow = typeof accountBenefit.$inferSelect;

export interface AccountBenefitSummary {
  id: string;
  account: { id: string; accountType: string; entityDisplay: string | null };
  partnership: { id: number; display: string; agreementStart: string; agreementEnd: string } | null;
  benefit: { id: string; name: string; unitType: string; credits: number };
  discount: { id: string; name: string } | null;
  curriculum: { id: number; name: string } | null;
  registrationCode: string | null;
  startDate: string;
  endDate: string;
  allocation: number;
  allocationUsed: number;
  frozen: boolean;
  createdAt: Date;
  lastUpdatedAt: Date;
}

/** The account's entity name, for sorting the list by account. */
const accountName = sql`coalesce(
  (select nullif(concat_ws(' ', ${person.personal}, nullif(${person.middle}, ''), ${person.family}), '')
     from ${person} where ${person.id} = ${account.personId}),
  (select ${organization.fullname} from ${organization} where ${organization.id} = ${account.organizationId}),
  (select ${consortium.name} from ${consortium} where ${consortium.id} = ${account.consortiumId}))`;

const ORDER: Record<AccountBenefitOrderKey, SQL | typeof accountBenefit.allocation> = {
  account: accountName,
  benefit: sql`${benefit.name}`,
  start_date: sql`${accountBenefit.startDate}`,
  end_date: sql`${accountBenefit.endDate}`,
  allocation: accountBenefit.allocation,
  created_at: sql`${accountBenefit.createdAt}`,
  last_updated_at: sql`${accountBenefit.lastUpdatedAt}`,
};

function condition(filters: Partial<AccountBenefitFilters>): SQL | undefined {
  return and(
    filters.accountId === undefined ? undefined : eq(accountBenefit.accountId, filters.accountId),
    filters.partnershipId === undefined ? undefined : eq(accountBenefit.partnershipId, filters.partnershipId),
    filters.benefitId === undefined ? undefined : eq(accountBenefit.benefitId, filters.benefitId),
    filters.curriculumId === undefined ? undefined : eq(accountBenefit.curriculumId, filters.curriculumId),
  );
}

export async function countAccountBenefits(db: Executor, filters: AccountBenefitFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accountBenefit).where(condition(filters));
  return row?.n ?? 0;
}

async function summaries(
  db: Executor,
  where: SQL | undefined,
  order: SQL[],
  page?: { limit: number; offset: number },
): Promise<AccountBenefitSummary[]> {
  const query = db
    .select({
      row: accountBenefit,
      accountType: account.accountType,
      benefit: { id: benefit.id, name: benefit.name, unitType: benefit.unitType, credits: benefit.credits },
      partnership,
      tierName: partnershipTier.name,
      discountName: accountBenefitDiscount.name,
      curriculumName: curriculum.name,
      allocationUsed: allocationUsedSql(),
    })
    .from(accountBenefit)
    .innerJoin(account, eq(account.id, accountBenefit.accountId))
    .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
    .leftJoin(partnership, eq(partnership.id, accountBenefit.partnershipId))
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .leftJoin(accountBenefitDiscount, eq(accountBenefitDiscount.id, accountBenefit.discountId))
    .leftJoin(curriculum, eq(curriculum.id, accountBenefit.curriculumId))
    .where(where)
    .orderBy(...order, desc(accountBenefit.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const entities = await accountEntityDisplays(db, [...new Set(rows.map((r) => r.row.accountId))]);
  return rows.map(({ row, ...joined }) => ({
    id: row.id,
    account: {
      id: row.accountId,
      accountType: joined.accountType,
      entityDisplay: entities.get(row.accountId) ?? null,
    },
    partnership: joined.partnership
      ? {
          id: joined.partnership.id,
          display: partnershipDisplay({ ...joined.partnership, tierName: joined.tierName }),
          agreementStart: joined.partnership.agreementStart,
          agreementEnd: joined.partnership.agreementEnd,
        }
      : null,
    benefit: joined.benefit,
    discount:
      row.discountId && joined.discountName !== null
        ? { id: row.discountId, name: joined.discountName }
        : null,
    curriculum:
      row.curriculumId !== null && joined.curriculumName !== null
        ? { id: row.curriculumId, name: joined.curriculumName }
        : null,
    registrationCode: row.registrationCode,
    startDate: row.startDate,
    endDate: row.endDate,
    allocation: row.allocation,
    allocationUsed: joined.allocationUsed,
    frozen: row.frozen,
    createdAt: row.createdAt,
    lastUpdatedAt: row.lastUpdatedAt,
  }));
}

/** One page of the list, newest first unless told otherwise. */
export function listAccountBenefits(
  db: Executor,
  filters: AccountBenefitFilters,
  page: { limit: number; offset: number },
): Promise<AccountBenefitSummary[]> {
  const order = filters.order.map((term) => (term.descending ? desc(ORDER[term.key]) : asc(ORDER[term.key])));
  return summaries(db, condition(filters), order.length > 0 ? order : [desc(accountBenefit.createdAt)], page);
}

/** The account benefits of an account or of a partnership, by start date (the embedded tables). */
export function accountBenefitsOf(
  db: Executor,
  owner: { accountId: string } | { partnershipId: number },
): Promise<AccountBenefitSummary[]> {
  return summaries(db, condition(owner), [asc(accountBenefit.startDate), asc(accountBenefit.createdAt)]);
}

export async function findAccountBenefit(
  db: Executor,
  id: string,
): Promise<AccountBenefitSummary | undefined> {
  const [row] = await summaries(db, eq(accountBenefit.id, id), []);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Usage: the tasks (seat benefits) or events (event benefits) that use account benefits

export interface UsingTask {
  id: number;
  accountBenefitId: string;
  eventSlug: string;
  person: { id: number; display: string };
  roleName: string;
}

export interface UsingEvent {
  id: number;
  accountBenefitId: string;
  slug: string;
  host: { fullname: string; domain: string };
  start: string | null;
  end: string | null;
}

export async function tasksUsing(db: Executor, ids: readonly string[]): Promise<UsingTask[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: task.id,
      accountBenefitId: task.allocatedBenefitId,
      eventSlug: event.slug,
      personId: person.id,
      person: {
        personal: person.personal,
        middle: person.middle,
        family: person.family,
        email: person.email,
      },
      roleName: role.name,
    })
    .from(task)
    .innerJoin(event, eq(event.id, task.eventId))
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(role, eq(role.id, task.roleId))
    .where(inArray(task.allocatedBenefitId, [...ids]))
    .orderBy(desc(event.start), asc(event.slug), asc(person.family), asc(task.id));
  return rows.map((row) => ({
    id: row.id,
    accountBenefitId: row.accountBenefitId ?? "",
    eventSlug: row.eventSlug,
    person: { id: row.personId, display: personDisplay(row.person) },
    roleName: row.roleName,
  }));
}

export async function eventsUsing(db: Executor, ids: readonly string[]): Promise<UsingEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: event.id,
      accountBenefitId: event.allocatedBenefitId,
      slug: event.slug,
      host: { fullname: organization.fullname, domain: organization.domain },
      start: event.start,
      end: event.end,
    })
    .from(event)
    .innerJoin(organization, eq(organization.id, event.hostId))
    .where(inArray(event.allocatedBenefitId, [...ids]))
    .orderBy(desc(event.start), asc(event.slug));
  return rows.map((row) => ({ ...row, accountBenefitId: row.accountBenefitId ?? "" }));
}

// ---------------------------------------------------------------------------------------------
// The form: its choices and what its references are

export async function discountChoices(db: Executor) {
  const rows = await db
    .select({ id: accountBenefitDiscount.id, name: accountBenefitDiscount.name })
    .from(accountBenefitDiscount)
    .orderBy(asc(accountBenefitDiscount.name));
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

/** Active curricula, plus the one already chosen. */
export async function curriculumChoices(db: Executor, keep: number | null = null) {
  const rows = await db
    .select({ id: curriculum.id, name: curriculum.name })
    .from(curriculum)
    .where(
      keep === null ? eq(curriculum.active, true) : or(eq(curriculum.active, true), eq(curriculum.id, keep)),
    )
    .orderBy(asc(curriculum.name));
  return rows.map((row) => ({ value: String(row.id), label: row.name }));
}

export async function accountExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: account.id }).from(account).where(eq(account.id, id));
  return row !== undefined;
}

export async function benefitExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: benefit.id }).from(benefit).where(eq(benefit.id, id));
  return row !== undefined;
}

export async function discountExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accountBenefitDiscount.id })
    .from(accountBenefitDiscount)
    .where(eq(accountBenefitDiscount.id, id));
  return row !== undefined;
}

export async function curriculumExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: curriculum.id }).from(curriculum).where(eq(curriculum.id, id));
  return row !== undefined;
}

export interface PartnershipBrief {
  id: number;
  accountId: string;
  display: string;
  agreementStart: string;
  agreementEnd: string;
}

export async function findPartnershipBrief(db: Executor, id: number): Promise<PartnershipBrief | undefined> {
  const [row] = await db
    .select({ partnership, tierName: partnershipTier.name })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(eq(partnership.id, id));
  if (!row) return undefined;
  return {
    id: row.partnership.id,
    accountId: row.partnership.accountId,
    display: partnershipDisplay({ ...row.partnership, tierName: row.tierName }),
    agreementStart: row.partnership.agreementStart,
    agreementEnd: row.partnership.agreementEnd,
  };
}

export async function insertAccountBenefit(
  db: Executor,
  values: AccountBenefitValues,
): Promise<AccountBenefitRow> {
  const [row] = await db.insert(accountBenefit).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateAccountBenefitRow(
  db: Executor,
  id: string,
  values: AccountBenefitValues,
): Promise<AccountBenefitRow> {
  const [row] = await db
    .update(accountBenefit)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(accountBenefit.id, id))
    .returning();
  if (!row) throw new Error(`account benefit ${id} vanished`);
  return row;
}

export async function deleteAccountBenefitRow(db: Executor, id: string): Promise<void> {
  await db.delete(accountBenefit).where(eq(accountBenefit.id, id));
}

export async function findAccountBenefitRow(
  db: Executor,
  id: string,
): Promise<AccountBenefitRow | undefined> {
  const [row] = await db.select().from(accountBenefit).where(eq(accountBenefit.id, id));
  return row;
}
