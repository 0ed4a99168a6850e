import type { ComponentChildren } from "preact";
import type { Choice, FieldErrors } from "./forms.tsx";

// The comparison table of a merge page (persons, events): A's value, B's value, and a radio group per
// field saying which the merged record keeps.

export const SIDE_OPTIONS: Choice[] = [
  { value: "obj_a", label: "Use A" },
  { value: "obj_b", label: "Use B" },
];
export const COMBINE_OPTIONS: Choice[] = [...SIDE_OPTIONS, { value: "combine", label: "Combine" }];

export function MergeTable(props: { caption: string; children: ComponentChildren }) {
  return (
    <div class="table-responsive">
      <table class="table table-striped align-middle">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** One field: its two values and the choice between them, with the choice's errors beside it. */
export function MergeChoiceRow(props: {
  name: string;
  label: string;
  options: readonly Choice[];
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  children: [ComponentChildren, ComponentChildren];
}) {
  const messages = props.errors?.[props.name] ?? [];
  const errorId = `id_${props.name}_errors`;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children[0]}</td>
      <td>{props.children[1]}</td>
      <td>
        <fieldset aria-describedby={messages.length > 0 ? errorId : undefined}>
          <legend class="visually-hidden">{props.label}</legend>
          {props.options.map((option) => (
            <div class="form-check form-check-inline" key={option.value}>
              <input
                class={messages.length > 0 ? "form-check-input is-invalid" : "form-check-input"}
                type="radio"
                id={`id_${props.name}_${option.value}`}
                name={props.name}
                value={option.value}
                checked={props.values[props.name] === option.value}
              />
              <label class="form-check-label" for={`id_${props.name}_${option.value}`}>
                {option.label}
              </label>
            </div>
          ))}
          {messages.length > 0 ? (
            <div id={errorId} class="invalid-feedback d-block">
              {messages.map((message) => (
                <div key={message}>{message}</div>
              ))}
            </div>
          ) : null}
        </fieldset>
      </td>
    </tr>
  );
}
