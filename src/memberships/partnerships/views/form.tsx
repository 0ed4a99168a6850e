import type { VNode } from "preact";
import {
  type Choice,
  Field,
  type FieldErrors,
  FormAlert,
  PostForm,
  SelectField,
} from "../../../ui/forms.tsx";
import { PUBLIC_STATUSES } from "../../rules.ts";

export interface PartnershipFormChoices {
  consortia: readonly Choice[];
  tiers: readonly Choice[];
  /** The chosen partner organisation, the autocomplete's one option until the user searches. */
  organisation: readonly Choice[];
}

export interface PartnershipFormProps {
  action: string;
  /** Create and edit put the partner first; roll-over puts it last (spec §3.8). */
  order: "partner-first" | "partner-last";
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  choices: PartnershipFormChoices;
  submitLabel: string;
  cancelHref: string;
  /** A note above the form (e.g. what roll-over does). */
  intro?: VNode | undefined;
}

/** PartnershipForm / PartnershipRollOverForm (spec §3.8). */
export function PartnershipForm(props: PartnershipFormProps) {
  const { values, errors, choices } = props;
  const partner = (
    <fieldset class="border rounded p-3 mb-3">
      <legend class="fs-6 fw-semibold float-none w-auto px-1">
        Partner: a consortium or an organisation
      </legend>
      <SelectField
        name="partner_consortium"
        label="Partner consortium"
        choices={choices.consortia}
        selected={values.partner_consortium}
        blank="---------"
        errors={errors}
      />
      <SelectField
        name="partner_organisation"
        label="Partner organisation"
        choices={choices.organisation}
        selected={values.partner_organisation}
        blank="---------"
        lookup="/select_lookups/organizations/"
        errors={errors}
        help="Type part of the organisation's name or domain to find it."
      />
      <div hidden data-exclusive="partner_consortium partner_organisation" />
      <div hidden data-fill-from="partner_organisation" data-fill="name:fullname" data-fill-mode="empty" />
    </fieldset>
  );
  const text = (name: string, label: string, extra: { type?: "date" | "url"; maxLength?: number } = {}) => (
    <Field name={name} label={label} value={values[name]} errors={errors} required {...extra} />
  );
  return (
    <PostForm action={props.action} novalidate>
      {props.intro}
      <FormAlert messages={errors?.__all__} />
      {props.order === "partner-first" ? partner : null}
      {text("name", "Name", { maxLength: 100 })}
      <SelectField
        name="tier"
        label="Tier"
        choices={choices.tiers}
        selected={values.tier}
        blank="---------"
        errors={errors}
        required
        help="The partnership is allowed the tier's credits."
      />
      <div class="row">
        <div class="col-sm-6">{text("agreement_start", "Agreement start", { type: "date" })}</div>
        <div class="col-sm-6">{text("agreement_end", "Agreement end", { type: "date" })}</div>
      </div>
      {text("agreement_link", "Agreement link", { type: "url", maxLength: 200 })}
      {text("registration_code", "Registration code", { maxLength: 40 })}
      <SelectField
        name="public_status"
        label="Public status"
        choices={PUBLIC_STATUSES}
        selected={values.public_status ?? "private"}
        errors={errors}
        required
      />
      {props.order === "partner-last" ? partner : null}
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>{" "}
      <a class="btn btn-link" href={props.cancelHref}>
        Cancel
      </a>
    </PostForm>
  );
}
