import {
  CheckboxField,
  type Choice,
  type FieldErrors,
  PostForm,
  SelectField,
} from "../../../../ui/forms.tsx";
import { ACCOUNT_TYPES, accountPath } from "../../../rules.ts";
import { FormButtons, isTicked } from "../../views/parts.tsx";
import { ACCOUNT_RELATION_LOOKUP } from "../rules.ts";

export type AccountFormValues = Record<string, string | undefined>;

/**
 * The account form. The Name lookup asks for entities of the type chosen above it: the browser
 * code fills `{account_type}` in the lookup address and empties Name when the type changes.
 */
export function AccountFormPage(props: {
  action: string;
  values: AccountFormValues;
  /** The chosen entity as the Name select's one option (the lookup fetches the others). */
  entityChoice: Choice | undefined;
  errors?: FieldErrors | undefined;
  /** The account that already points at the chosen entity, linked beside the error. */
  existingAccountId?: string | undefined;
  confirm?: string | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const { values, errors } = props;
  return (
    <PostForm action={props.action} novalidate confirm={props.confirm}>
      <SelectField
        name="account_type"
        label="Account type"
        choices={ACCOUNT_TYPES}
        selected={values.account_type}
        blank="---------"
        errors={errors}
        required
      />
      <SelectField
        name="generic_relation_pk"
        label="Name"
        choices={props.entityChoice ? [props.entityChoice] : []}
        selected={values.generic_relation_pk}
        blank="---------"
        lookup={`${ACCOUNT_RELATION_LOOKUP}?content_type_name={account_type}`}
        errors={errors}
        required
        help="The person, organisation or consortium the account belongs to; choose the account type first."
      />
      {props.existingAccountId ? (
        <p class="text-danger small" id="existing-account">
          <a href={accountPath(props.existingAccountId)}>See the existing account</a>
        </p>
      ) : null}
      <CheckboxField name="active" label="Active" checked={isTicked(values.active)} errors={errors} />
      <FormButtons submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
    </PostForm>
  );
}
