import { CheckboxField, Field, type FieldErrors, PostForm, SelectField } from "../../../../ui/forms.tsx";
import { BENEFIT_UNIT_TYPES } from "../../../rules.ts";
import { FormButtons, isTicked } from "../../views/parts.tsx";

export type BenefitFormValues = Record<string, string | undefined>;

export function BenefitFormPage(props: {
  action: string;
  values: BenefitFormValues;
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
      <SelectField
        name="unit_type"
        label="Unit type"
        choices={BENEFIT_UNIT_TYPES}
        selected={values.unit_type}
        blank="---------"
        errors={errors}
        required
        help="Seats are used by tasks (e.g. learners in a training); events are used by whole workshops."
      />
      <Field
        name="credits"
        label="Credits"
        type="number"
        value={values.credits}
        errors={errors}
        required
        help="What one unit costs in partnership credits; 0 or more."
      />
      <CheckboxField name="active" label="Active" checked={isTicked(values.active)} errors={errors} />
      <FormButtons submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
    </PostForm>
  );
}
