import { organizationPath } from "../../organizations/index.ts";
import { ActionLink } from "../../ui/action-link.tsx";
import { CheckboxField, type Choice, Field, type FieldErrors, SelectField } from "../../ui/forms.tsx";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../ui/table.tsx";
import type { MembershipListRow } from "../list-queries.ts";
import {
  CONTRIBUTION_TYPES,
  choiceLabel,
  MEMBERSHIP_VARIANTS,
  membershipPath,
  PUBLIC_STATUSES,
  seatsDanger,
} from "../rules.ts";

export const MEMBERSHIPS_PATH = "/fiscal/memberships/";
export const ADD_MEMBERSHIP_PATH = "/fiscal/memberships/add/";

const CONSORTIUM_CHOICES: Choice[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

const ORDER_CHOICES: Choice[] = [
  { value: "agreement_start", label: "Agreement start (oldest first)" },
  { value: "-agreement_start", label: "Agreement start (newest first)" },
  { value: "agreement_end", label: "Agreement end (oldest first)" },
  { value: "-agreement_end", label: "Agreement end (newest first)" },
  { value: "instructor_training_seats_remaining", label: "Remaining seats (fewest first)" },
  { value: "-instructor_training_seats_remaining", label: "Remaining seats (most first)" },
];

export interface MembershipListProps {
  rows: readonly MembershipListRow[];
  info: PageInfo;
  query: URLSearchParams;
  filterErrors: FieldErrors;
  canAdd: boolean;
  canChange: boolean;
}

export function MembershipListPage(props: MembershipListProps) {
  return (
    <div class="row">
      <MembershipFilters {...props} />
      <div class="col-lg-9">
        <NewMembershipButton canAdd={props.canAdd} />
        <MembershipTable {...props} />
        <PaginationNav info={props.info} path={MEMBERSHIPS_PATH} query={props.query} />
        <NewMembershipButton canAdd={props.canAdd} />
      </div>
    </div>
  );
}

function NewMembershipButton(props: { canAdd: boolean }) {
  return (
    <p>
      <ActionLink
        href={ADD_MEMBERSHIP_PATH}
        label="New membership"
        allowed={props.canAdd}
        deniedReason="You may not add memberships"
      />
    </p>
  );
}

function MembershipFilters(props: MembershipListProps) {
  const { query, filterErrors: errors } = props;
  const selected = (name: string) => query.get(name) ?? undefined;
  const select = (name: string, label: string, choices: readonly Choice[], blank = "Any") => (
    <SelectField
      name={name}
      label={label}
      choices={choices}
      selected={selected(name)}
      blank={blank}
      errors={errors}
    />
  );
  const box = (name: string, label: string) => (
    <CheckboxField
      name={name}
      label={label}
      checked={["on", "true", "True", "1", "yes"].includes(selected(name) ?? "")}
      errors={errors}
    />
  );
  return (
    <FilterSidebar path={MEMBERSHIPS_PATH}>
      <Field
        name="organization_name"
        label="Organisation name"
        type="search"
        value={selected("organization_name")}
        errors={errors}
      />
      {select("consortium", "Consortium", CONSORTIUM_CHOICES, "Unknown")}
      {select("public_status", "Public status", PUBLIC_STATUSES)}
      {select("variant", "Variant", MEMBERSHIP_VARIANTS)}
      {select("contribution_type", "Contribution type", CONTRIBUTION_TYPES)}
      {box("active_only", "Only show active memberships")}
      {box("training_seats_only", "Only show memberships with non-zero allowed training seats")}
      {box("negative_remaining_seats_only", "Only show memberships with negative remaining seats")}
      {select("order_by", "Order by", ORDER_CHOICES, "Id (default)")}
    </FilterSidebar>
  );
}

function MembershipTable(props: MembershipListProps) {
  const sortable = {
    current: props.query.get("order_by") ?? undefined,
    path: MEMBERSHIPS_PATH,
    query: props.query,
  };
  return (
    <DataTable
      caption="Memberships"
      rowCount={props.rows.length}
      empty="No memberships."
      head={
        <>
          <th scope="col">Name</th>
          <th scope="col">Consortium</th>
          <th scope="col">Organisations</th>
          <th scope="col">Variant</th>
          <SortableHeader label="Dates" field="agreement_start" {...sortable} />
          <th scope="col">Contribution</th>
          <SortableHeader
            label="Remaining instructor training seats"
            field="instructor_training_seats_remaining"
            {...sortable}
          />
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.rows.map((row) => (
        <MembershipRowView key={row.id} row={row} canChange={props.canChange} />
      ))}
    </DataTable>
  );
}

function MembershipRowView(props: { row: MembershipListRow; canChange: boolean }) {
  const { row } = props;
  const path = membershipPath(row.id);
  const danger = seatsDanger(row.seatsRemaining, row.seatsTotal);
  return (
    <tr>
      <td>
        <a href={path}>{row.name}</a>
      </td>
      <td>{row.consortium ? "Yes" : "No"}</td>
      <td>
        {row.organizations.length === 0 ? (
          <span class="text-body-secondary">No organisations.</span>
        ) : (
          <ul class="list-unstyled mb-0">
            {row.organizations.map((organization) => (
              <li key={organization.domain}>
                <a href={organizationPath(organization.domain)}>{organization.fullname}</a>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{choiceLabel(MEMBERSHIP_VARIANTS, row.variant)}</td>
      <td class="text-nowrap">
        {row.agreementStart} — {row.agreementEnd}
      </td>
      <td>{choiceLabel(CONTRIBUTION_TYPES, row.contributionType)}</td>
      <td class={danger ? "table-danger" : undefined} data-seats-danger={danger ? "true" : undefined}>
        {row.seatsRemaining}
      </td>
      <td class="text-nowrap">
        <a href={path} aria-label={`View ${row.name}`}>
          View
        </a>
        {props.canChange ? (
          <>
            {" "}
            ·{" "}
            <a href={`${path}edit/`} aria-label={`Edit ${row.name}`}>
              Edit
            </a>
          </>
        ) : null}
      </td>
    </tr>
  );
}
