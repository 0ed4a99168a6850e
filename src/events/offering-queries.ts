/**
 * Events and tasks: the memberships, account benefits and event categories they point at — how those
 * read, which may be chosen, and the checks the event and task forms make against them.
 */
import { and, asc, eq, or } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { accountBenefitDisplays } from "../memberships/queries.ts";
import { isUuid, membershipDisplay } from "../memberships/rules.ts";
import { accountBenefit, benefit, eventCategory, membership } from "../memberships/schema.ts";
import type { Choice } from "../ui/forms.tsx";

/** The columns `membershipDisplay` reads. */
export const membershipLabelColumns = {
  id: membership.id,
  name: membership.name,
  variant: membership.variant,
  agreementStart: membership.agreementStart,
  agreementEnd: membership.agreementEnd,
  consortium: membership.consortium,
};

export interface MembershipLink {
  id: number;
  label: string;
}

export async function findMembershipLink(
  db: Executor,
  id: number | null,
): Promise<MembershipLink | undefined> {
  if (id === null) return undefined;
  const [row] = await db.select(membershipLabelColumns).from(membership).where(eq(membership.id, id));
  return row && { id: row.id, label: membershipDisplay(row) };
}

/** The chosen membership as the option its autocomplete shows before any typing. */
export async function membershipChoice(db: Executor, id: string | undefined): Promise<Choice[]> {
  if (!id || !/^\d{1,9}$/.test(id)) return [];
  const found = await findMembershipLink(db, Number(id));
  return found ? [{ value: String(found.id), label: found.label }] : [];
}

export interface AccountBenefitLink {
  id: string;
  label: string;
}

export async function findAccountBenefitLink(
  db: Executor,
  id: string | null,
  today: string,
): Promise<AccountBenefitLink | undefined> {
  if (id === null || !isUuid(id)) return undefined;
  const key = id.toLowerCase();
  const label = (await accountBenefitDisplays(db, [key], today)).get(key);
  return label === undefined ? undefined : { id: key, label };
}

/** The chosen account benefit as the option its autocomplete shows before any typing. */
export async function accountBenefitChoice(
  db: Executor,
  id: string | undefined,
  today: string,
): Promise<Choice[]> {
  const found = await findAccountBenefitLink(db, id || null, today);
  return found ? [{ value: found.id, label: found.label }] : [];
}

/** Event categories an event may be given: the active ones, plus the one it already has. */
export async function eventCategoryChoices(db: Executor, keep: string | null = null): Promise<Choice[]> {
  const active = eq(eventCategory.active, true);
  const rows = await db
    .select({ id: eventCategory.id, name: eventCategory.name })
    .from(eventCategory)
    .where(keep !== null && isUuid(keep) ? or(active, eq(eventCategory.id, keep.toLowerCase())) : active)
    .orderBy(asc(eventCategory.name), asc(eventCategory.id));
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

export async function findEventCategoryName(db: Executor, id: string | null): Promise<string | undefined> {
  if (id === null) return undefined;
  const [row] = await db
    .select({ name: eventCategory.name })
    .from(eventCategory)
    .where(eq(eventCategory.id, id));
  return row?.name;
}

/** Whether the account benefit exists and is of the given unit type (`seat` for tasks, `event` for events). */
export async function accountBenefitOfUnit(db: Executor, id: string, unitType: "seat" | "event") {
  if (!isUuid(id)) return false;
  const [row] = await db
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .innerJoin(benefit, eq(benefit.id, accountBenefit.benefitId))
    .where(and(eq(accountBenefit.id, id.toLowerCase()), eq(benefit.unitType, unitType)));
  return row !== undefined;
}

export async function membershipExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: membership.id }).from(membership).where(eq(membership.id, id));
  return row !== undefined;
}
