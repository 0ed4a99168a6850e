import { type Choice, type FieldErrors, FormAlert, PostForm } from "../../../ui/forms.tsx";
import { ADD_TASK_PATH } from "../rules.ts";
import { SeatMembershipField, TaskPersonAndRole } from "./form.tsx";

export interface TaskInlineFormProps {
  eventId: number;
  eventSlug: string;
  roleChoices: readonly Choice[];
  errors?: FieldErrors | undefined;
  values?: Record<string, string | undefined> | undefined;
  /** Offer the seat-membership field (the event is an instructor training, tagged TTT). */
  seatMembership?: boolean;
}

/**
 * Adds a task to one event from that event's page: the event is fixed, and after saving the browser
 * comes back to the event's task list. Errors are shown on the full task form.
 */
export function TaskInlineForm(props: TaskInlineFormProps) {
  const next = `/workshops/event/${props.eventSlug}/#tasks`;
  return (
    <PostForm action={`${ADD_TASK_PATH}?next=${encodeURIComponent(next)}`} novalidate>
      <h3 class="h5">Add a task</h3>
      <FormAlert messages={props.errors?.__all__} />
      <input type="hidden" name="task-event" value={String(props.eventId)} />
      <TaskPersonAndRole
        prefix="task-"
        values={props.values ?? {}}
        errors={props.errors}
        roleChoices={props.roleChoices}
      />
      {props.seatMembership ? <SeatMembershipField prefix="task-" values={props.values ?? {}} /> : null}
      <button type="submit" class="btn btn-primary">
        Add task
      </button>
    </PostForm>
  );
}
