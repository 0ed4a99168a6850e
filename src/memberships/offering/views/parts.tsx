// Small pieces the offering pages share.
import { type ComponentChildren, Fragment } from "preact";
import { HistoryLines, type VersionStamp } from "../../../history/index.ts";
import { type FieldErrors, PostForm, SelectField } from "../../../ui/forms.tsx";
import { formatInstant } from "../../../ui/time.ts";
import { TRI_STATE_CHOICES } from "../list-filters.ts";

/** Whether a submitted checkbox value is ticked (as the forms' `checkbox` field reads it). */
export const isTicked = (value: string | undefined): boolean =>
  value !== undefined && !["", "false", "0"].includes(value.toLowerCase());

export const yesNo = (value: boolean): string => (value ? "Yes" : "No");

export function Instant(props: { at: Date }) {
  return <time datetime={props.at.toISOString()}>{formatInstant(props.at)}</time>;
}

/** A tri-state filter: any / yes / no. */
export function TriStateFilter(props: {
  name: string;
  label: string;
  selected: string | undefined;
  errors: FieldErrors;
}) {
  return (
    <SelectField
      name={props.name}
      label={props.label}
      choices={TRI_STATE_CHOICES}
      selected={props.selected}
      blank="Any"
      errors={props.errors}
    />
  );
}

/** Label / value rows of a details page. */
export function Facts(props: { rows: readonly [string, ComponentChildren][] }) {
  return (
    <dl class="row">
      {props.rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt class="col-sm-3">{label}</dt>
          <dd class="col-sm-9">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** History lines, then Edit and Delete buttons for those who may use them. */
export function DetailsActions(props: {
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  editHref: string | undefined;
  deleteAction: string | undefined;
  subject: string;
  children?: ComponentChildren;
}) {
  return (
    <>
      <HistoryLines {...props.history} />
      <div class="d-flex flex-wrap gap-2 mb-3">
        {props.editHref ? (
          <a class="btn btn-primary" href={props.editHref}>
            Edit
          </a>
        ) : null}
        {props.children}
        {props.deleteAction ? (
          <PostForm action={props.deleteAction} confirm={`Delete ${props.subject}? This cannot be undone.`}>
            <button type="submit" class="btn btn-danger">
              Delete
            </button>
          </PostForm>
        ) : null}
      </div>
    </>
  );
}

/**
 * A field the page fixed (from `?account_pk=` or `?partnership_pk=`): its value shown, not editable;
 * a hidden input keeps the value in the form for the browser code (the server ignores it).
 */
export function LockedField(props: {
  name: string;
  label: string;
  text: string;
  value: string;
  help?: string;
}) {
  const id = `id_${props.name}`;
  return (
    <div class="mb-3">
      <label for={id} class="form-label">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        readOnly
        class="form-control-plaintext"
        value={props.text}
        aria-describedby={`${id}_help`}
      />
      <input type="hidden" name={props.name} value={props.value} />
      <div id={`${id}_help`} class="form-text">
        {props.help ?? "Fixed by the page you came from."}
      </div>
    </div>
  );
}

/** Submit and cancel at the foot of a form. */
export function FormButtons(props: { submitLabel: string; cancelHref: string }) {
  return (
    <>
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </>
  );
}
