import { ActionLink } from "../../../../ui/action-link.tsx";
import { type FieldErrors, SelectField } from "../../../../ui/forms.tsx";
import type { PageInfo } from "../../../../ui/pagination.ts";
import { PaginationNav } from "../../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../../ui/table.tsx";
import { ACCOUNT_TYPES, accountPath, choiceLabel } from "../../../rules.ts";
import { orderChoices } from "../../list-filters.ts";
import { TriStateFilter } from "../../views/parts.tsx";
import type { AccountSummary } from "../queries.ts";
import { ACCOUNT_CREATE_PATH, ACCOUNTS_PATH } from "../rules.ts";

const ORDER_CHOICES = orderChoices([
  { value: "account_type", label: "Type" },
  { value: "generic_relation", label: "Account for" },
]);

export interface AccountListProps {
  rows: readonly AccountSummary[];
  info: PageInfo;
  query: URLSearchParams;
  filters: { active: string | undefined; account_type: string | undefined; order_by: string | undefined };
  filterErrors: FieldErrors;
  canAdd: boolean;
}

export function AccountListPage(props: AccountListProps) {
  const sortable = { current: props.filters.order_by, path: ACCOUNTS_PATH, query: props.query };
  return (
    <div class="row">
      <FilterSidebar path={ACCOUNTS_PATH}>
        <TriStateFilter
          name="active"
          label="Active"
          selected={props.filters.active}
          errors={props.filterErrors}
        />
        <SelectField
          name="account_type"
          label="Account type"
          choices={ACCOUNT_TYPES}
          selected={props.filters.account_type}
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
            href={ACCOUNT_CREATE_PATH}
            label="New account"
            allowed={props.canAdd}
            deniedReason="You may not add accounts"
          />
        </p>
        <DataTable
          caption="Accounts"
          rowCount={props.rows.length}
          empty="No accounts."
          head={
            <>
              <SortableHeader label="Account for" field="generic_relation" {...sortable} />
              <SortableHeader label="Type" field="account_type" {...sortable} />
            </>
          }
        >
          {props.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={accountPath(row.id)}>{row.entity?.display ?? "None"}</a>
                {row.active ? null : <span class="badge text-bg-secondary ms-2">inactive</span>}
              </td>
              <td>{choiceLabel(ACCOUNT_TYPES, row.accountType)}</td>
            </tr>
          ))}
        </DataTable>
        <PaginationNav info={props.info} path={ACCOUNTS_PATH} query={props.query} />
      </div>
    </div>
  );
}
