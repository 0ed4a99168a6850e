import type { ComponentChildren } from "preact";
import { usePageContext } from "./context.ts";

/** Field name → messages, as produced by `fieldErrors()` in server/forms.ts. */
export type FieldErrors = Record<string, string[] | undefined>;

/**
 * A POST form with its CSRF token; every state-changing form on the site is one of these.
 * `confirm` asks the browser to confirm before submitting (static/amy.js).
 */
export function PostForm(props: {
  action: string;
  children: ComponentChildren;
  class?: string;
  novalidate?: boolean;
  confirm?: string;
  multipart?: boolean;
}) {
  const { csrfToken } = usePageContext();
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      noValidate={props.novalidate}
      data-confirm={props.confirm}
      enctype={props.multipart ? "multipart/form-data" : undefined}
    >
      <input type="hidden" name="csrfmiddlewaretoken" value={csrfToken} />
      {props.children}
    </form>
  );
}

interface CommonFieldProps {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  required?: boolean;
  help?: string;
}

interface FrameIds {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
}

function frameIds(props: CommonFieldProps): FrameIds {
  const id = `id_${props.name}`;
  const invalid = (props.errors?.[props.name]?.length ?? 0) > 0;
  const describedBy = [props.help ? `${id}_help` : "", invalid ? `${id}_errors` : ""]
    .filter(Boolean)
    .join(" ");
  return { id, invalid, describedBy: describedBy || undefined };
}

/** Label, control, help text and the field's errors, laid out the same way for every kind of field. */
function FieldFrame(props: CommonFieldProps & { ids: FrameIds; children: ComponentChildren }) {
  const { id } = props.ids;
  const messages = props.errors?.[props.name] ?? [];
  return (
    <div class="mb-3">
      <label for={id} class={props.required ? "form-label required" : "form-label"}>
        {props.label}
      </label>
      {props.children}
      {props.help ? (
        <div id={`${id}_help`} class="form-text">
          {props.help}
        </div>
      ) : null}
      <FieldMessages id={id} messages={messages} />
    </div>
  );
}

function FieldMessages(props: { id: string; messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <div id={`${props.id}_errors`} class="invalid-feedback d-block">
      {props.messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </div>
  );
}

interface FieldProps extends CommonFieldProps {
  type?: "text" | "password" | "email" | "number" | "date" | "url" | "search";
  value?: string | undefined;
  autocomplete?: string;
  autofocus?: boolean;
  maxLength?: number;
}

/** A labelled input with its help text and its errors beside it; keeps what the user typed. */
export function Field(props: FieldProps) {
  const ids = frameIds(props);
  return (
    <FieldFrame {...props} ids={ids}>
      <input
        id={ids.id}
        name={props.name}
        type={props.type ?? "text"}
        class={ids.invalid ? "form-control is-invalid" : "form-control"}
        value={props.type === "password" ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        autofocus={props.autofocus}
        maxLength={props.maxLength}
        aria-invalid={ids.invalid ? "true" : undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}

export function TextAreaField(
  props: CommonFieldProps & { value?: string | undefined; rows?: number; maxLength?: number },
) {
  const ids = frameIds(props);
  return (
    <FieldFrame {...props} ids={ids}>
      <textarea
        id={ids.id}
        name={props.name}
        rows={props.rows ?? 4}
        class={ids.invalid ? "form-control is-invalid" : "form-control"}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={ids.invalid ? "true" : undefined}
        aria-describedby={ids.describedBy}
      >
        {props.value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

interface SelectProps extends CommonFieldProps {
  choices: readonly Choice[];
  /** Selected values (one for a single select). */
  selected?: readonly string[] | string | undefined;
  multiple?: boolean;
  /** A blank first option with this label (single selects). */
  blank?: string;
  /** A `/select_lookups/…/` URL: the browser then searches it as the user types (Tom Select). */
  lookup?: string;
}

/**
 * A select or multi-select. With `lookup`, `choices` need only hold the selected options: the rest
 * are fetched as the user types, so no page lists thousands of options.
 */
export function SelectField(props: SelectProps) {
  const ids = frameIds(props);
  const selected = new Set(typeof props.selected === "string" ? [props.selected] : (props.selected ?? []));
  return (
    <FieldFrame {...props} ids={ids}>
      <select
        id={ids.id}
        name={props.name}
        multiple={props.multiple}
        class={ids.invalid ? "form-select is-invalid" : "form-select"}
        required={props.required}
        data-lookup={props.lookup}
        aria-invalid={ids.invalid ? "true" : undefined}
        aria-describedby={ids.describedBy}
      >
        {props.blank !== undefined && !props.multiple ? <option value="">{props.blank}</option> : null}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={selected.has(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: CommonFieldProps & { checked?: boolean; value?: string }) {
  const ids = frameIds(props);
  return (
    <div class="mb-3 form-check">
      <input
        id={ids.id}
        name={props.name}
        type="checkbox"
        value={props.value ?? "on"}
        class={ids.invalid ? "form-check-input is-invalid" : "form-check-input"}
        checked={props.checked}
        aria-invalid={ids.invalid ? "true" : undefined}
        aria-describedby={ids.describedBy}
      />
      <label for={ids.id} class="form-check-label">
        {props.label}
      </label>
      {props.help ? (
        <div id={`${ids.id}_help`} class="form-text">
          {props.help}
        </div>
      ) : null}
      <FieldMessages id={ids.id} messages={props.errors?.[props.name] ?? []} />
    </div>
  );
}

/** Errors that belong to no single field (e.g. a failed login), shown above the form. */
export function FormAlert(props: { messages: readonly string[] | undefined }) {
  if (!props.messages || props.messages.length === 0) return null;
  return (
    <div class="alert alert-danger" role="alert">
      {props.messages.map((message) => (
        <p class="mb-0" key={message}>
          {message}
        </p>
      ))}
    </div>
  );
}
