import { Field, type FieldErrors, FormAlert, PostForm, TextAreaField } from "../../../ui/forms.tsx";
import { EXTENSION_COMMENT_MAX_LENGTH } from "../../extension.ts";

export interface ExtendCreditsFormProps {
  action: string;
  credits: number;
  /** What was submitted (or the initial values): `new_credits`, `comment`. */
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  cancelHref: string;
}

/** A value shown without a name, so it is never posted. */
function ReadOnly(props: { id: string; label: string; value: string; help?: string }) {
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

/** PartnershipCreditsExtensionForm (spec §3.9b). */
export function ExtendCreditsForm(props: ExtendCreditsFormProps) {
  const { values, errors } = props;
  const newCredits = values.new_credits ?? String(props.credits);
  const diff = /^-?\d{1,9}$/.test(newCredits.trim()) ? Number(newCredits) - props.credits : 0;
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      <ReadOnly id="id_credits" label="Current credits" value={String(props.credits)} />
      <Field
        name="new_credits"
        label="New credits"
        type="number"
        value={newCredits}
        errors={errors}
        required
        help="Must be more than the current credits."
      />
      <ReadOnly
        id="id_diff_credits"
        label="Difference"
        value={String(Math.max(diff, 0))}
        help="Credits added; recalculated when the form is submitted."
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
        Extend credits
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
