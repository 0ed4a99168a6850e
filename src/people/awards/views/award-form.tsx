import type { Choice, FieldErrors } from "../../../ui/forms.tsx";
import { Field, FormAlert, PostForm, SelectField } from "../../../ui/forms.tsx";
import type { LockedAwardFields } from "../forms.ts";

export interface AwardFormProps {
  /** Where the form posts: this page's address with its query (locks and `next`). */
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  badgeChoices: readonly Choice[];
  /** Labels of the chosen person, event and awarding person, so their boxes show names, not ids. */
  chosen: Partial<Record<"award-person" | "award-event" | "award-awarded_by", Choice>>;
  locked: LockedAwardFields;
}

const LOCKED_HELP = "Set by the link that opened this form.";

export function AwardFormPage(props: AwardFormProps) {
  const { values, errors, chosen, locked } = props;
  const only = (choice: Choice | undefined) => (choice ? [choice] : []);
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <SelectField
        name="award-person"
        label="Person"
        required
        choices={only(chosen["award-person"])}
        selected={values["award-person"]}
        blank="Search for a person"
        lookup={locked["award-person"] === undefined ? "/select_lookups/persons/" : undefined}
        help={locked["award-person"] === undefined ? undefined : LOCKED_HELP}
        errors={errors}
      />
      <SelectField
        name="award-badge"
        label="Badge"
        required
        choices={
          locked["award-badge"] === undefined
            ? props.badgeChoices
            : props.badgeChoices.filter((choice) => choice.value === locked["award-badge"])
        }
        selected={values["award-badge"]}
        blank="Choose a badge"
        help={locked["award-badge"] === undefined ? undefined : LOCKED_HELP}
        errors={errors}
      />
      <Field
        name="award-awarded"
        label="Awarded"
        type="date"
        required
        value={values["award-awarded"]}
        help="The date the badge was earned, YYYY-MM-DD."
        errors={errors}
      />
      <SelectField
        name="award-event"
        label="Event"
        choices={only(chosen["award-event"])}
        selected={values["award-event"]}
        blank="No event"
        lookup="/select_lookups/events_for_awards/"
        help="The event where the badge was earned, if any."
        errors={errors}
      />
      <SelectField
        name="award-awarded_by"
        label="Awarded by"
        choices={only(chosen["award-awarded_by"])}
        selected={values["award-awarded_by"]}
        blank="Nobody in particular"
        lookup="/select_lookups/admins/"
        errors={errors}
      />
      <button type="submit" class="btn btn-primary">
        Award the badge
      </button>
    </PostForm>
  );
}
