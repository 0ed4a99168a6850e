import {
  CheckboxField,
  Field,
  type FieldErrors,
  FormAlert,
  PostForm,
  SelectField,
  TextAreaField,
} from "../../ui/forms.tsx";
import { extensionField, type FormValues, ROLLED_PAIRS } from "../forms.ts";
import { CONTRIBUTION_TYPES, MEMBERSHIP_VARIANTS, PUBLIC_STATUSES } from "../rules.ts";
import { AgreementDates } from "./agreement-dates.tsx";

export interface MembershipFormProps {
  action: string;
  values: FormValues;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref: string;
  /** Create form: the chosen main organisation (id and display), shown chosen again. */
  create?: { organization: { id: number; display: string } | undefined };
  /** Edit form: which conditional fields it shows. */
  edit?: { hasSuccessor: boolean; hasPredecessor: boolean; extensionCount: number };
}

const ROLLED_LABELS: Record<string, string> = {
  workshops_without_admin_fee_rolled_from_previous: "Workshops without admin fee rolled from previous",
  workshops_without_admin_fee_rolled_over: "Workshops without admin fee rolled over",
  public_instructor_training_seats_rolled_from_previous:
    "Public instructor training seats rolled from previous",
  public_instructor_training_seats_rolled_over: "Public instructor training seats rolled over",
  inhouse_instructor_training_seats_rolled_from_previous:
    "In-house instructor training seats rolled from previous",
  inhouse_instructor_training_seats_rolled_over: "In-house instructor training seats rolled over",
};

/** The membership create and edit form (spec §3.2, §3.3). */
export function MembershipFormPage(props: MembershipFormProps) {
  const { values, errors, edit } = props;
  const field = (
    name: string,
    label: string,
    options: { required?: boolean; help?: string; max?: number } = {},
  ) => (
    <Field
      name={name}
      label={label}
      value={values[name]}
      errors={errors}
      required={options.required}
      help={options.help}
      maxLength={options.max}
    />
  );
  const number = (name: string, label: string, required: boolean) => (
    <Field name={name} label={label} type="number" value={values[name]} errors={errors} required={required} />
  );
  const rolled = (index: number) => {
    const pair = ROLLED_PAIRS[index];
    if (!pair || !edit) return null;
    return (
      <>
        {edit.hasPredecessor ? number(pair.from, ROLLED_LABELS[pair.from] ?? pair.from, false) : null}
        {edit.hasSuccessor ? number(pair.over, ROLLED_LABELS[pair.over] ?? pair.over, false) : null}
      </>
    );
  };
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      {props.create ? (
        <SelectField
          name="main_organization"
          label="Main organisation"
          choices={
            props.create.organization
              ? [{ value: String(props.create.organization.id), label: props.create.organization.display }]
              : []
          }
          selected={values.main_organization}
          blank=""
          lookup="/select_lookups/organizations/"
          required
          errors={errors}
        />
      ) : null}
      {props.create ? (
        <div hidden data-fill-from="main_organization" data-fill="name:fullname" data-fill-mode="empty" />
      ) : null}
      {field("name", "Name", { required: true, max: 100 })}
      <CheckboxField
        name="consortium"
        label="Consortium"
        checked={values.consortium !== undefined && values.consortium !== ""}
        errors={errors}
        help={
          props.create
            ? "A consortium groups several organisations: after saving you are taken to its members page, so the organisations must exist first."
            : "A membership with several member organisations must stay a consortium."
        }
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
        endHelp={
          edit
            ? "Use the Extend button to extend a membership rather than changing this date."
            : "A year-long agreement ends the day before the start's anniversary."
        }
      />
      {edit && edit.extensionCount > 0 ? <ExtensionInputs {...props} count={edit.extensionCount} /> : null}
      <SelectField
        name="contribution_type"
        label="Contribution type"
        choices={CONTRIBUTION_TYPES}
        selected={values.contribution_type}
        blank="---------"
        required
        errors={errors}
      />
      {field("registration_code", "Registration code", {
        max: 40,
        help: "Unique code used by members to register for workshops and instructor training.",
      })}
      {field("agreement_link", "Link to member agreement", {
        required: true,
        max: 200,
        help: "Link to the member agreement document or folder.",
      })}
      {number(
        "workshops_without_admin_fee_per_agreement",
        "Workshops without admin fee per agreement",
        false,
      )}
      {rolled(0)}
      {number("public_instructor_training_seats", "Public instructor training seats", true)}
      {number(
        "additional_public_instructor_training_seats",
        "Additional public instructor training seats",
        true,
      )}
      {rolled(1)}
      {number("inhouse_instructor_training_seats", "In-house instructor training seats", true)}
      {number(
        "additional_inhouse_instructor_training_seats",
        "Additional in-house instructor training seats",
        true,
      )}
      {rolled(2)}
      <TextAreaField
        name="emergency_contact"
        label="Emergency contact"
        value={values.emergency_contact}
        errors={errors}
      />
      {props.create ? (
        <TextAreaField
          name="comment"
          label="Comment"
          value={values.comment}
          errors={errors}
          maxLength={3000}
          help="Optional. Saved as the first comment on the membership; Markdown formatting works."
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

/** One input per recorded extension; changing them moves the end date by the difference. */
function ExtensionInputs(props: MembershipFormProps & { count: number }) {
  const messages = props.errors?.extensions ?? [];
  return (
    <fieldset class="mb-3" aria-describedby="id_extensions_help">
      <legend class="form-label fs-6">Extensions (days)</legend>
      <div class="row g-2">
        {Array.from({ length: props.count }, (_, index) => {
          const name = extensionField(index);
          const invalid = (props.errors?.[name]?.length ?? 0) > 0;
          return (
            <div class="col-sm-3" key={name}>
              <label class="visually-hidden" for={`id_${name}`}>
                Extension {index + 1} (days)
              </label>
              <input
                id={`id_${name}`}
                name={name}
                type="number"
                min="0"
                class={invalid ? "form-control is-invalid" : "form-control"}
                value={props.values[name]}
                aria-invalid={invalid ? "true" : undefined}
              />
              <Messages id={`id_${name}_errors`} messages={props.errors?.[name] ?? []} />
            </div>
          );
        })}
      </div>
      <div id="id_extensions_help" class="form-text">
        Days added by each extension. Changing them moves the agreement end date by the difference; leave one
        empty to remove it.
      </div>
      <Messages id="id_extensions_errors" messages={messages} />
    </fieldset>
  );
}

function Messages(props: { id: string; messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <div id={props.id} class="invalid-feedback d-block">
      {props.messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </div>
  );
}
