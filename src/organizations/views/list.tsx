import { ActionLink } from "../../ui/action-link.tsx";
import { type Choice, type FieldErrors, SelectField } from "../../ui/forms.tsx";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../ui/table.tsx";
import type { MembershipLink } from "../membership-queries.ts";
import type { OrganizationRow } from "../queries.ts";
import { organizationPath, organizationSiteUrl, VARIANT_FILTER } from "../rules.ts";
import { CurrentMemberships } from "./memberships.tsx";

export const LIST_PATH = "/fiscal/organizations/";

const ORDER_CHOICES: Choice[] = [
  { value: "fullname", label: "Full name (A–Z)" },
  { value: "-fullname", label: "Full name (Z–A)" },
  { value: "domain", label: "Domain (A–Z)" },
  { value: "-domain", label: "Domain (Z–A)" },
];

export interface OrganizationListProps {
  rows: readonly OrganizationRow[];
  /** The memberships each listed organisation holds today, by organisation id. */
  currentMemberships: ReadonlyMap<number, readonly MembershipLink[]>;
  info: PageInfo;
  query: URLSearchParams;
  countries: readonly Choice[];
  variants: readonly Choice[];
  filters: {
    country?: string | undefined;
    memberships__variant?: readonly string[] | undefined;
    order_by?: string | undefined;
  };
  filterErrors: FieldErrors;
  canAdd: boolean;
  canChange: boolean;
}

export function OrganizationListPage(props: OrganizationListProps) {
  return (
    <div class="row">
      <FilterSidebar path={LIST_PATH}>
        <SelectField
          name="country"
          label="Country"
          choices={props.countries}
          selected={props.filters.country}
          blank="Any country"
          errors={props.filterErrors}
        />
        <SelectField
          name={VARIANT_FILTER}
          label="Membership variant"
          help="Organisations with a membership, current or past, of any of the chosen variants."
          choices={props.variants}
          selected={props.filters.memberships__variant}
          multiple
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.filters.order_by}
          blank="Domain (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <NewOrganization allowed={props.canAdd} />
        <OrganizationTable {...props} />
        <PaginationNav info={props.info} path={LIST_PATH} query={props.query} />
        <NewOrganization allowed={props.canAdd} />
      </div>
    </div>
  );
}

function NewOrganization(props: { allowed: boolean }) {
  return (
    <p>
      <ActionLink
        href="/fiscal/organizations/add/"
        label="New organization"
        allowed={props.allowed}
        deniedReason="You may not add organisations"
      />
    </p>
  );
}

function OrganizationTable(props: OrganizationListProps) {
  const sortable = { current: props.filters.order_by, path: LIST_PATH, query: props.query };
  return (
    <DataTable
      caption="Organisations"
      rowCount={props.rows.length}
      empty="No organizations."
      head={
        <>
          <SortableHeader label="Full name" field="fullname" {...sortable} />
          <SortableHeader label="Domain" field="domain" {...sortable} />
          <th scope="col">Current memberships</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={organizationPath(row.domain)}>{row.fullname}</a>
          </td>
          <td>
            <a href={organizationSiteUrl(row.domain)} rel="noopener noreferrer" target="_blank">
              {row.domain}
            </a>
          </td>
          <td>
            <CurrentMemberships links={props.currentMemberships.get(row.id)} />
          </td>
          <td class="text-nowrap">
            <a href={organizationPath(row.domain)} aria-label={`View ${row.fullname}`}>
              View
            </a>
            {props.canChange ? (
              <>
                {" "}
                ·{" "}
                <a href={`${organizationPath(row.domain)}edit/`} aria-label={`Edit ${row.fullname}`}>
                  Edit
                </a>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
