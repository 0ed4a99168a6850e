import { and, asc, eq, getTableColumns, getTableName, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import type { Choice } from "../ui/forms.tsx";
import { exclusiveFlagsToClear, type RowId } from "./rules.ts";
import { DONT_KNOW_YET } from "./seeds.ts";
import { type ReferenceTable, referenceTable } from "./tables.ts";

// Generic queries over the reference tables, driven by their descriptions in tables.ts.

export type ReferenceRow = Record<string, unknown> & { id: RowId };

function column(spec: ReferenceTable, key: string): AnyPgColumn {
  const found = getTableColumns(spec.table)[key];
  if (!found) throw new Error(`${getTableName(spec.table)} has no column ${key}`);
  return found as AnyPgColumn;
}

/** True for a retired row, as SQL. */
function retiredCondition(spec: ReferenceTable): SQL | undefined {
  if (spec.retire === "retired_at") return sql`${column(spec, "retiredAt")} is not null`;
  if (spec.retire === "active") return sql`not ${column(spec, "active")}`;
  return undefined;
}

export function isRetired(spec: ReferenceTable, row: Record<string, unknown>): boolean {
  if (spec.retire === "retired_at") return row.retiredAt !== null && row.retiredAt !== undefined;
  if (spec.retire === "active") return row.active === false;
  return false;
}

/** Active rows first, each group in AMY's ordering. */
function listOrder(spec: ReferenceTable): SQL[] {
  const retired = retiredCondition(spec);
  return [
    ...(retired ? [retired] : []),
    ...spec.orderBy.map((key) => asc(column(spec, key))),
    asc(column(spec, "id")),
  ];
}

export async function countRows(
  db: Executor,
  spec: ReferenceTable,
): Promise<{ all: number; retired: number }> {
  const retired = retiredCondition(spec) ?? sql`false`;
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      retired: sql<number>`(count(*) filter (where ${retired}))::int`,
    })
    .from(spec.table);
  return { all: row?.all ?? 0, retired: row?.retired ?? 0 };
}

export async function listRows(
  db: Executor,
  spec: ReferenceTable,
  page: { limit: number; offset: number },
): Promise<ReferenceRow[]> {
  const rows = await db
    .select()
    .from(spec.table)
    .orderBy(...listOrder(spec))
    .limit(page.limit)
    .offset(page.offset);
  return rows as ReferenceRow[];
}

export async function findRow(
  db: Executor,
  spec: ReferenceTable,
  id: RowId,
): Promise<ReferenceRow | undefined> {
  const [row] = await db
    .select()
    .from(spec.table)
    .where(eq(column(spec, "id"), id));
  return row as ReferenceRow | undefined;
}

/** The unique fields whose value another row already holds. */
export async function takenUniqueFields(
  db: Executor,
  spec: ReferenceTable,
  values: Record<string, unknown>,
  exceptId?: RowId,
): Promise<string[]> {
  const taken: string[] = [];
  for (const field of spec.fields.filter((candidate) => candidate.unique)) {
    const sameValue = eq(column(spec, field.column), values[field.column]);
    const other = exceptId === undefined ? sameValue : and(sameValue, ne(column(spec, "id"), exceptId));
    const [row] = await db
      .select({ id: column(spec, "id") })
      .from(spec.table)
      .where(other)
      .limit(1);
    if (row) taken.push(field.name);
  }
  return taken;
}

/** The form field behind a unique constraint (Drizzle names them `<table>_<column>_unique`). */
export function fieldOfConstraint(spec: ReferenceTable, constraint: string): string | undefined {
  const tableName = getTableName(spec.table);
  return spec.fields.find(
    (field) => field.unique && constraint === `${tableName}_${column(spec, field.column).name}_unique`,
  )?.name;
}

/** Inserts or updates a row; a flag only one row may carry is first cleared on all the others. */
export async function saveRow(
  db: Executor,
  spec: ReferenceTable,
  values: Record<string, unknown>,
  id?: RowId,
): Promise<ReferenceRow> {
  return db.transaction(async (tx) => {
    for (const flag of exclusiveFlagsToClear(spec.exclusive ?? [], values)) {
      const others = id === undefined ? undefined : ne(column(spec, "id"), id);
      await tx
        .update(spec.table)
        .set({ [flag]: false })
        .where(and(eq(column(spec, flag), true), others));
    }
    const [row] =
      id === undefined
        ? await tx.insert(spec.table).values(values).returning()
        : await tx
            .update(spec.table)
            .set(spec.touch ? { ...values, [spec.touch]: new Date() } : values)
            .where(eq(column(spec, "id"), id))
            .returning();
    if (!row) throw new Error(`saving a ${spec.singular} returned no row`);
    return row as ReferenceRow;
  });
}

/** Retires a row (keeping the first retirement time), or restores it. */
export async function setRetired(
  db: Executor,
  spec: ReferenceTable,
  id: RowId,
  retired: boolean,
): Promise<void> {
  const idIs = eq(column(spec, "id"), id);
  if (spec.retire === "active") {
    await db.update(spec.table).set({ active: !retired }).where(idIs);
  } else if (spec.retire === "retired_at") {
    const retiredAt = column(spec, "retiredAt");
    await db
      .update(spec.table)
      .set({ retiredAt: retired ? sql`coalesce(${retiredAt}, now())` : null })
      .where(idIs);
  }
}

/** Active rows in the table's ordering, for form choices; `keep` ids are included even when retired. */
export async function listActiveRows(
  db: Executor,
  spec: ReferenceTable,
  keep: readonly RowId[] = [],
): Promise<ReferenceRow[]> {
  const retired = retiredCondition(spec);
  const active = retired ? sql`not ${retired}` : undefined;
  const kept = keep.length > 0 ? inArray(column(spec, "id"), [...keep]) : undefined;
  const rows = await db
    .select()
    .from(spec.table)
    .where(active && kept ? or(active, kept) : active)
    .orderBy(...spec.orderBy.map((key) => asc(column(spec, key))));
  return rows as ReferenceRow[];
}

/** The reference tables other modules offer as choices in their forms. */
export type ChoiceTable = "tags" | "roles" | "badges" | "lessons" | "knowledge-domains" | "languages";

const choiceLabel: Record<ChoiceTable, (row: ReferenceRow) => string> = {
  tags: (row) => String(row.name),
  roles: (row) => String(row.verboseName || row.name),
  badges: (row) => String(row.title),
  lessons: (row) => String(row.name),
  "knowledge-domains": (row) => String(row.name),
  languages: (row) => String(row.name),
};

/**
 * The rows a form may offer, as `{ value: id, label }` in AMY's ordering: active rows, plus the `keep`
 * ids (the record's current choices) even if retired. `excludeDontKnowYet` drops the "Don't know yet"
 * knowledge domain, which a person may not choose.
 */
export async function listActiveChoices(
  db: Executor,
  table: ChoiceTable,
  options: { keep?: readonly number[]; excludeDontKnowYet?: boolean } = {},
): Promise<Choice[]> {
  const rows = await listActiveRows(db, referenceTable(table), options.keep);
  return rows
    .filter((row) => !(options.excludeDontKnowYet && row.name === DONT_KNOW_YET))
    .map((row) => ({ value: String(row.id), label: choiceLabel[table](row) }));
}
