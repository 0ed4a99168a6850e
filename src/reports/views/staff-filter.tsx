import { GENDERS } from "../../people/index.ts";
import { airportLabel, countryChoices, findAirport } from "../../reference/index.ts";
import { CheckboxField, type Choice, Field, FormAlert, SelectField } from "../../ui/forms.tsx";
import { FilterSidebar } from "../../ui/table.tsx";
import type { StaffForm } from "../forms.ts";
import type { NamedChoice, StaffChoices } from "../staff-queries.ts";

export const STAFF_PATH = "/workshops/workshop_staff/";

const toChoices = (rows: readonly NamedChoice[]): Choice[] =>
  rows.map((row) => ({ value: String(row.id), label: row.name }));

/** The search form beside the results; what was typed is shown again, even when it was invalid. */
export function StaffFilter(props: {
  form: StaffForm;
  input: Record<string, string | string[]>;
  choices: StaffChoices;
}) {
  const { form, input, choices } = props;
  const errors = form.errors;
  const text = (name: string) => {
    const value = input[name];
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string) => {
    const value = input[name];
    return Array.isArray(value) ? value : [];
  };
  const airport = findAirport(text("airport_iata") ?? "");
  return (
    <FilterSidebar path={STAFF_PATH}>
      <FormAlert messages={errors.__all__} />
      <SelectField
        name="airport_iata"
        label="Nearest to airport"
        errors={errors}
        choices={airport ? [{ value: airport.iata, label: airportLabel(airport) }] : []}
        selected={airport?.iata}
        blank="---------"
        lookup="/select_lookups/airports/"
      />
      <SelectField
        name="country"
        label="Country"
        errors={errors}
        multiple
        choices={countryChoices()}
        selected={list("country")}
      />
      <SelectField
        name="continent"
        label="Continent"
        errors={errors}
        choices={toChoices(choices.continents)}
        selected={text("continent")}
        blank="---------"
      />
      <Field
        name="latitude"
        label="Latitude"
        errors={errors}
        value={text("latitude")}
        help="From −90 to 90."
      />
      <Field
        name="longitude"
        label="Longitude"
        errors={errors}
        value={text("longitude")}
        help="From −180 to 180."
      />
      <CheckboxField
        name="is_instructor"
        label="Has active Instructor Community Role"
        errors={errors}
        checked={form.data.is_instructor}
      />
      <CheckboxField
        name="is_trainer"
        label="Has Trainer badge"
        errors={errors}
        checked={form.data.is_trainer}
      />
      <CheckboxField name="was_helper" label="Was a helper" errors={errors} checked={form.data.was_helper} />
      <CheckboxField
        name="was_organizer"
        label="Was an organizer"
        errors={errors}
        checked={form.data.was_organizer}
      />
      <CheckboxField
        name="is_in_progress_trainee"
        label="Is an instructor trainee in progress"
        errors={errors}
        checked={form.data.is_in_progress_trainee}
      />
      <SelectField
        name="languages"
        label="Speaks all of"
        errors={errors}
        multiple
        choices={toChoices(choices.languages)}
        selected={list("languages")}
      />
      <SelectField
        name="domains"
        label="Knows all of these domains"
        errors={errors}
        multiple
        choices={toChoices(choices.domains)}
        selected={list("domains")}
      />
      <SelectField
        name="gender"
        label="Gender"
        errors={errors}
        choices={GENDERS}
        selected={text("gender")}
        blank="---------"
      />
      <SelectField
        name="lessons"
        label="Can teach all of"
        errors={errors}
        multiple
        choices={toChoices(choices.lessons)}
        selected={list("lessons")}
      />
    </FilterSidebar>
  );
}
