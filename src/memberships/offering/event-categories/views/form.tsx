import { CheckboxField, Field, type FieldErrors, PostForm } from "../../../../ui/forms.tsx";
import { FormButtons, isTicked } from "../../views/parts.tsx";

export type EventCategoryFormValues = Record<string, string | undefined>;

export function EventCategoryFormPage(props: {
  action: string;
  values: EventCategoryFormValues;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const { values, errors } = props;
  return (
    <PostForm action={props.action} novalidate>
      <Field name="name" label="Name" value={values.name} errors={errors} required maxLength={100} />
      <Field
        name="description"
        label="Description"
        value={values.description}
        errors={errors}
        required
        maxLength={255}
      />
      <CheckboxField name="active" label="Active" checked={isTicked(values.active)} errors={errors} />
      <FormButtons submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
    </PostForm>
  );
}
