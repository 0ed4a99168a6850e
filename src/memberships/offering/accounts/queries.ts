import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { person } from "../../../accounts/schema.ts";
import type { Executor } from "../../../db/client.ts";
import { anyContains, PERSON_NAME_AND_EMAIL, personMatches } from "../../../lookups/matching.ts";
import { organizationDisplay, organizationPath } from "../../../organizations/index.ts";
import { organization } from "../../../organizations/schema.ts";
import { personDisplay } from "../../../people/index.ts";
import { accountDisplay, consortiumPath } from "../../rules.ts";
import { account, accountOwner, consortium } from "../../schema.ts";
import type { AccountFilters, AccountOrderKey, AccountType } from "./rules.ts";

export type AccountRow = typeof account.$inferSelect;
export type AccountOwnerRow = typeof accountOwner.$inferSelect;

export interface AccountEntity {
  id: number;
  display: string;
  path: string;
}

export interface AccountSummary extends AccountRow {
  /** Null only for an account whose entity row is missing (impossible with the foreign keys). */
  entity: AccountEntity | null;
}

const personName = {
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
};

const withEntity = {
  account,
  person: { id: person.id, ...personName },
  organization: { id: organization.id, fullname: organization.fullname, domain: organization.domain },
  consortium: { id: consortium.id, name: consortium.name },
};

function entityOf(row: {
  person: {
    id: number;
    personal: string;
    middle: string | null;
    family: string;
    email: string | null;
  } | null;
  organization: { id: number; fullname: string; domain: string } | null;
  consortium: { id: number; name: string } | null;
}): AccountEntity | null {
  if (row.person)
    return {
      id: row.person.id,
      display: personDisplay(row.person),
      path: `/workshops/person/${row.person.id}/`,
    };
  if (row.organization)
    return {
      id: row.organization.id,
      display: organizationDisplay(row.organization),
      path: organizationPath(row.organization.domain),
    };
  if (row.consortium)
    return { id: row.consortium.id, display: row.consortium.name, path: consortiumPath(row.consortium.id) };
  return null;
}

/** The entity's name as the list sorts it: a person's full name, an organisation's or consortium's name. */
const entityName = sql`coalesce(
  nullif(concat_ws(' ', ${person.personal}, nullif(${person.middle}, ''), ${person.family}), ''),
  ${organization.fullname},
  ${consortium.name})`;

const ORDER: Record<AccountOrderKey, SQL | typeof account.accountType> = {
  account_type: account.accountType,
  entity: entityName,
};

function condition(filters: AccountFilters): SQL | undefined {
  return and(
    filters.active === undefined ? undefined : eq(account.active, filters.active),
    filters.accountType === undefined ? undefined : eq(account.accountType, filters.accountType),
  );
}

export async function countAccounts(db: Executor, filters: AccountFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(account).where(condition(filters));
  return row?.n ?? 0;
}

/** One page of the list, newest first unless told otherwise. */
export async function listAccounts(
  db: Executor,
  filters: AccountFilters,
  page: { limit: number; offset: number },
): Promise<AccountSummary[]> {
  const order = filters.order.map((term) => (term.descending ? desc(ORDER[term.key]) : asc(ORDER[term.key])));
  const rows = await db
    .select(withEntity)
    .from(account)
    .leftJoin(person, eq(person.id, account.personId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .where(condition(filters))
    .orderBy(...(order.length > 0 ? order : [desc(account.createdAt)]), desc(account.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...row.account, entity: entityOf(row) }));
}

export async function findAccount(db: Executor, id: string): Promise<AccountSummary | undefined> {
  const [row] = await db
    .select(withEntity)
    .from(account)
    .leftJoin(person, eq(person.id, account.personId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .where(eq(account.id, id));
  return row ? { ...row.account, entity: entityOf(row) } : undefined;
}

/** The person, organisation or consortium an account of this type would point at, if it exists. */
export async function findEntity(
  db: Executor,
  type: AccountType,
  id: number,
): Promise<AccountEntity | undefined> {
  if (type === "individual") {
    const [row] = await db
      .select({ id: person.id, ...personName })
      .from(person)
      .where(eq(person.id, id));
    return row ? (entityOf({ person: row, organization: null, consortium: null }) ?? undefined) : undefined;
  }
  if (type === "organisation") {
    const [row] = await db
      .select({ id: organization.id, fullname: organization.fullname, domain: organization.domain })
      .from(organization)
      .where(eq(organization.id, id));
    return row ? (entityOf({ person: null, organization: row, consortium: null }) ?? undefined) : undefined;
  }
  const [row] = await db
    .select({ id: consortium.id, name: consortium.name })
    .from(consortium)
    .where(eq(consortium.id, id));
  return row ? (entityOf({ person: null, organization: null, consortium: row }) ?? undefined) : undefined;
}

/** Another account already pointing at the entity, if any. */
export async function otherAccountFor(
  db: Executor,
  type: AccountType,
  entityId: number,
  exceptId: string | undefined,
): Promise<string | undefined> {
  const column =
    type === "individual"
      ? account.personId
      : type === "organisation"
        ? account.organizationId
        : account.consortiumId;
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(column, entityId), exceptId === undefined ? undefined : ne(account.id, exceptId)));
  return row?.id;
}

type AccountValues = Pick<
  AccountRow,
  "accountType" | "personId" | "organizationId" | "consortiumId" | "active"
>;

export async function insertAccount(db: Executor, values: AccountValues): Promise<AccountRow> {
  const [row] = await db.insert(account).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateAccountRow(db: Executor, id: string, values: AccountValues): Promise<AccountRow> {
  const [row] = await db
    .update(account)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(account.id, id))
    .returning();
  if (!row) throw new Error(`account ${id} vanished`);
  return row;
}

export async function deleteAccountRow(db: Executor, id: string): Promise<void> {
  await db.delete(account).where(eq(account.id, id));
}

// ---------------------------------------------------------------------------------------------
// Owners

export interface OwnerSummary extends AccountOwnerRow {
  personDisplay: string;
}

/** The account's owners, by permission then person. */
export async function ownersOf(db: Executor, accountId: string): Promise<OwnerSummary[]> {
  const rows = await db
    .select({ owner: accountOwner, person: personName })
    .from(accountOwner)
    .innerJoin(person, eq(person.id, accountOwner.personId))
    .where(eq(accountOwner.accountId, accountId))
    .orderBy(
      asc(accountOwner.permissionType),
      asc(person.family),
      asc(person.personal),
      asc(accountOwner.id),
    );
  return rows.map((row) => ({ ...row.owner, personDisplay: personDisplay(row.person) }));
}

/** Points the account's `owner` row at the person, creating it when there is none. */
export async function upsertOwnerRow(
  db: Executor,
  accountId: string,
  personId: number,
): Promise<AccountOwnerRow> {
  const [existing] = await db
    .select()
    .from(accountOwner)
    .where(and(eq(accountOwner.accountId, accountId), eq(accountOwner.permissionType, "owner")))
    .orderBy(asc(accountOwner.createdAt), asc(accountOwner.id))
    .limit(1);
  if (existing) {
    if (existing.personId === personId) return existing;
    const [row] = await db
      .update(accountOwner)
      .set({ personId, lastUpdatedAt: new Date() })
      .where(eq(accountOwner.id, existing.id))
      .returning();
    if (!row) throw new Error(`account owner ${existing.id} vanished`);
    return row;
  }
  const [row] = await db
    .insert(accountOwner)
    .values({ accountId, personId, permissionType: "owner" })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Accounts whose person, organisation or consortium matches the term, as lookup results. */
export async function lookupAccounts(
  db: Executor,
  term: string,
  page: { limit: number; offset: number },
): Promise<{ id: string; text: string }[]> {
  const rows = await db
    .select(withEntity)
    .from(account)
    .leftJoin(person, eq(person.id, account.personId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .where(
      term
        ? or(
            personMatches(term, PERSON_NAME_AND_EMAIL),
            anyContains(term, [organization.domain, organization.fullname, consortium.name]),
          )
        : undefined,
    )
    .orderBy(asc(entityName), asc(account.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({
    id: row.account.id,
    text: accountDisplay(row.account.accountType, entityOf(row)?.display ?? null),
  }));
}

/** Each account's entity display, for accounts named elsewhere (account-benefit pages). */
export async function accountSummaries(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, AccountSummary>> {
  const found = new Map<string, AccountSummary>();
  if (ids.length === 0) return found;
  const rows = await db
    .select(withEntity)
    .from(account)
    .leftJoin(person, eq(person.id, account.personId))
    .leftJoin(organization, eq(organization.id, account.organizationId))
    .leftJoin(consortium, eq(consortium.id, account.consortiumId))
    .where(inArray(account.id, [...ids]));
  for (const row of rows) found.set(row.account.id, { ...row.account, entity: entityOf(row) });
  return found;
}
