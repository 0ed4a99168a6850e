import type { ComponentChildren } from "preact";
import type { Choice } from "./forms.tsx";
import {
  ADD_ROW_FIELD,
  FORMSET_ABSOLUTE_MAX,
  FORMSET_PREFIX,
  type FormsetRow,
  managementName,
  type RowErrors,
  rowFieldName,
} from "./formset.ts";

// The page side of a formset (see formset.ts): a table with one row per form, the management
// fields, each row's errors beside it, and "Add another" as a plain submit button — the server
// answers it by showing the same rows plus a blank one, so it needs no script (our CSP forbids inline
// JavaScript) and keeps what the user typed in the other rows.

/** What a column's cell needs to draw its control for one row. */
export interface FormsetCell {
  /** The posted name, e.g. `form-2-organization`. */
  name: string;
  /** The control's id, e.g. `id_form-2-organization`. */
  id: string;
  value: string;
  errors: readonly string[];
  /** An accessible label naming the column and the row, e.g. "Organisation (row 3)". */
  label: string;
  /** Ids of the row's and the field's error texts, for aria-describedby. */
  describedBy: string | undefined;
}

export interface FormsetColumn {
  field: string;
  label: string;
  render(cell: FormsetCell): ComponentChildren;
}

export interface FormsetTableProps {
  prefix?: string;
  caption: string;
  columns: readonly FormsetColumn[];
  rows: readonly FormsetRow[];
  /** Row index → errors, as planFormset and the caller's checks produced them. */
  errors?: ReadonlyMap<number, RowErrors> | undefined;
  /** Errors about the whole formset (too many rows, unreadable post). */
  formErrors?: readonly string[] | undefined;
  /** Whether stored rows get a "Delete" checkbox. */
  canDelete: boolean;
  /** AMY's hidden parent field (e.g. `membership`): shown for compatibility, never read back. */
  parent?: { field: string; value: string };
  minRows?: number;
  maxRows?: number;
}

/** The four management fields Django formsets carry. */
export function ManagementFields(props: {
  prefix?: string;
  total: number;
  initial: number;
  min?: number;
  max?: number;
}) {
  const prefix = props.prefix ?? FORMSET_PREFIX;
  const hidden = (name: Parameters<typeof managementName>[0], value: number) => (
    <input type="hidden" name={managementName(name, prefix)} value={String(value)} />
  );
  return (
    <>
      {hidden("TOTAL_FORMS", props.total)}
      {hidden("INITIAL_FORMS", props.initial)}
      {hidden("MIN_NUM_FORMS", props.min ?? 0)}
      {hidden("MAX_NUM_FORMS", props.max ?? FORMSET_ABSOLUTE_MAX)}
    </>
  );
}

export function FormsetTable(props: FormsetTableProps) {
  const prefix = props.prefix ?? FORMSET_PREFIX;
  const formErrors = props.formErrors ?? [];
  const width = props.columns.length + 1 + (props.canDelete ? 1 : 0);
  return (
    <>
      {formErrors.length > 0 ? (
        <div class="alert alert-danger" role="alert" id={`id_${prefix}_errors`}>
          {formErrors.map((message) => (
            <p class="mb-0" key={message}>
              {message}
            </p>
          ))}
        </div>
      ) : null}
      <ManagementFields
        prefix={prefix}
        total={props.rows.length}
        initial={props.rows.filter((row) => row.initial).length}
        min={props.minRows}
        max={props.maxRows}
      />
      <div class="table-responsive">
        <table class="table align-middle">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th scope="col" key={column.field}>
                  {column.label}
                </th>
              ))}
              <th scope="col">Change</th>
              {props.canDelete ? <th scope="col">Delete</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <FormsetRowView
                key={`${index}-${row.id}`}
                table={props}
                prefix={prefix}
                index={index}
                row={row}
                width={width}
                errors={props.errors?.get(index)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FormsetRowView(props: {
  table: FormsetTableProps;
  prefix: string;
  index: number;
  row: FormsetRow;
  width: number;
  errors: RowErrors | undefined;
}) {
  const { prefix, index, row, table } = props;
  const name = (field: string) => rowFieldName(index, field, prefix);
  const rowErrors = props.errors?.row ?? [];
  const rowErrorsId = `id_${prefix}-${index}_errors`;
  const rowNumber = index + 1;
  return (
    <>
      {rowErrors.length > 0 ? (
        <tr class="table-danger">
          <td colSpan={props.width} id={rowErrorsId}>
            {rowErrors.map((message) => (
              <div key={message}>
                Row {rowNumber}: {message}
              </div>
            ))}
          </td>
        </tr>
      ) : null}
      <tr class={rowErrors.length > 0 ? "table-danger" : undefined}>
        {table.columns.map((column, position) => {
          const fieldErrors = props.errors?.fields[column.field] ?? [];
          const id = `id_${name(column.field)}`;
          const describedBy =
            [rowErrors.length > 0 ? rowErrorsId : "", fieldErrors.length > 0 ? `${id}_errors` : ""]
              .filter(Boolean)
              .join(" ") || undefined;
          return (
            <td key={column.field}>
              {position === 0 ? (
                <>
                  <input type="hidden" name={name("id")} value={row.id} />
                  {table.parent ? (
                    <input type="hidden" name={name(table.parent.field)} value={table.parent.value} />
                  ) : null}
                </>
              ) : null}
              {column.render({
                name: name(column.field),
                id,
                value: row.values[column.field] ?? "",
                errors: fieldErrors,
                label: `${column.label} (row ${rowNumber})`,
                describedBy,
              })}
              {fieldErrors.length > 0 ? (
                <div id={`${id}_errors`} class="invalid-feedback d-block">
                  {fieldErrors.map((message) => (
                    <div key={message}>{message}</div>
                  ))}
                </div>
              ) : null}
            </td>
          );
        })}
        <td>
          {row.initial ? (
            <div class="form-check">
              <input
                type="checkbox"
                class="form-check-input"
                id={`id_${name("EDITABLE")}`}
                name={name("EDITABLE")}
                checked={row.editable}
              />
              <label class="form-check-label" for={`id_${name("EDITABLE")}`}>
                Change<span class="visually-hidden"> row {rowNumber}</span>
              </label>
            </div>
          ) : (
            <>
              <input type="hidden" name={name("EDITABLE")} value="on" />
              <span class="text-body-secondary">new</span>
            </>
          )}
        </td>
        {table.canDelete ? (
          <td>
            {row.initial ? (
              <div class="form-check">
                <input
                  type="checkbox"
                  class="form-check-input"
                  id={`id_${name("DELETE")}`}
                  name={name("DELETE")}
                  checked={row.delete}
                />
                <label class="form-check-label" for={`id_${name("DELETE")}`}>
                  Delete<span class="visually-hidden"> row {rowNumber}</span>
                </label>
              </div>
            ) : null}
          </td>
        ) : null}
      </tr>
    </>
  );
}

/**
 * A select in a formset cell. With `lookup` it searches that `/select_lookups/…/` URL as the user
 * types (Tom Select, as SelectField does); `choices` then need only hold the chosen option.
 */
export function FormsetSelect(props: {
  cell: FormsetCell;
  choices: readonly Choice[];
  lookup?: string;
  blank?: string;
}) {
  const { cell } = props;
  const invalid = cell.errors.length > 0;
  return (
    <>
      <label class="visually-hidden" for={cell.id}>
        {cell.label}
      </label>
      <select
        id={cell.id}
        name={cell.name}
        class={invalid ? "form-select is-invalid" : "form-select"}
        data-lookup={props.lookup}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={cell.describedBy}
      >
        <option value="">{props.blank ?? "---------"}</option>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === cell.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The "Add another" button: submits the form to the same URL with `add_row`, and the page comes back
 * with one more blank row and nothing saved. Put it after the Save button, so Enter still saves.
 */
export function AddRowButton(props: { label?: string }) {
  return (
    <button type="submit" name={ADD_ROW_FIELD} value="1" class="btn btn-outline-secondary" formNoValidate>
      {props.label ?? "Add another"}
    </button>
  );
}
