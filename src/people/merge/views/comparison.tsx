import type { ComponentChildren } from "preact";
import { type FieldErrors, FormAlert, PostForm } from "../../../ui/forms.tsx";
import { GENDERS, personDisplay } from "../../rules.ts";
import type { MergeSide } from "../queries.ts";
import { COLLECTIONS, type CollectionName, SIMPLE_FIELDS } from "../rules.ts";

interface Props {
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
const COLLECTION_OPTIONS = [...SIDE_OPTIONS, { value: "combine", label: "Combine" }];

/** Step two: both records side by side, with a choice per field of which value the merged person keeps. */
export function PersonsMergePage(props: Props) {
  const { a, b } = props;
  return (
    <div>
      <p class="lead">
        A is {personDisplay(a.person)}; B is {personDisplay(b.person)}. Choose what the merged person keeps.
        The record not chosen under "Record kept" is deleted.
      </p>
      <FormAlert messages={props.errors?.__all__} />
      <PostForm action={props.action}>
        <input type="hidden" name="person_a" value={String(a.person.id)} />
        <input type="hidden" name="person_b" value={String(b.person.id)} />
        <div class="table-responsive">
          <table class="table table-striped align-middle">
            <caption>Values of the two records and the one to keep</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">Keep</th>
              </tr>
            </thead>
            <tbody>
              <ChoiceRow {...props} name="id" label="Record kept" options={SIDE_OPTIONS}>
                <a href={`/workshops/person/${a.person.id}/`}>#{a.person.id}</a>
                <a href={`/workshops/person/${b.person.id}/`}>#{b.person.id}</a>
              </ChoiceRow>
              {SIMPLE_FIELDS.map((field) => (
                <ChoiceRow
                  {...props}
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  options={SIDE_OPTIONS}
                >
                  {showValue(field.name, a.person[field.key])}
                  {showValue(field.name, b.person[field.key])}
                </ChoiceRow>
              ))}
              {COLLECTIONS.map((collection) => (
                <ChoiceRow
                  {...props}
                  key={collection.name}
                  name={collection.name}
                  label={collection.label}
                  options={COLLECTION_OPTIONS}
                >
                  {showCollection(collection.name, a)}
                  {showCollection(collection.name, b)}
                </ChoiceRow>
              ))}
              <ChoiceRow
                {...props}
                name="consent_set"
                label="Consents"
                options={[{ value: "most_recent", label: "Most recent of each" }]}
              >
                <span>—</span>
                <span>—</span>
              </ChoiceRow>
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
  props: Props & {
    name: string;
    label: string;
    options: { value: string; label: string }[];
    children: [ComponentChildren, ComponentChildren];
  },
) {
  const messages = props.errors?.[props.name] ?? [];
  const errorId = `id_${props.name}_errors`;
  const checked = props.values[props.name];
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
                checked={checked === option.value}
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

function showValue(name: string, value: string | boolean | null): ComponentChildren {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (name === "gender") return GENDERS.find((gender) => gender.value === value)?.label ?? value;
  return value ? value : <span class="text-body-secondary">—</span>;
}

function showCollection(name: CollectionName, side: MergeSide): ComponentChildren {
  if (name === "comment_comments") return countOf(side.comments.written);
  if (name === "comments") return countOf(side.comments.about);
  if (name === "trainingprogress_set") return <span class="text-body-secondary">—</span>;
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

const countOf = (n: number) => (n === 1 ? "1 comment" : `${n} comments`);
