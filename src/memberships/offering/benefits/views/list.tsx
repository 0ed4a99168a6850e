import { ActionLink } from "../../../../ui/action-link.tsx";
import { type FieldErrors, SelectField } from "../../../../ui/forms.tsx";
import type { PageInfo } from "../../../../ui/pagination.ts";
import { PaginationNav } from "../../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../../ui/table.tsx";
import { BENEFIT_UNIT_TYPES, benefitPath, choiceLabel } from "../../../rules.ts";
import { orderChoices } from "../../list-filters.ts";
import { Instant, TriStateFilter, yesNo } from "../../views/parts.tsx";
import type { BenefitRow } from "../queries.ts";
import { BENEFIT_CREATE_PATH, BENEFITS_PATH } from "../rules.ts";

const ORDER_CHOICES = orderChoices([
  { value: "name", label: "Name" },
  { value: "description", label: "Description" },
  { value: "created_at", label: "Created at" },
  { value: "last_updated_at", label: "Last updated at" },
]);

export interface BenefitListProps {
  rows: readonly BenefitRow[];
  info: PageInfo;
  query: URLSearchParams;
  filters: { active: string | undefined; unit_type: string | undefined; order_by: string | undefined };
  filterErrors: FieldErrors;
  canAdd: boolean;
}

export function BenefitListPage(props: BenefitListProps) {
  const sortable = { current: props.filters.order_by, path: BENEFITS_PATH, query: props.query };
  return (
    <div class="row">
      <FilterSidebar path={BENEFITS_PATH}>
        <TriStateFilter
          name="active"
          label="Active"
          selected={props.filters.active}
          errors={props.filterErrors}
        />
        <SelectField
          name="unit_type"
          label="Unit type"
          choices={BENEFIT_UNIT_TYPES}
          selected={props.filters.unit_type}
          blank="Any"
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.filters.order_by}
          blank="Newest first (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href={BENEFIT_CREATE_PATH}
            label="New benefit"
            allowed={props.canAdd}
            deniedReason="You may not add benefits"
          />
        </p>
        <DataTable
          caption="Benefits"
          rowCount={props.rows.length}
          empty="No benefits."
          head={
            <>
              <SortableHeader label="Name" field="name" {...sortable} />
              <SortableHeader label="Description" field="description" {...sortable} />
              <th scope="col">Unit type</th>
              <th scope="col">Credits</th>
              <th scope="col">Active</th>
              <SortableHeader label="Created at" field="created_at" {...sortable} />
              <SortableHeader label="Last updated at" field="last_updated_at" {...sortable} />
            </>
          }
        >
          {props.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={benefitPath(row.id)}>{row.name}</a>
              </td>
              <td>{row.description}</td>
              <td>{choiceLabel(BENEFIT_UNIT_TYPES, row.unitType)}</td>
              <td>{row.credits}</td>
              <td>{yesNo(row.active)}</td>
              <td>
                <Instant at={row.createdAt} />
              </td>
              <td>
                <Instant at={row.lastUpdatedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
        <PaginationNav info={props.info} path={BENEFITS_PATH} query={props.query} />
      </div>
    </div>
  );
}
