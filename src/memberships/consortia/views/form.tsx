import { organizationDisplay } from "../../../organizations/index.ts";
import { Field, type FieldErrors, FormAlert, PostForm, SelectField } from "../../../ui/forms.tsx";
import type { ConsortiumOrganisation } from "../queries.ts";

export interface ConsortiumFormProps {
  action: string;
  values: Record<string, string | string[] | undefined>;
  /** The chosen organisations: the multi-select's options until the lookup adds more. */
  organisations: readonly ConsortiumOrganisation[];
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref: string;
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** ConsortiumForm (spec §3.7): name, description and the member organisations. */
export function ConsortiumFormPage(props: ConsortiumFormProps) {
  const { values, errors } = props;
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <Field name="name" label="Name" value={text(values.name)} errors={errors} required maxLength={100} />
      <Field
        name="description"
        label="Description"
        value={text(values.description)}
        errors={errors}
        required
        maxLength={255}
      />
      <SelectField
        name="organisations"
        label="Organisations"
        choices={props.organisations.map((row) => ({
          value: String(row.id),
          label: organizationDisplay(row),
        }))}
        selected={props.organisations.map((row) => String(row.id))}
        multiple
        lookup="/select_lookups/organizations/"
        errors={errors}
        help="Type part of an organisation's name or domain to find it."
      />
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
