import { ActionLink } from "../../../../ui/action-link.tsx";
import { type FieldErrors, SelectField } from "../../../../ui/forms.tsx";
import type { PageInfo } from "../../../../ui/pagination.ts";
import { PaginationNav } from "../../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../../ui/table.tsx";
import { eventCategoryPath } from "../../../rules.ts";
import { orderChoices } from "../../list-filters.ts";
import { Instant, TriStateFilter, yesNo } from "../../views/parts.tsx";
import type { EventCategoryRow } from "../queries.ts";
import { EVENT_CATEGORIES_PATH, EVENT_CATEGORY_CREATE_PATH } from "../rules.ts";

const ORDER_CHOICES = orderChoices([
  { value: "name", label: "Name" },
  { value: "description", label: "Description" },
  { value: "created_at", label: "Created at" },
  { value: "last_updated_at", label: "Last updated at" },
]);

export interface EventCategoryListProps {
  rows: readonly EventCategoryRow[];
  info: PageInfo;
  query: URLSearchParams;
  filters: { active: string | undefined; order_by: string | undefined };
  filterErrors: FieldErrors;
  canAdd: boolean;
}

export function EventCategoryListPage(props: EventCategoryListProps) {
  const sortable = { current: props.filters.order_by, path: EVENT_CATEGORIES_PATH, query: props.query };
  return (
    <div class="row">
      <FilterSidebar path={EVENT_CATEGORIES_PATH}>
        <TriStateFilter
          name="active"
          label="Active"
          selected={props.filters.active}
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.filters.order_by}
          blank="Name (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href={EVENT_CATEGORY_CREATE_PATH}
            label="New event category"
            allowed={props.canAdd}
            deniedReason="You may not add event categories"
          />
        </p>
        <DataTable
          caption="Event categories"
          rowCount={props.rows.length}
          empty="No event categories."
          head={
            <>
              <SortableHeader label="Name" field="name" {...sortable} />
              <SortableHeader label="Description" field="description" {...sortable} />
              <th scope="col">Active</th>
              <SortableHeader label="Created at" field="created_at" {...sortable} />
              <SortableHeader label="Last updated at" field="last_updated_at" {...sortable} />
            </>
          }
        >
          {props.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={eventCategoryPath(row.id)}>{row.name}</a>
              </td>
              <td>{row.description}</td>
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
        <PaginationNav info={props.info} path={EVENT_CATEGORIES_PATH} query={props.query} />
      </div>
    </div>
  );
}
