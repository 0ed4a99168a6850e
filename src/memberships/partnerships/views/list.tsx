import { organizationPath } from "../../../organizations/index.ts";
import { ActionLink } from "../../../ui/action-link.tsx";
import { CheckboxField, type Choice, type FieldErrors, SelectField } from "../../../ui/forms.tsx";
import type { PageInfo } from "../../../ui/pagination.ts";
import { PaginationNav } from "../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../ui/table.tsx";
import { consortiumPath, partnershipPath, tierDisplay } from "../../rules.ts";
import type { PartnershipListRow } from "../queries.ts";
import { overBudget, PARTNERSHIPS_PATH, type PartnershipQuery } from "../rules.ts";

const CREDITS_CHOICES: Choice[] = [
  { value: "under_limit", label: "Under the limit" },
  { value: "over_limit", label: "At or over the limit" },
];

const ORDER_CHOICES: Choice[] = [
  { value: "name", label: "Name (A–Z)" },
  { value: "-name", label: "Name (Z–A)" },
];

export interface PartnershipListProps {
  rows: readonly PartnershipListRow[];
  info: PageInfo;
  query: URLSearchParams;
  tiers: readonly Choice[];
  filters: PartnershipQuery;
  filterErrors: FieldErrors;
  canAdd: boolean;
}

export function PartnershipListPage(props: PartnershipListProps) {
  const { filters, filterErrors } = props;
  return (
    <div class="row">
      <FilterSidebar path={PARTNERSHIPS_PATH}>
        <CheckboxField name="active_only" label="Only active today" checked={filters.activeOnly} />
        <SelectField
          name="credits"
          label="Credits"
          choices={CREDITS_CHOICES}
          selected={filters.credits}
          blank="Any"
          errors={filterErrors}
        />
        <SelectField
          name="tier"
          label="Tier"
          choices={props.tiers}
          selected={filters.tierId}
          blank="Any tier"
          errors={filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={filters.orderBy}
          blank="Newest first (default)"
          errors={filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href={`${PARTNERSHIPS_PATH}create/`}
            label="New partnership"
            allowed={props.canAdd}
            deniedReason="You may not add partnerships"
          />
        </p>
        <PartnershipTable {...props} />
        <PaginationNav info={props.info} path={PARTNERSHIPS_PATH} query={props.query} />
      </div>
    </div>
  );
}

function PartnershipTable(props: PartnershipListProps) {
  const sortable = { current: props.filters.orderBy, path: PARTNERSHIPS_PATH, query: props.query };
  return (
    <DataTable
      caption="Partnerships"
      rowCount={props.rows.length}
      empty="No partnerships."
      head={
        <>
          <SortableHeader label="Name" field="name" {...sortable} />
          <th scope="col">Organisation / Consortium</th>
          <th scope="col">Dates</th>
          <th scope="col">Tier</th>
          <th scope="col">Credits (allocated / allowed)</th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={partnershipPath(row.id)}>{row.name}</a>
          </td>
          <td>
            <PartnerLink organisation={row.organisation} consortium={row.consortium} />
          </td>
          <td class="text-nowrap">
            {row.agreementStart} — {row.agreementEnd}
          </td>
          <td>{row.tier ? tierDisplay(row.tier) : "—"}</td>
          <td>
            <CreditsUsage used={row.creditsUsed} allowed={row.credits} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The partner, linked; a consortium is marked as one. */
export function PartnerLink(props: {
  organisation: { fullname: string; domain: string } | null;
  consortium: { id: number; name: string } | null;
}) {
  if (props.organisation) {
    return <a href={organizationPath(props.organisation.domain)}>{props.organisation.fullname}</a>;
  }
  if (props.consortium) {
    return (
      <>
        <a href={consortiumPath(props.consortium.id)}>{props.consortium.name}</a> (consortium)
      </>
    );
  }
  return <>—</>;
}

/** `used / allowed`, flagged when more is allocated than allowed. */
export function CreditsUsage(props: { used: number; allowed: number }) {
  if (!overBudget(props.used, props.allowed)) {
    return (
      <>
        {props.used} / {props.allowed}
      </>
    );
  }
  return (
    <span class="text-danger fw-semibold">
      <span aria-hidden="true">⚠ </span>
      {props.used} / {props.allowed}
      <span class="visually-hidden"> (more credits allocated than allowed)</span>
    </span>
  );
}
