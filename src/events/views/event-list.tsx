import { organizationPath } from "../../organizations/index.ts";
import { ActionLink } from "../../ui/action-link.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { SelectField } from "../../ui/forms.tsx";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../ui/table.tsx";
import { COMPLETED_CHOICES, type EventFilterChoices, ORDER_CHOICES, STATE_CHOICES } from "../list-filters.ts";
import type { EventListRow } from "../list-queries.ts";
import { eventPath, websiteUrl } from "../rules.ts";
import { TagBadges } from "./tag-badges.tsx";

export const EVENTS_PATH = "/workshops/events/";
export const ADD_EVENT_PATH = "/workshops/events/add/";

export interface EventListProps {
  rows: readonly EventListRow[];
  info: PageInfo;
  query: URLSearchParams;
  choices: EventFilterChoices;
  /** The filters as submitted, to show them again. */
  selected: Record<string, string | string[] | undefined>;
  filterErrors: FieldErrors;
  canAdd: boolean;
  canChange: boolean;
}

export function EventListPage(props: EventListProps) {
  return (
    <div class="row">
      <EventFilters {...props} />
      <div class="col-lg-9">
        <NewEventButton canAdd={props.canAdd} />
        <EventTable {...props} />
        <PaginationNav info={props.info} path={EVENTS_PATH} query={props.query} />
        <NewEventButton canAdd={props.canAdd} />
      </div>
    </div>
  );
}

function EventFilters(props: EventListProps) {
  const { choices, selected, filterErrors: errors } = props;
  const single = (name: string, label: string, options: EventFilterChoices[keyof EventFilterChoices]) => (
    <SelectField
      name={name}
      label={label}
      choices={options}
      selected={selected[name]}
      blank="Any"
      errors={errors}
    />
  );
  return (
    <FilterSidebar path={EVENTS_PATH}>
      {single("assigned_to", "Assigned to", choices.assignedTo)}
      <SelectField
        name="host"
        label="Host"
        choices={choices.host}
        selected={selected.host}
        blank="Any"
        lookup="/select_lookups/organizations/"
        errors={errors}
      />
      {single("administrator", "Administrator", choices.administrator)}
      {single("state", "Status", STATE_CHOICES)}
      <SelectField
        name="tags"
        label="Tags (any of)"
        choices={choices.tags}
        selected={selected.tags}
        multiple
        errors={errors}
      />
      {single("country", "Country", choices.country)}
      {single("continent", "Continent", choices.continent)}
      <SelectField
        name="completed"
        label="Completed"
        choices={COMPLETED_CHOICES}
        selected={selected.completed}
        blank="Unknown"
        errors={errors}
      />
      <SelectField
        name="order_by"
        label="Order by"
        choices={ORDER_CHOICES}
        selected={selected.order_by}
        blank="Default"
        errors={errors}
      />
    </FilterSidebar>
  );
}

function NewEventButton(props: { canAdd: boolean }) {
  return (
    <p>
      <ActionLink
        href={ADD_EVENT_PATH}
        label="New event"
        allowed={props.canAdd}
        deniedReason="You may not add events"
      />
    </p>
  );
}

function EventTable(props: EventListProps) {
  const sortable = {
    current: props.selected.order_by as string | undefined,
    path: EVENTS_PATH,
    query: props.query,
  };
  return (
    <DataTable
      caption="Events"
      rowCount={props.rows.length}
      empty="No events."
      head={
        <>
          <th scope="col">Assignee</th>
          <SortableHeader label="Slug" field="slug" {...sortable} />
          <th scope="col">Tags</th>
          <th scope="col">URL</th>
          <th scope="col">Instructors</th>
          <th scope="col">Host Site</th>
          <SortableHeader label="Dates" field="start" {...sortable} />
          <th scope="col">Completed</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.rows.map((row) => (
        <EventRowView key={row.id} row={row} canChange={props.canChange} />
      ))}
    </DataTable>
  );
}

function EventRowView(props: { row: EventListRow; canChange: boolean }) {
  const { row } = props;
  const website = websiteUrl(row.url);
  return (
    <tr class={row.completed ? "table-success" : undefined}>
      <td>
        {row.assignee ? <a href={`/workshops/person/${row.assignee.id}/`}>{row.assignee.personal}</a> : "—"}
      </td>
      <td>
        <a href={eventPath(row.slug)}>{row.slug}</a>
      </td>
      <td>
        <TagBadges tags={row.tags} />
      </td>
      <td class={website ? undefined : "table-warning"}>{website ? <WebsiteLink url={website} /> : "—"}</td>
      <td class={row.numInstructors === 0 ? "table-warning" : undefined}>{row.numInstructors}</td>
      <td>
        <a href={organizationPath(row.host.domain)}>{row.host.fullname}</a>
      </td>
      <td class="text-nowrap">
        {row.start ?? "—"} – {row.end ?? "—"}
      </td>
      <td>{row.completed ? "yes" : "no"}</td>
      <td class="text-nowrap">
        <a href={eventPath(row.slug)} aria-label={`View ${row.slug}`}>
          View
        </a>
        {props.canChange ? (
          <>
            {" · "}
            <a href={`${eventPath(row.slug)}edit/`} aria-label={`Edit ${row.slug}`}>
              Edit
            </a>
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** Only web addresses become links, so a stored URL never runs script on the page. */
export function WebsiteLink(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? (
    <a href={props.url} target="_blank" rel="noopener noreferrer">
      {props.url}
    </a>
  ) : (
    props.url
  );
}
