import { airportLabel, countryChoices, findAirport } from "../../reference/index.ts";
import { Field, type FieldErrors, FormAlert, PostForm, SelectField, TextAreaField } from "../../ui/forms.tsx";
import { timezoneChoices } from "../forms.ts";
import type { Choice } from "../queries.ts";
import { GENDERS } from "../rules.ts";

export interface PersonFormProps {
  action: string;
  /** Text fields as submitted or stored, by form field name. */
  values: Record<string, string>;
  /** Multi-value fields (lessons, domains, languages): the chosen ids. */
  lists: Record<string, string[]>;
  errors?: FieldErrors | undefined;
  choices: { lessons: Choice[]; domains: Choice[]; languages: Choice[] };
  mode: "create" | "edit";
  submitLabel: string;
}

/** The person form of the create and edit pages, fields in AMY's order. */
export function PersonForm(props: PersonFormProps) {
  const { values, errors } = props;
  const airport = values.airport_iata ? findAirport(values.airport_iata) : undefined;
  const airportChoices = airport
    ? [{ value: airport.iata, label: airportLabel(airport) }]
    : values.airport_iata
      ? [{ value: values.airport_iata, label: values.airport_iata }]
      : [];
  const text = (
    name: string,
    label: string,
    extra: { required?: boolean; type?: "email" | "url"; help?: string } = {},
  ) => (
    <Field
      name={name}
      label={label}
      value={values[name]}
      errors={errors}
      maxLength={name.includes("email") ? 254 : 100}
      {...extra}
    />
  );
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      {props.mode === "edit"
        ? text("username", "Username", { required: true, help: "Letters, digits, “_” and “-” only." })
        : null}
      {text("personal", "Personal (first) name", { required: true })}
      {text("middle", "Middle name")}
      {text("family", "Family (last) name")}
      {text("email", "Email address", { type: "email", help: "Also works as a login name." })}
      {text("secondary_email", "Secondary email address", { type: "email" })}
      <SelectField
        name="gender"
        label="Gender"
        choices={GENDERS}
        selected={values.gender ?? "U"}
        errors={errors}
        required
      />
      {text("gender_other", "Gender, in the person's own words", { help: "Only with “Other” above." })}
      <SelectField
        name="airport_iata"
        label="Nearest major airport"
        choices={airportChoices}
        selected={values.airport_iata}
        blank=""
        lookup="/select_lookups/airports/"
        errors={errors}
        required
        help="Type a code, city or country. The country and time zone follow from it unless set below."
      />
      <SelectField
        name="country"
        label="Country (overrides the airport's)"
        choices={countryChoices()}
        selected={values.country}
        blank="— same as the airport —"
        errors={errors}
      />
      <SelectField
        name="timezone"
        label="Time zone (overrides the airport's)"
        choices={timezoneChoices()}
        selected={values.timezone}
        blank="— same as the airport —"
        errors={errors}
      />
      {text("affiliation", "Affiliation")}
      {text("github", "GitHub username")}
      {text("twitter", "Twitter handle")}
      {text("bluesky", "Bluesky handle", { help: "For example alice.bsky.social." })}
      {text("mastodon", "Mastodon handle", { help: "For example alice@mastodon.social." })}
      {text("url", "Personal website")}
      {text("occupation", "Current occupation or career stage")}
      {text("orcid", "ORCID", { help: "The full link, for example https://orcid.org/0000-0002-1825-0097." })}
      <TextAreaField
        name="user_notes"
        label="Notes from the person"
        value={values.user_notes}
        errors={errors}
      />
      <SelectField
        name="lessons"
        label="Lessons the person can teach"
        choices={props.choices.lessons}
        selected={props.lists.lessons}
        multiple
        errors={errors}
      />
      <SelectField
        name="domains"
        label="Knowledge domains"
        choices={props.choices.domains}
        selected={props.lists.domains}
        multiple
        errors={errors}
      />
      <SelectField
        name="languages"
        label="Languages"
        choices={props.choices.languages}
        selected={props.lists.languages}
        multiple
        errors={errors}
      />
      {props.mode === "create" ? (
        <TextAreaField
          name="comment"
          label="Comment"
          value={values.comment}
          errors={errors}
          maxLength={3000}
          help="Optional; kept as a comment on the new person's page."
        />
      ) : null}
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>
    </PostForm>
  );
}
