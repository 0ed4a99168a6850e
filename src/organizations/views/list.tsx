import { ActionLink } from "../../ui/action-link.tsx";
import { type Choice, type FieldErrors, SelectField } from "../../ui/forms.tsx";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../ui/table.tsx";
import type { OrganizationRow } from "../queries.ts";
import { organizationPath, organizationSiteUrl } from "../rules.ts";

export const LIST_PATH = "/fiscal/organizations/";

const ORDER_CHOICES: Choice[] = [
  { value: "fullname", label: "Full name (A–Z)" },
  { value: "-fullname", label: "Full name (Z–A)" },
  { value: "domain", label: "Domain (A–Z)" },
  { value: "-domain", label: "Domain (Z–A)" },
];

export interface OrganizationListProps {
  rows: readonly OrganizationRow[];
  info: PageInfo;
  query: URLSearchParams;
  countries: readonly Choice[];
  filters: { country?: string | undefined; order_by?: string | undefined };
  filterErrors: FieldErrors;
  canAdd: boolean;
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
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.filters.order_by}
          blank="Domain (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href="/fiscal/organizations/add/"
            label="New organization"
            allowed={props.canAdd}
            deniedReason="You may not add organisations"
          />
        </p>
        <OrganizationTable {...props} />
        <PaginationNav info={props.info} path={LIST_PATH} query={props.query} />
      </div>
    </div>
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
          <td class="text-nowrap">
            <a href={organizationPath(row.domain)} aria-label={`View ${row.fullname}`}>
              View
            </a>{" "}
            ·{" "}
            <a href={`${organizationPath(row.domain)}edit/`} aria-label={`Edit ${row.fullname}`}>
              Edit
            </a>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
