import { Field, type FieldErrors, FormAlert, PostForm, TextAreaField } from "../../ui/forms.tsx";

export interface ExtendPageProps {
  action: string;
  detailsPath: string;
  agreementStart: string;
  agreementEnd: string;
  /** Days the posted new end adds (0 until a later date is given). */
  extension: number;
  values: { new_agreement_end?: string | undefined; comment?: string | undefined };
  errors?: FieldErrors | undefined;
}

/** A read-only value shown as a disabled input, so it lines up with the form and is never posted. */
function ReadOnly(props: {
  name: string;
  label: string;
  value: string;
  type?: "date" | "number";
  help?: string;
}) {
  return (
    <div class="mb-3">
      <label for={`id_${props.name}`} class="form-label">
        {props.label}
      </label>
      <input
        id={`id_${props.name}`}
        type={props.type ?? "text"}
        class="form-control"
        value={props.value}
        readOnly
        disabled
        aria-describedby={props.help ? `id_${props.name}_help` : undefined}
      />
      {props.help ? (
        <div id={`id_${props.name}_help`} class="form-text">
          {props.help}
        </div>
      ) : null}
    </div>
  );
}

/** The extend form of a membership (spec §2.9, §3.6). */
export function ExtendPage(props: ExtendPageProps) {
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={props.errors?.__all__} />
      <div class="row">
        <div class="col-sm-6">
          <ReadOnly name="agreement_start" label="Agreement start" type="date" value={props.agreementStart} />
        </div>
        <div class="col-sm-6">
          <ReadOnly
            name="agreement_end"
            label="Current agreement end"
            type="date"
            value={props.agreementEnd}
          />
        </div>
      </div>
      <Field
        name="new_agreement_end"
        label="New agreement end"
        type="date"
        value={props.values.new_agreement_end}
        errors={props.errors}
        required
        help="Must be later than the current end date. The days added are recorded as an extension."
      />
      <ReadOnly
        name="extension"
        label="Extension (days)"
        type="number"
        value={String(props.extension)}
        help="Days between the current and the new end date."
      />
      <TextAreaField
        name="comment"
        label="Comment"
        value={props.values.comment}
        errors={props.errors}
        help="Optional: why the membership is extended. Added below the extension note in the comments; Markdown formatting works."
      />
      <button type="submit" class="btn btn-primary">
        Extend
      </button>{" "}
      <a class="btn btn-link" href={props.detailsPath}>
        Cancel
      </a>
    </PostForm>
  );
}
