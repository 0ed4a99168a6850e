import type { ComponentChildren } from "preact";
import { type FieldErrors, FormAlert, PostForm } from "../../../ui/forms.tsx";
import { COMBINE_OPTIONS, MergeChoiceRow, MergeTable, SIDE_OPTIONS } from "../../../ui/merge-table.tsx";
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
        <MergeTable caption="Values of the two records and the one to keep">
          <MergeChoiceRow {...props} name="id" label="Record kept" options={SIDE_OPTIONS}>
            <a href={`/workshops/person/${a.person.id}/`}>#{a.person.id}</a>
            <a href={`/workshops/person/${b.person.id}/`}>#{b.person.id}</a>
          </MergeChoiceRow>
          {SIMPLE_FIELDS.map((field) => (
            <MergeChoiceRow
              {...props}
              key={field.name}
              name={field.name}
              label={field.label}
              options={SIDE_OPTIONS}
            >
              {showValue(field.name, a.person[field.key])}
              {showValue(field.name, b.person[field.key])}
            </MergeChoiceRow>
          ))}
          {COLLECTIONS.map((collection) => (
            <MergeChoiceRow
              {...props}
              key={collection.name}
              name={collection.name}
              label={collection.label}
              options={COMBINE_OPTIONS}
            >
              {showCollection(collection.name, a)}
              {showCollection(collection.name, b)}
            </MergeChoiceRow>
          ))}
          <MergeChoiceRow
            {...props}
            name="consent_set"
            label="Consents"
            options={[{ value: "most_recent", label: "Most recent of each" }]}
          >
            <span>—</span>
            <span>—</span>
          </MergeChoiceRow>
        </MergeTable>
        <button type="submit" class="btn btn-danger">
          Merge
        </button>
      </PostForm>
    </div>
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
