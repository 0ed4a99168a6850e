import { countryChoices } from "../../reference/index.ts";
import { Field, type FieldErrors, FormAlert, PostForm, SelectField, TextAreaField } from "../../ui/forms.tsx";
import type { OrganizationRow } from "../queries.ts";
import { organizationDisplay } from "../rules.ts";

export interface OrganizationFormProps {
  action: string;
  values: Record<string, string | string[] | undefined>;
  /** The organisations chosen as affiliated: the select's options until the lookup adds more. */
  affiliated: readonly OrganizationRow[];
  errors?: FieldErrors | undefined;
  /** The create form also takes a first comment. */
  withComment: boolean;
  submitLabel: string;
  cancelHref: string;
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export function OrganizationFormPage(props: OrganizationFormProps) {
  const { values, errors } = props;
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <Field
        name="domain"
        label="Domain"
        value={text(values.domain)}
        errors={errors}
        required
        maxLength={100}
        help="The organisation's web address without http:// or https://, e.g. example.org or example.org/lab/."
      />
      <Field
        name="fullname"
        label="Full name"
        value={text(values.fullname)}
        errors={errors}
        required
        maxLength={100}
      />
      <SelectField
        name="country"
        label="Country"
        choices={countryChoices()}
        selected={text(values.country)}
        blank="(none)"
        errors={errors}
      />
      <div class="row">
        <div class="col-sm-6">
          <Field name="latitude" label="Latitude" value={text(values.latitude)} errors={errors} />
        </div>
        <div class="col-sm-6">
          <Field name="longitude" label="Longitude" value={text(values.longitude)} errors={errors} />
        </div>
      </div>
      <SelectField
        name="affiliated_organizations"
        label="Affiliated organisations"
        choices={props.affiliated.map((row) => ({ value: String(row.id), label: organizationDisplay(row) }))}
        selected={props.affiliated.map((row) => String(row.id))}
        multiple
        lookup="/select_lookups/organizations/"
        errors={errors}
        help="Affiliation works both ways: this organisation is also listed as affiliated with each chosen one."
      />
      {props.withComment ? (
        <TextAreaField
          name="comment"
          label="Comment"
          value={text(values.comment)}
          errors={errors}
          maxLength={3000}
          help="Optional. Saved as the first comment on the organisation; Markdown formatting works."
        />
      ) : null}
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
