import type { ComponentChildren } from "preact";
import { countryName } from "../../reference/index.ts";
import { type Choice, type FieldErrors, FormAlert, PostForm, SelectField } from "../../ui/forms.tsx";
import type { MergeSide } from "../merge-queries.ts";
import { COLLECTIONS, type CollectionName, canCombine, SIMPLE_FIELDS } from "../merge-rules.ts";

const MERGE_PATH = "/workshops/events/merge/";

/** Step one: pick the two events to compare (a GET form, so the comparison has a shareable address). */
export function EventsSelectionPage(props: { choices: readonly Choice[]; eventA?: string; eventB?: string }) {
  return (
    <div>
      <p class="lead">Choose two events that describe the same workshop. The next page compares them.</p>
      <form method="get" action={MERGE_PATH}>
        <SelectField
          name="event_a"
          label="Event A"
          required
          blank="---------"
          choices={props.choices}
          selected={props.eventA}
          lookup="/select_lookups/events/"
        />
        <SelectField
          name="event_b"
          label="Event B"
          required
          blank="---------"
          choices={props.choices}
          selected={props.eventB}
          lookup="/select_lookups/events/"
        />
        <button type="submit" class="btn btn-primary">
          Compare
        </button>
      </form>
    </div>
  );
}

interface MergeProps {
  a: MergeSide;
  b: MergeSide;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}

const SIDE_OPTIONS = [
  { value: "obj_a", label: "Use A" },
  { value: "obj_b", label: "Use B" },
];
const COMBINE_OPTIONS = [...SIDE_OPTIONS, { value: "combine", label: "Combine" }];

/** Step two: both events side by side, with a choice per field of what the merged event keeps. */
export function EventsMergePage(props: MergeProps) {
  const { a, b } = props;
  const optionsOf = (name: string) => (canCombine(name) ? COMBINE_OPTIONS : SIDE_OPTIONS);
  return (
    <div>
      <p class="lead">
        A is {a.event.slug}; B is {b.event.slug}. Choose what the merged event keeps. The event not chosen
        under “Event kept” is deleted.
      </p>
      <FormAlert messages={props.errors?.__all__} />
      <PostForm action={props.action}>
        <input type="hidden" name="event_a" value={String(a.event.id)} />
        <input type="hidden" name="event_b" value={String(b.event.id)} />
        <div class="table-responsive">
          <table class="table table-striped align-middle">
            <caption>Values of the two events and the one to keep</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">Keep</th>
              </tr>
            </thead>
            <tbody>
              <ChoiceRow {...props} name="id" label="Event kept" options={SIDE_OPTIONS}>
                <a href={`/workshops/event/${a.event.slug}/`}>#{a.event.id}</a>
                <a href={`/workshops/event/${b.event.slug}/`}>#{b.event.id}</a>
              </ChoiceRow>
              {SIMPLE_FIELDS.map((field) => (
                <ChoiceRow
                  {...props}
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  options={optionsOf(field.name)}
                >
                  {showValue(field.name, a)}
                  {showValue(field.name, b)}
                </ChoiceRow>
              ))}
              {COLLECTIONS.map((collection) => (
                <ChoiceRow
                  {...props}
                  key={collection.name}
                  name={collection.name}
                  label={collection.label}
                  options={COMBINE_OPTIONS}
                >
                  {showCollection(collection.name, a)}
                  {showCollection(collection.name, b)}
                </ChoiceRow>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" class="btn btn-danger">
          Merge
        </button>
      </PostForm>
    </div>
  );
}

function ChoiceRow(
  props: MergeProps & {
    name: string;
    label: string;
    options: Choice[];
    children: [ComponentChildren, ComponentChildren];
  },
) {
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

const empty = <span class="text-body-secondary">—</span>;

function showValue(name: (typeof SIMPLE_FIELDS)[number]["name"], side: MergeSide): ComponentChildren {
  if (name in side.names) return side.names[name as keyof MergeSide["names"]] || empty;
  const field = SIMPLE_FIELDS.find((item) => item.name === name);
  const value = field ? side.event[field.key] : null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (name === "country" && typeof value === "string") return countryName(value);
  return value === null || value === "" ? empty : String(value);
}

function showCollection(name: CollectionName, side: MergeSide): ComponentChildren {
  if (name === "comments") return side.comments === 1 ? "1 comment" : `${side.comments} comments`;
  const items = side.items[name];
  if (items.length === 0) return <span class="text-body-secondary">none</span>;
  return (
    <ul class="list-unstyled mb-0">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
