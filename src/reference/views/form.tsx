import {
  CheckboxField,
  Field,
  type FieldErrors,
  FormAlert,
  PostForm,
  SelectField,
  TextAreaField,
} from "../../ui/forms.tsx";
import type { FieldSpec } from "../forms.ts";
import { listPath, type ReferenceTable } from "../tables.ts";
import { RetireButton, RetiredBadge } from "./shared.tsx";

/** The add and edit page of any reference table; `existing` is the row being edited. */
export function ReferenceFormPage(props: {
  spec: ReferenceTable;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  existing?: { id: number | string; label: string; retired: boolean } | undefined;
}) {
  const { spec, existing } = props;
  return (
    <div class="col-md-10 col-lg-8">
      {existing?.retired ? (
        <p>
          <RetiredBadge /> This {spec.singular} is retired: it is no longer offered in forms.
        </p>
      ) : null}
      <FormAlert messages={props.errors?.__all__} />
      <PostForm action={props.action} novalidate>
        {spec.fields.map((field) => (
          <FormField key={field.name} field={field} values={props.values} errors={props.errors} />
        ))}
        <button type="submit" class="btn btn-primary">
          {existing ? "Save" : `Add ${spec.singular}`}
        </button>{" "}
        <a class="btn btn-link" href={listPath(spec)}>
          Cancel
        </a>
      </PostForm>
      {existing && spec.retire !== "none" ? (
        <div class="mt-4 border-top pt-3">
          <RetireButton spec={spec} id={existing.id} label={existing.label} retired={existing.retired} />
        </div>
      ) : null}
    </div>
  );
}

function FormField(props: {
  field: FieldSpec;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { field, values, errors } = props;
  const common = {
    name: field.name,
    label: field.label,
    errors,
    required: field.required,
    help: field.help,
  };
  switch (field.kind) {
    case "checkbox":
      return <CheckboxField {...common} checked={Boolean(values[field.name])} />;
    case "textarea":
      return <TextAreaField {...common} value={values[field.name]} maxLength={field.maxLength} />;
    case "countries":
      return <TextAreaField {...common} value={values[field.name]} rows={3} />;
    case "choice":
      return <SelectField {...common} choices={field.choices ?? []} selected={values[field.name] ?? ""} />;
    case "integer":
      return <Field {...common} type="number" value={values[field.name]} />;
    case "url":
      return <Field {...common} type="url" value={values[field.name]} maxLength={field.maxLength} />;
    case "text":
      return <Field {...common} value={values[field.name]} maxLength={field.maxLength} />;
  }
}
