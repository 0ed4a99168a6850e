import type { ComponentChildren } from "preact";
import { usePageContext } from "./context.ts";

/** Field name → messages, as produced by `fieldErrors()` in server/forms.ts. */
export type FieldErrors = Record<string, string[] | undefined>;

/** A POST form with its CSRF token; every state-changing form on the site is one of these. */
export function PostForm(props: {
  action: string;
  children: ComponentChildren;
  class?: string;
  novalidate?: boolean;
}) {
  const { csrfToken } = usePageContext();
  return (
    <form method="post" action={props.action} class={props.class} noValidate={props.novalidate}>
      <input type="hidden" name="csrfmiddlewaretoken" value={csrfToken} />
      {props.children}
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "password" | "email" | "number" | "date" | "url";
  value?: string | undefined;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  help?: string;
  autofocus?: boolean;
  maxLength?: number;
}

/** A labelled input with its help text and its errors beside it; keeps what the user typed. */
export function Field(props: FieldProps) {
  const id = `id_${props.name}`;
  const messages = props.errors?.[props.name] ?? [];
  const describedBy = [props.help ? `${id}_help` : "", messages.length > 0 ? `${id}_errors` : ""]
    .filter(Boolean)
    .join(" ");

  return (
    <div class="mb-3">
      <label for={id} class={props.required ? "form-label required" : "form-label"}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        class={messages.length > 0 ? "form-control is-invalid" : "form-control"}
        value={props.type === "password" ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        autofocus={props.autofocus}
        maxLength={props.maxLength}
        aria-invalid={messages.length > 0 ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.help ? (
        <div id={`${id}_help`} class="form-text">
          {props.help}
        </div>
      ) : null}
      {messages.length > 0 ? (
        <div id={`${id}_errors`} class="invalid-feedback">
          {messages.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </div>
      ) : null}
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
