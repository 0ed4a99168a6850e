import { type Choice, type FieldErrors, FormAlert, PostForm, SelectField } from "../../../ui/forms.tsx";

export type TaskFormValues = Record<string, string | undefined>;

export interface TaskFieldsProps {
  /** "task-" on the create page and the event page, "" on the edit page. */
  prefix: string;
  values: TaskFormValues;
  errors?: FieldErrors | undefined;
  roleChoices: readonly Choice[];
  /** The chosen event and person as options, so the lookups show them until the user searches. */
  eventChoice?: Choice | undefined;
  personChoice?: Choice | undefined;
}

/** The seat-membership picker: the membership whose instructor-training seat a learner takes. */
export function SeatMembershipField(props: {
  prefix: string;
  values: TaskFormValues;
  errors?: FieldErrors | undefined;
  choices?: readonly Choice[];
}) {
  const name = `${props.prefix}seat_membership`;
  return (
    <SelectField
      name={name}
      label="Seat membership"
      choices={props.choices ?? []}
      selected={props.values[name]}
      blank="---------"
      lookup="/select_lookups/memberships_for_tasks/"
      errors={props.errors}
      help="For a learner at an instructor training (TTT): the membership whose seat they take. Search by name, variant or member organisation, or type a date as YYYY-MM-DD to find the memberships active on that day."
    />
  );
}

/** The allocated-benefit picker, when the service offering is on. */
export interface AllocatedBenefitField {
  choices: readonly Choice[];
  /** The seat-benefit lookup, with `?benefit=` when the event's tags restrict it. */
  lookup: string;
  help: string;
}

/** The person and role pickers every task form has. */
export function TaskPersonAndRole(props: TaskFieldsProps) {
  const name = (field: string) => `${props.prefix}${field}`;
  return (
    <>
      <SelectField
        name={name("person")}
        label="Person"
        choices={props.personChoice ? [props.personChoice] : []}
        selected={props.values[name("person")]}
        blank="(choose a person)"
        lookup="/select_lookups/persons/"
        required
        errors={props.errors}
        help="Search by name, email address or username."
      />
      <SelectField
        name={name("role")}
        label="Role"
        choices={props.roleChoices}
        selected={props.values[name("role")]}
        blank="(choose a role)"
        required
        errors={props.errors}
      />
    </>
  );
}

export interface TaskFormPageProps extends TaskFieldsProps {
  action: string;
  submitLabel: string;
  cancelHref: string;
  seatMembershipChoices: readonly Choice[];
  /** Undefined while the service offering is off: the form then has no benefit field. */
  allocatedBenefit?: AllocatedBenefitField | undefined;
}

export function TaskFormPage(props: TaskFormPageProps) {
  const eventField = `${props.prefix}event`;
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={props.errors?.__all__} />
      <SelectField
        name={eventField}
        label="Event"
        choices={props.eventChoice ? [props.eventChoice] : []}
        selected={props.values[eventField]}
        blank="(choose an event)"
        lookup="/select_lookups/events/"
        required
        errors={props.errors}
        help="Search by the event's slug."
      />
      <TaskPersonAndRole {...props} />
      <SeatMembershipField
        prefix={props.prefix}
        values={props.values}
        errors={props.errors}
        choices={props.seatMembershipChoices}
      />
      {props.allocatedBenefit ? (
        <SelectField
          name={`${props.prefix}allocated_benefit`}
          label="Allocated benefit"
          choices={props.allocatedBenefit.choices}
          selected={props.values[`${props.prefix}allocated_benefit`]}
          blank="---------"
          lookup={props.allocatedBenefit.lookup}
          errors={props.errors}
          help={props.allocatedBenefit.help}
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
