import { Field, type FieldErrors, FormAlert, PostForm, TextAreaField } from "../../ui/forms.tsx";
import { EXTENSION_COMMENT_MAX_LENGTH, extensionDays } from "../extension.ts";

export interface ExtendDatesFormProps {
  action: string;
  agreementStart: string;
  /** The current end date; the extension counts from it. */
  agreementEnd: string;
  /** What was submitted (or the initial values): `new_agreement_end`, `comment`. */
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  cancelHref: string;
}

/** A value shown as a disabled-looking input without a name, so it is never posted. */
function ReadOnlyField(props: {
  id: string;
  label: string;
  value: string;
  help?: string;
  daysBetween?: string;
}) {
  return (
    <div class="mb-3">
      <label for={props.id} class="form-label">
        {props.label}
      </label>
      <input
        id={props.id}
        type="text"
        class="form-control-plaintext"
        value={props.value}
        readOnly
        data-days-between={props.daysBetween}
        aria-describedby={props.help ? `${props.id}_help` : undefined}
      />
      {props.help ? (
        <div id={`${props.id}_help`} class="form-text">
          {props.help}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The extend-dates form of a membership or a partnership (spec §3.6). The extension box follows
 * the new end date as it is picked (static/amy.js), and is computed again on the server.
 */
export function ExtendDatesForm(props: ExtendDatesFormProps) {
  const { values, errors } = props;
  const newEnd = values.new_agreement_end ?? props.agreementEnd;
  const days = extensionDays(props.agreementEnd, newEnd);
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <ReadOnlyField id="id_agreement_start" label="Agreement start" value={props.agreementStart} />
      <ReadOnlyField id="id_agreement_end" label="Agreement end" value={props.agreementEnd} />
      <Field
        name="new_agreement_end"
        label="New agreement end"
        type="date"
        value={newEnd}
        errors={errors}
        required
        help="Must be later than the current agreement end."
      />
      <ReadOnlyField
        id="id_extension"
        label="Extension (days)"
        value={String(days)}
        daysBetween="id_agreement_end new_agreement_end"
        help="Days between the current and the new agreement end."
      />
      <TextAreaField
        name="comment"
        label="Comment"
        value={values.comment}
        errors={errors}
        maxLength={EXTENSION_COMMENT_MAX_LENGTH}
        help="Optional. Added below the automatic note about the extension; Markdown formatting works."
      />
      <button type="submit" class="btn btn-primary">
        Extend
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
