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
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
