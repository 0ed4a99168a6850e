import { countryChoices } from "../../reference/index.ts";
import {
  CheckboxField,
  Field,
  type FieldErrors,
  FormAlert,
  PostForm,
  SelectField,
  TextAreaField,
} from "../../ui/forms.tsx";
import type { EventFormChoices } from "../form-queries.ts";

export interface EventFormProps {
  action: string;
  mode: "create" | "edit";
  /** Single-value fields as submitted or stored, by form field name. */
  values: Record<string, string>;
  /** Multi-value fields (tags, curricula, lessons): the chosen ids. */
  lists: Record<string, string[]>;
  errors?: FieldErrors | undefined;
  choices: EventFormChoices;
  submitLabel: string;
  /** Whether the allocated-benefit field is offered (the service offering is on). */
  allocatedBenefit: boolean;
}

const PUBLIC_STATUSES = [
  { value: "public", label: "Public" },
  { value: "private", label: "Private" },
];

/** The event form of the create and edit pages, fields in AMY's order. */
export function EventForm(props: EventFormProps) {
  const { values, errors, choices } = props;
  const text = (
    name: string,
    label: string,
    extra: { required?: boolean; help?: string; type?: "date" } = {},
  ) => <Field name={name} label={label} value={values[name]} errors={errors} {...extra} />;
  const checkbox = (name: string, label: string, help?: string) => (
    <CheckboxField
      name={name}
      label={label}
      checked={Boolean(values[name]) && values[name] !== "false"}
      errors={errors}
      {...(help ? { help } : {})}
    />
  );
  const lookup = (
    name: keyof EventFormChoices["selected"],
    label: string,
    url: string,
    extra: { required?: boolean; help?: string } = {},
  ) => (
    <SelectField
      name={name}
      label={label}
      choices={choices.selected[name]}
      selected={values[name]}
      blank="---------"
      lookup={url}
      errors={errors}
      {...extra}
    />
  );
  const multiple = (
    name: "tags" | "curricula" | "lessons",
    label: string,
    extra: { required?: boolean } = {},
  ) => (
    <SelectField
      name={name}
      label={label}
      choices={choices[name]}
      selected={props.lists[name]}
      multiple
      errors={errors}
      {...extra}
    />
  );
  return (
    <PostForm action={props.action} novalidate>
      <FormAlert messages={errors?.__all__} />
      {text("slug", "Slug", {
        required: true,
        help: "YYYY-MM-DD-location; unknown parts of the date as xx.",
      })}
      {checkbox("completed", "Completed", "Tick when no more work is needed on this event.")}
      {text("start", "Start date", { type: "date" })}
      {text("end", "End date", { type: "date" })}
      {lookup("host", "Host site", "/select_lookups/organizations/", { required: true })}
      {lookup("sponsor", "Organiser", "/select_lookups/organizations/", { required: true })}
      {lookup("membership", "Membership", "/select_lookups/memberships/", {
        help: "The membership this workshop counts against. Search by name, variant or member organisation, or type a date (YYYY-MM-DD) to find memberships active then.",
      })}
      {props.allocatedBenefit
        ? lookup("allocated_benefit", "Allocated benefit", "/select_lookups/account-benefits-events/", {
            help: "An account benefit for events that this workshop uses. An event cannot have both a membership and a benefit.",
          })
        : null}
      {lookup("administrator", "Administrator", "/select_lookups/admin_orgs/", { required: true })}
      <SelectField
        name="public_status"
        label="Public status"
        choices={PUBLIC_STATUSES}
        selected={values.public_status || "public"}
        errors={errors}
      />
      {lookup("assigned_to", "Assigned to", "/select_lookups/admins/")}
      <SelectField
        name="event_category"
        label="Event category"
        choices={choices.eventCategories}
        selected={values.event_category}
        blank="---------"
        errors={errors}
      />
      {multiple("curricula", "Curricula")}
      {props.mode === "edit" ? multiple("lessons", "Lessons") : null}
      {multiple("tags", "Tags", { required: true })}
      {checkbox("open_TTT_applications", "TTT open applications", "Only for events tagged TTT.")}
      {text("url", "Website URL", { help: "The workshop's website, not its GitHub repository." })}
      {lookup("language", "Language", "/select_lookups/languages/")}
      {text("reg_key", "Eventbrite key")}
      {text("manual_attendance", "Manual attendance")}
      {text("contact", "Additional people to contact", { help: "Separate several with “;” or “,”." })}
      {text("instructors_pre", "Workshop reports link", {
        help: "Filled in automatically on every save until the event is completed.",
      })}
      <SelectField
        name="country"
        label="Country"
        choices={countryChoices()}
        selected={values.country}
        blank="---------"
        errors={errors}
        help="Online events get “Internet” as venue and address and no coordinates."
      />
      {text("venue", "Venue")}
      {text("address", "Address")}
      {text("latitude", "Latitude")}
      {text("longitude", "Longitude")}
      <TextAreaField
        name="comment"
        label="Comment"
        value={values.comment}
        errors={errors}
        maxLength={3000}
        help="Optional; kept as a comment on the event's page."
      />
      <button type="submit" class="btn btn-primary">
        {props.submitLabel}
      </button>
    </PostForm>
  );
}

/**
 * Where the website import (static/event-import.js) attaches itself: "create" fills the new event's
 * form; "update" offers to fill only empty fields (the default) or overwrite them, from the event's URL.
 */
export function EventImportPlaceholder(props: { mode: "create" | "update"; url?: string }) {
  return (
    <div
      id="event-import"
      data-import-url="/workshops/events/import/"
      data-mode={props.mode}
      data-url={props.url}
    />
  );
}
