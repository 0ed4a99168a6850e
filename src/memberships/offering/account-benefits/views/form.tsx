import { type Choice, Field, type FieldErrors, PostForm, SelectField } from "../../../../ui/forms.tsx";
import { ACCOUNT_LOOKUP } from "../../accounts/rules.ts";
import { FormButtons, LockedField } from "../../views/parts.tsx";
import { PARTNERSHIP_LOOKUP } from "../rules.ts";

export type AccountBenefitFormValues = Record<string, string | undefined>;

/** A field the page fixed: the text shown and the value it stands for. */
export interface Lock {
  text: string;
  value: string;
}

export interface AccountBenefitFormProps {
  action: string;
  values: AccountBenefitFormValues;
  errors?: FieldErrors | undefined;
  locks: { account?: Lock; partnership?: Lock; dates?: boolean };
  /** The chosen account and partnership as their selects' options (the lookups fetch the others). */
  accountChoice: Choice | undefined;
  partnershipChoice: Choice | undefined;
  benefitChoices: readonly Choice[];
  discountChoices: readonly Choice[];
  curriculumChoices: readonly Choice[];
  submitLabel: string;
  cancelHref: string;
}

/**
 * AMY's AccountBenefitForm. In the browser, the partnership lookup offers the chosen account's
 * partnerships (`{account}` in its address), and choosing a partnership fills the dates with its
 * agreement dates (the server sets them from the partnership in any case).
 */
export function AccountBenefitFormPage(props: AccountBenefitFormProps) {
  const { values, errors, locks } = props;
  return (
    <PostForm action={props.action} novalidate>
      {locks.account ? (
        <LockedField name="account" label="Account" text={locks.account.text} value={locks.account.value} />
      ) : (
        <SelectField
          name="account"
          label="Account"
          choices={props.accountChoice ? [props.accountChoice] : []}
          selected={values.account}
          blank="---------"
          lookup={ACCOUNT_LOOKUP}
          errors={errors}
          required
        />
      )}
      {locks.partnership ? (
        <LockedField
          name="partnership"
          label="Partnership"
          text={locks.partnership.text || "— (an individual account has no partnership)"}
          value={locks.partnership.value}
        />
      ) : (
        <SelectField
          name="partnership"
          label="Partnership"
          choices={props.partnershipChoice ? [props.partnershipChoice] : []}
          selected={values.partnership}
          blank="---------"
          lookup={`${PARTNERSHIP_LOOKUP}?account={account}`}
          errors={errors}
          help="Optional. It must be a partnership of the chosen account; its agreement dates become the benefit's dates."
        />
      )}
      <div
        hidden
        data-fill-from="partnership"
        data-fill="start_date:agreement_start end_date:agreement_end"
      />
      <SelectField
        name="benefit"
        label="Benefit"
        choices={props.benefitChoices}
        selected={values.benefit}
        blank="---------"
        errors={errors}
        required
      />
      <SelectField
        name="discount"
        label="Discount"
        choices={props.discountChoices}
        selected={values.discount}
        blank="---------"
        errors={errors}
      />
      <SelectField
        name="curriculum"
        label="Curriculum"
        choices={props.curriculumChoices}
        selected={values.curriculum}
        blank="---------"
        errors={errors}
        help="Leave empty for workshops; choose the curriculum for skill-ups."
      />
      <Field
        name="registration_code"
        label="Registration code"
        value={values.registration_code}
        errors={errors}
        maxLength={40}
        help="Optional. Unique across memberships, partnerships and account benefits."
      />
      {locks.dates ? (
        <>
          <LockedField
            name="start_date"
            label="Start date"
            text={values.start_date ?? ""}
            value={values.start_date ?? ""}
            help="The partnership's agreement start."
          />
          <LockedField
            name="end_date"
            label="End date"
            text={values.end_date ?? ""}
            value={values.end_date ?? ""}
            help="The partnership's agreement end."
          />
        </>
      ) : (
        <>
          <Field
            name="start_date"
            label="Start date"
            type="date"
            value={values.start_date}
            errors={errors}
            required
          />
          <Field
            name="end_date"
            label="End date"
            type="date"
            value={values.end_date}
            errors={errors}
            required
          />
        </>
      )}
      <Field
        name="allocation"
        label="Allocation"
        type="number"
        value={values.allocation}
        errors={errors}
        required
        help="Units purchased: seats or events, 0 or more."
      />
      <FormButtons submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
    </PostForm>
  );
}
