// Django-style formsets: several rows of the same small form posted at once, e.g. the members of a
// membership or the owners of an account. Pure functions: reading the posted rows, deciding what
// each row asks for under the "EDITABLE" rule, and the checks every formset shares. The page view is
// in formset-table.tsx; what a row means (its foreign keys, its table) is the caller's business.
//
// Wire format (kept from AMY so bookmarked scripts and tests keep working):
//   form-TOTAL_FORMS, form-INITIAL_FORMS, form-MIN_NUM_FORMS, form-MAX_NUM_FORMS   (management)
//   form-N-<field>, form-N-id, form-N-EDITABLE, form-N-DELETE                      (row N, from 0)
// The first INITIAL_FORMS rows show stored rows and carry their id; the rest are new rows.
// A row's parent (the membership, the account) is never read from the post: the caller takes it
// from the URL, so a crafted post cannot attach a row elsewhere.

export const FORMSET_PREFIX = "form";
/** No page needs more rows than this; a post claiming more is refused before any row is read. */
export const FORMSET_ABSOLUTE_MAX = 1000;
/** The name of the submit button that asks for one more blank row instead of saving. */
export const ADD_ROW_FIELD = "add_row";

export const REQUIRED_MESSAGE = "This field is required.";
export const NOT_EDITABLE_MESSAGE =
  "This row was changed but “Change” is not ticked. Tick “Change” to save the change, or undo it.";
export const STALE_ROW_MESSAGE = "This row no longer exists; reload the page to see the current rows.";
export const TAMPERED_MESSAGE =
  "The rows of this form could not be read (the form's management data is missing or invalid). Reload the page and try again.";

/** One row as shown on the page or as posted. */
export interface FormsetRow {
  /** A stored row (one of the first INITIAL_FORMS); false for a new row. */
  initial: boolean;
  /** The stored row's id; "" for a new row. */
  id: string;
  editable: boolean;
  delete: boolean;
  /** The row's own fields, by field name, trimmed. */
  values: Record<string, string>;
}

export interface PostedRow extends FormsetRow {
  index: number;
}

export type FormsetSubmission = { ok: true; rows: PostedRow[] } | { ok: false; error: string };

export function managementName(
  name: "TOTAL_FORMS" | "INITIAL_FORMS" | "MIN_NUM_FORMS" | "MAX_NUM_FORMS",
  prefix = FORMSET_PREFIX,
): string {
  return `${prefix}-${name}`;
}

/** `form-3-organization`: the name of a row's field in the post. */
export function rowFieldName(index: number, field: string, prefix = FORMSET_PREFIX): string {
  return `${prefix}-${index}-${field}`;
}

type Body = Record<string, unknown>;

function firstString(body: Body, name: string): string | undefined {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** A posted checkbox is on when present with any value other than "false" (as Django reads it). */
function checked(body: Body, name: string): boolean {
  const value = firstString(body, name);
  return value !== undefined && value !== "" && value.toLowerCase() !== "false";
}

function count(body: Body, name: string): number | undefined {
  const text = firstString(body, name)?.trim();
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Reads the posted rows of a formset. Refuses a post whose management data is missing or claims
 * more than `absoluteMax` rows (default 1000), so a hostile TOTAL_FORMS cannot make the server loop.
 */
export function parseFormset(
  body: unknown,
  options: { fields: readonly string[]; prefix?: string; absoluteMax?: number },
): FormsetSubmission {
  const prefix = options.prefix ?? FORMSET_PREFIX;
  const limit = options.absoluteMax ?? FORMSET_ABSOLUTE_MAX;
  const data = (body && typeof body === "object" ? body : {}) as Body;
  const total = count(data, managementName("TOTAL_FORMS", prefix));
  const initialCount = count(data, managementName("INITIAL_FORMS", prefix));
  if (total === undefined || initialCount === undefined) return { ok: false, error: TAMPERED_MESSAGE };
  if (total > limit) {
    return { ok: false, error: `Too many rows: at most ${limit} rows can be submitted at once.` };
  }
  const rows: PostedRow[] = [];
  for (let index = 0; index < total; index++) {
    const values: Record<string, string> = {};
    for (const field of options.fields) {
      values[field] = (firstString(data, rowFieldName(index, field, prefix)) ?? "").trim();
    }
    rows.push({
      index,
      initial: index < initialCount,
      id: (firstString(data, rowFieldName(index, "id", prefix)) ?? "").trim(),
      editable: checked(data, rowFieldName(index, "EDITABLE", prefix)),
      delete: checked(data, rowFieldName(index, "DELETE", prefix)),
      values,
    });
  }
  return { ok: true, rows };
}

/** True when the post came from the "Add another" button: show one more blank row, save nothing. */
export function wantsAnotherRow(body: unknown): boolean {
  return !!body && typeof body === "object" && (body as Body)[ADD_ROW_FIELD] !== undefined;
}

/** A stored row as the formset compares it: its id and its fields as strings (ids as decimal text). */
export interface StoredRow {
  id: string;
  values: Record<string, string>;
}

export type RowChange =
  | { kind: "create"; index: number; values: Record<string, string> }
  | {
      kind: "update";
      index: number;
      id: string;
      values: Record<string, string>;
      before: Record<string, string>;
    }
  | { kind: "delete"; index: number; id: string; before: Record<string, string> };

export interface RowErrors {
  /** Errors about the row as a whole (shown above it). */
  row: string[];
  /** Errors of one field of the row. */
  fields: Record<string, string[]>;
}

/** A row as it will be once the changes are saved, and the posted row it comes from (if any). */
export interface ResultingRow {
  index: number | null;
  id: string | null;
  values: Record<string, string>;
}

export interface FormsetPlan {
  changes: RowChange[];
  /** Posted row index → its errors. */
  rowErrors: Map<number, RowErrors>;
  /** Errors about the formset as a whole (too many rows…). */
  formErrors: string[];
  /** Every row after the changes: the stored rows left alone plus the changed and the new ones. */
  resulting: ResultingRow[];
}

export interface PlanOptions {
  fields: readonly string[];
  /** Whether DELETE is honoured; when false a posted DELETE is ignored (the field does not exist). */
  canDelete: boolean;
  /** Most rows allowed after the change. */
  maxRows?: number;
  /** The error when there would be more than `maxRows` rows (a generic sentence by default). */
  tooManyMessage?: string;
  /** Fewest rows allowed after the change. */
  minRows?: number;
  /** Fields that may stay empty; every other field is required. */
  optional?: readonly string[];
}

const isBlank = (values: Record<string, string>, fields: readonly string[]) =>
  fields.every((field) => (values[field] ?? "") === "");

const differs = (values: Record<string, string>, before: Record<string, string>, fields: readonly string[]) =>
  fields.some((field) => (values[field] ?? "") !== (before[field] ?? ""));

export function addRowError(plan: FormsetPlan, index: number, message: string, field?: string): void {
  const errors = plan.rowErrors.get(index) ?? { row: [], fields: {} };
  if (field === undefined) {
    if (!errors.row.includes(message)) errors.row.push(message);
  } else {
    const list = errors.fields[field] ?? [];
    if (!list.includes(message)) list.push(message);
    errors.fields[field] = list;
  }
  plan.rowErrors.set(index, errors);
}

export function planIsValid(plan: FormsetPlan): boolean {
  return plan.formErrors.length === 0 && plan.rowErrors.size === 0;
}

/**
 * Decides what each posted row asks for (§3.5, the "EDITABLE" rule):
 * - a row marked DELETE (when deleting is allowed) deletes its stored row, whatever else it says;
 * - a new row left blank is ignored;
 * - any other row whose values differ from what it started with (a stored row: the stored values;
 *   a new row: nothing) must be marked EDITABLE, else it gets a row error;
 * - a changed row needs every required field;
 * - the first INITIAL_FORMS rows must name a stored row of this parent.
 * Nothing is decided about what the values mean: the caller checks them (addRowError) afterwards.
 */
export function planFormset(
  rows: readonly PostedRow[],
  stored: readonly StoredRow[],
  options: PlanOptions,
): FormsetPlan {
  const { fields } = options;
  const plan: FormsetPlan = { changes: [], rowErrors: new Map(), formErrors: [], resulting: [] };
  const byId = new Map(stored.map((row) => [row.id, row]));
  const seenIds = new Set<string>();
  const touched = new Map<string, ResultingRow | null>();
  for (const row of rows) {
    const deleting = options.canDelete && row.delete;
    if (row.initial) {
      const before = byId.get(row.id);
      if (!before || seenIds.has(row.id)) {
        if (!deleting) addRowError(plan, row.index, STALE_ROW_MESSAGE);
        continue;
      }
      seenIds.add(row.id);
      if (deleting) {
        plan.changes.push({ kind: "delete", index: row.index, id: row.id, before: before.values });
        touched.set(row.id, null);
        continue;
      }
      if (!differs(row.values, before.values, fields)) continue;
      if (!row.editable) addRowError(plan, row.index, NOT_EDITABLE_MESSAGE);
      checkRequired(plan, row, options);
      plan.changes.push({
        kind: "update",
        index: row.index,
        id: row.id,
        values: row.values,
        before: before.values,
      });
      touched.set(row.id, { index: row.index, id: row.id, values: row.values });
      continue;
    }
    if (deleting || isBlank(row.values, fields)) continue;
    if (!row.editable) addRowError(plan, row.index, NOT_EDITABLE_MESSAGE);
    checkRequired(plan, row, options);
    plan.changes.push({ kind: "create", index: row.index, values: row.values });
    plan.resulting.push({ index: row.index, id: null, values: row.values });
  }
  for (const row of stored) {
    const change = touched.get(row.id);
    if (change === undefined) plan.resulting.unshift({ index: null, id: row.id, values: row.values });
    else if (change !== null) plan.resulting.push(change);
  }
  const total = plan.resulting.length;
  if (options.maxRows !== undefined && total > options.maxRows) {
    plan.formErrors.push(
      options.tooManyMessage ??
        `At most ${options.maxRows} ${options.maxRows === 1 ? "row is" : "rows are"} allowed.`,
    );
  }
  if (options.minRows !== undefined && total < options.minRows) {
    plan.formErrors.push(
      `At least ${options.minRows} ${options.minRows === 1 ? "row is" : "rows are"} needed.`,
    );
  }
  return plan;
}

function checkRequired(plan: FormsetPlan, row: PostedRow, options: PlanOptions): void {
  for (const field of options.fields) {
    if (options.optional?.includes(field)) continue;
    if ((row.values[field] ?? "") === "") addRowError(plan, row.index, REQUIRED_MESSAGE, field);
  }
}

/**
 * Marks changed rows that would duplicate another row on the `key` fields once saved — another new
 * or changed row of the post, or a stored row (the stored rows of the parent are all known, so this
 * is also the check against the database). A changed row taking the current values of another stored
 * row is refused too, even if that row changes as well: saving such a swap would collide half-way.
 */
export function markDuplicates(plan: FormsetPlan, key: readonly string[], message: string): void {
  const keyOf = (values: Record<string, string>) => JSON.stringify(key.map((field) => values[field] ?? ""));
  const seen = new Map<string, ResultingRow>();
  const ordered = [...plan.resulting].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  for (const row of ordered) {
    const k = keyOf(row.values);
    if (seen.has(k) && row.index !== null) addRowError(plan, row.index, message);
    else seen.set(k, row);
  }
  const deleted = new Set(
    plan.changes.filter((change) => change.kind === "delete").map((change) => change.id),
  );
  const storedKeys = new Map<string, string>();
  for (const change of plan.changes) {
    if (change.kind !== "create") storedKeys.set(keyOf(change.before), change.id);
  }
  for (const change of plan.changes) {
    if (change.kind !== "update") continue;
    const owner = storedKeys.get(keyOf(change.values));
    if (owner !== undefined && owner !== change.id && !deleted.has(owner))
      addRowError(plan, change.index, message);
  }
}

/** The rows of a page showing stored rows, followed by `extra` blank new rows. */
export function rowsToShow(
  stored: readonly StoredRow[],
  extra: number,
  fields: readonly string[],
): FormsetRow[] {
  return [...stored.map((row) => storedRowView(row)), ...blankRows(extra, fields)];
}

export function storedRowView(row: StoredRow): FormsetRow {
  return { initial: true, id: row.id, editable: false, delete: false, values: { ...row.values } };
}

export function blankRows(count: number, fields: readonly string[]): FormsetRow[] {
  return Array.from({ length: Math.max(count, 0) }, () => ({
    initial: false,
    id: "",
    editable: true,
    delete: false,
    values: Object.fromEntries(fields.map((field) => [field, ""])),
  }));
}
