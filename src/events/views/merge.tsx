import type { ComponentChildren } from "preact";
import { countryName } from "../../reference/index.ts";
import { type Choice, type FieldErrors, FormAlert, PostForm, SelectField } from "../../ui/forms.tsx";
import { COMBINE_OPTIONS, MergeChoiceRow, MergeTable, SIDE_OPTIONS } from "../../ui/merge-table.tsx";
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
        <MergeTable caption="Values of the two events and the one to keep">
          <MergeChoiceRow {...props} name="id" label="Event kept" options={SIDE_OPTIONS}>
            <a href={`/workshops/event/${a.event.slug}/`}>#{a.event.id}</a>
            <a href={`/workshops/event/${b.event.slug}/`}>#{b.event.id}</a>
          </MergeChoiceRow>
          {SIMPLE_FIELDS.map((field) => (
            <MergeChoiceRow
              {...props}
              key={field.name}
              name={field.name}
              label={field.label}
              options={optionsOf(field.name)}
            >
              {showValue(field.name, a)}
              {showValue(field.name, b)}
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
        </MergeTable>
        <button type="submit" class="btn btn-danger">
          Merge
        </button>
      </PostForm>
    </div>
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
