import {
  CheckboxField,
  Field,
  type FieldErrors,
  FormAlert,
  PostForm,
  SelectField,
  TextAreaField,
} from "../../ui/forms.tsx";
import type { FormValues } from "../forms.ts";
import { CONTRIBUTION_TYPES, MEMBERSHIP_VARIANTS, PUBLIC_STATUSES } from "../rules.ts";
import type { RolledMaxima } from "../workflow-forms.ts";
import { AgreementDates } from "./agreement-dates.tsx";

export interface RollOverPageProps {
  action: string;
  detailsPath: string;
  /** The old membership's consortium flag: the new one always takes it. */
  consortium: boolean;
  maxima: RolledMaxima;
  values: FormValues;
  errors?: FieldErrors | undefined;
}

const ticked = (value: string | undefined) => value !== undefined && value !== "" && value !== "false";

/** The roll-over form (spec §2.11, §3.4): the successor's terms and what it carries over. */
export function RollOverPage(props: RollOverPageProps) {
  const { values, errors } = props;
  const number = (name: string, label: string, options: { required?: boolean; help?: string } = {}) => (
    <Field
      name={name}
      label={label}
      type="number"
      value={values[name]}
      errors={errors}
      required={options.required}
      help={options.help}
    />
  );
  const rolled = (name: keyof RolledMaxima, label: string, what: string) =>
    number(name, label, {
      help: `Between 0 and ${props.maxima[name]}: the ${what} the previous membership has left.`,
    });
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <Field name="name" label="Name" value={values.name} errors={errors} required maxLength={100} />
      <div class="mb-3 form-check">
        <input
          id="id_consortium"
          type="checkbox"
          class="form-check-input"
          checked={props.consortium}
          disabled
        />
        <label for="id_consortium" class="form-check-label">
          Consortium
        </label>
        <div class="form-text">Taken from the previous membership; change it later on the edit page.</div>
      </div>
      {props.consortium ? (
        <CheckboxField
          name="copy_members"
          label="Copy members"
          checked={ticked(values.copy_members)}
          errors={errors}
          help="Give the new membership the same member organisations, with the same roles."
        />
      ) : (
        <div class="mb-3 form-check">
          <input id="id_copy_members" type="checkbox" class="form-check-input" checked disabled />
          <label for="id_copy_members" class="form-check-label">
            Copy members
          </label>
          <div class="form-text">
            Always copied: a membership that is not a consortium keeps its one organisation.
          </div>
        </div>
      )}
      <CheckboxField
        name="copy_membership_tasks"
        label="Copy persons"
        checked={ticked(values.copy_membership_tasks)}
        errors={errors}
        help="Give the new membership the same persons, with the same roles."
      />
      <SelectField
        name="public_status"
        label="Can this membership be publicized on The Carpentries websites?"
        choices={PUBLIC_STATUSES}
        selected={values.public_status}
        required
        errors={errors}
      />
      <SelectField
        name="variant"
        label="Variant"
        choices={MEMBERSHIP_VARIANTS}
        selected={values.variant}
        blank="---------"
        required
        errors={errors}
      />
      <AgreementDates
        values={values}
        errors={errors}
        endHelp="A year-long agreement ends the day before the start's anniversary."
      />
      <SelectField
        name="contribution_type"
        label="Contribution type"
        choices={CONTRIBUTION_TYPES}
        selected={values.contribution_type}
        blank="---------"
        required
        errors={errors}
      />
      <Field
        name="registration_code"
        label="Registration code"
        value={values.registration_code}
        errors={errors}
        maxLength={40}
        help="Codes are unique: give the new membership a new code, or leave this empty."
      />
      <Field
        name="agreement_link"
        label="Link to member agreement"
        value={values.agreement_link}
        errors={errors}
        required
        maxLength={200}
        help="Link to the member agreement document or folder."
      />
      {number("workshops_without_admin_fee_per_agreement", "Workshops without admin fee per agreement")}
      {rolled(
        "workshops_without_admin_fee_rolled_from_previous",
        "Workshops without admin fee rolled from previous",
        "workshops without admin fee",
      )}
      {number("public_instructor_training_seats", "Public instructor training seats", { required: true })}
      {number("additional_public_instructor_training_seats", "Additional public instructor training seats", {
        required: true,
      })}
      {rolled(
        "public_instructor_training_seats_rolled_from_previous",
        "Public instructor training seats rolled from previous",
        "public seats",
      )}
      {number("inhouse_instructor_training_seats", "In-house instructor training seats", { required: true })}
      {number(
        "additional_inhouse_instructor_training_seats",
        "Additional in-house instructor training seats",
        {
          required: true,
        },
      )}
      {rolled(
        "inhouse_instructor_training_seats_rolled_from_previous",
        "In-house instructor training seats rolled from previous",
        "in-house seats",
      )}
      <TextAreaField
        name="emergency_contact"
        label="Emergency contact"
        value={values.emergency_contact}
        errors={errors}
      />
      <TextAreaField
        name="comment"
        label="Comment"
        value={values.comment}
        errors={errors}
        maxLength={3000}
        help="Optional. Saved as the first comment on the new membership; Markdown formatting works."
      />
      <button type="submit" class="btn btn-primary">
        Create new membership and roll over
      </button>{" "}
      <a class="btn btn-link" href={props.detailsPath}>
        Cancel
      </a>
    </PostForm>
  );
}
