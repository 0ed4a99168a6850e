import { organizationDisplay, organizationPath } from "../../../organizations/index.ts";
import { ActionLink } from "../../../ui/action-link.tsx";
import { type Choice, type FieldErrors, SelectField } from "../../../ui/forms.tsx";
import type { PageInfo } from "../../../ui/pagination.ts";
import { PaginationNav } from "../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../ui/table.tsx";
import { consortiumPath } from "../../rules.ts";
import type { ConsortiumOrganisation, ConsortiumRow } from "../queries.ts";
import { CONSORTIA_PATH } from "../rules.ts";

const ORDER_CHOICES: Choice[] = [
  { value: "name", label: "Name (A–Z)" },
  { value: "-name", label: "Name (Z–A)" },
  { value: "description", label: "Description (A–Z)" },
  { value: "-description", label: "Description (Z–A)" },
];

export interface ConsortiumListProps {
  rows: readonly (ConsortiumRow & { organisations: readonly ConsortiumOrganisation[] })[];
  info: PageInfo;
  query: URLSearchParams;
  /** The organisations the filter names: the multi-select's options until the lookup adds more. */
  chosenOrganisations: readonly ConsortiumOrganisation[];
  orderBy: string | undefined;
  filterErrors: FieldErrors;
  canAdd: boolean;
}

export function ConsortiumListPage(props: ConsortiumListProps) {
  return (
    <div class="row">
      <FilterSidebar path={CONSORTIA_PATH}>
        <SelectField
          name="contains_organisations"
          label="Contains any of these organisations"
          choices={props.chosenOrganisations.map((row) => ({
            value: String(row.id),
            label: organizationDisplay(row),
          }))}
          selected={props.chosenOrganisations.map((row) => String(row.id))}
          multiple
          lookup="/select_lookups/organizations/"
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.orderBy}
          blank="Newest first (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href={`${CONSORTIA_PATH}create/`}
            label="New consortium"
            allowed={props.canAdd}
            deniedReason="You may not add consortiums"
          />
        </p>
        <ConsortiumTable {...props} />
        <PaginationNav info={props.info} path={CONSORTIA_PATH} query={props.query} />
      </div>
    </div>
  );
}

function ConsortiumTable(props: ConsortiumListProps) {
  const sortable = { current: props.orderBy, path: CONSORTIA_PATH, query: props.query };
  return (
    <DataTable
      caption="Consortiums"
      rowCount={props.rows.length}
      empty="No consortiums."
      head={
        <>
          <SortableHeader label="Name" field="name" {...sortable} />
          <SortableHeader label="Description" field="description" {...sortable} />
          <th scope="col">Organisations</th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={consortiumPath(row.id)}>{row.name}</a>
          </td>
          <td>{row.description}</td>
          <td>
            <OrganisationList organisations={row.organisations} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The consortium's organisations, each linked, or a dash. */
export function OrganisationList(props: { organisations: readonly ConsortiumOrganisation[] }) {
  if (props.organisations.length === 0) return <>—</>;
  return (
    <ul class="list-unstyled mb-0">
      {props.organisations.map((row) => (
        <li key={row.id}>
          <a href={organizationPath(row.domain)}>{organizationDisplay(row)}</a>
        </li>
      ))}
    </ul>
  );
}
