import { type Choice, SelectField } from "../../../ui/forms.tsx";

/** Step one: pick the two records to compare (a GET form, so the comparison has a shareable address). */
export function PersonsSelectionPage(props: {
  choices: readonly Choice[];
  personA?: string;
  personB?: string;
}) {
  return (
    <div>
      <p class="lead">
        Choose two records that describe the same person. The next page compares them side by side.
      </p>
      <form method="get" action="/workshops/persons/merge/">
        <SelectField
          name="person_a"
          label="Person From"
          required
          blank="---------"
          choices={props.choices}
          selected={props.personA}
          lookup="/select_lookups/persons/"
        />
        <SelectField
          name="person_b"
          label="Person To"
          required
          blank="---------"
          choices={props.choices}
          selected={props.personB}
          lookup="/select_lookups/persons/"
        />
        <button type="submit" class="btn btn-primary">
          Compare
        </button>
      </form>
    </div>
  );
}
