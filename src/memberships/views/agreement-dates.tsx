import { Field, type FieldErrors } from "../../ui/forms.tsx";

/**
 * The agreement's start and end of a membership form, with a notice the browser shows while the
 * end is not a full year after the start (the start's anniversary less a day); saving is not held up.
 */
export function AgreementDates(props: {
  values: Record<string, string | undefined>;
  errors: FieldErrors | undefined;
  endHelp: string;
}) {
  return (
    <>
      <div class="row">
        <div class="col-sm-6">
          <Field
            name="agreement_start"
            label="Agreement start"
            type="date"
            value={props.values.agreement_start}
            errors={props.errors}
            required
          />
        </div>
        <div class="col-sm-6">
          <Field
            name="agreement_end"
            label="Agreement end"
            type="date"
            value={props.values.agreement_end}
            errors={props.errors}
            required
            help={props.endHelp}
          />
        </div>
      </div>
      <div class="alert alert-warning" role="status" hidden data-full-year="agreement_start agreement_end">
        This agreement is not a full year: a year from its start it would end on{" "}
        <span data-expected-end></span>.
      </div>
    </>
  );
}
