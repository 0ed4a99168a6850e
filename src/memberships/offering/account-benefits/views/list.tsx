import { type Choice, type FieldErrors, SelectField } from "../../../../ui/forms.tsx";
import type { PageInfo } from "../../../../ui/pagination.ts";
import { PaginationNav } from "../../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../../ui/table.tsx";
import { humanReadableDate } from "../../../../ui/time.ts";
import { accountBenefitPath, benefitPath, partnershipPath } from "../../../rules.ts";
import { ACCOUNT_LOOKUP } from "../../accounts/rules.ts";
import { orderChoices } from "../../list-filters.ts";
import { Instant } from "../../views/parts.tsx";
import type { AccountBenefitSummary } from "../queries.ts";
import { ACCOUNT_BENEFITS_PATH, PARTNERSHIP_LOOKUP } from "../rules.ts";
import { activeText, benefitLabel } from "./table.tsx";

const ORDER_CHOICES = orderChoices([
  { value: "account", label: "Account" },
  { value: "benefit", label: "Benefit" },
  { value: "start_date", label: "Start date" },
  { value: "end_date", label: "End date" },
  { value: "allocation", label: "Allocation" },
  { value: "created_at", label: "Created at" },
  { value: "last_updated_at", label: "Last updated at" },
]);

export interface AccountBenefitListProps {
  rows: readonly AccountBenefitSummary[];
  info: PageInfo;
  query: URLSearchParams;
  today: string;
  filters: Record<"account" | "partnership" | "benefit" | "curriculum" | "order_by", string | undefined>;
  filterErrors: FieldErrors;
  /** The filtered account and partnership as their selects' options (the lookups fetch the others). */
  accountChoice: Choice | undefined;
  partnershipChoice: Choice | undefined;
  benefitChoices: readonly Choice[];
  curriculumChoices: readonly Choice[];
}

export function AccountBenefitListPage(props: AccountBenefitListProps) {
  const { filters } = props;
  return (
    <div class="row">
      <FilterSidebar path={ACCOUNT_BENEFITS_PATH}>
        <SelectField
          name="account"
          label="Account"
          choices={props.accountChoice ? [props.accountChoice] : []}
          selected={filters.account}
          blank="Any"
          lookup={ACCOUNT_LOOKUP}
          errors={props.filterErrors}
        />
        <SelectField
          name="partnership"
          label="Partnership"
          choices={props.partnershipChoice ? [props.partnershipChoice] : []}
          selected={filters.partnership}
          blank="Any"
          lookup={PARTNERSHIP_LOOKUP}
          errors={props.filterErrors}
        />
        <SelectField
          name="benefit"
          label="Benefit"
          choices={props.benefitChoices}
          selected={filters.benefit}
          blank="Any"
          errors={props.filterErrors}
        />
        <SelectField
          name="curriculum"
          label="Curriculum"
          choices={props.curriculumChoices}
          selected={filters.curriculum}
          blank="Any"
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={filters.order_by}
          blank="Newest first (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <AccountBenefitListTable {...props} />
        <PaginationNav info={props.info} path={ACCOUNT_BENEFITS_PATH} query={props.query} />
      </div>
    </div>
  );
}

function AccountBenefitListTable(props: AccountBenefitListProps) {
  const sortable = { current: props.filters.order_by, path: ACCOUNT_BENEFITS_PATH, query: props.query };
  return (
    <DataTable
      caption="Account benefits"
      rowCount={props.rows.length}
      empty="No account benefits."
      head={
        <>
          <SortableHeader label="Account" field="account" {...sortable} />
          <th scope="col">Partnership</th>
          <SortableHeader label="Benefit" field="benefit" {...sortable} />
          <SortableHeader label="Used / allocated" field="allocation" {...sortable} />
          <th scope="col">Discount</th>
          <th scope="col">Registration code</th>
          <th scope="col">Curriculum</th>
          <SortableHeader label="Dates" field="start_date" {...sortable} />
          <th scope="col">Active</th>
          <SortableHeader label="Created at" field="created_at" {...sortable} />
          <SortableHeader label="Last updated at" field="last_updated_at" {...sortable} />
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={accountBenefitPath(row.id)}>{row.account.entityDisplay ?? "None"}</a>
          </td>
          <td>
            {row.partnership ? (
              <a href={partnershipPath(row.partnership.id)}>{row.partnership.display}</a>
            ) : (
              "—"
            )}
          </td>
          <td>
            <a href={benefitPath(row.benefit.id)}>{benefitLabel(row.benefit)}</a>
          </td>
          <td class={row.allocationUsed > row.allocation ? "text-danger" : undefined}>
            {row.allocationUsed} / {row.allocation}
          </td>
          <td>{row.discount?.name ?? "—"}</td>
          <td>{row.registrationCode ?? "—"}</td>
          <td>{row.curriculum?.name ?? "—"}</td>
          <td>{humanReadableDate(row.startDate, row.endDate)}</td>
          <td>{activeText(row, props.today)}</td>
          <td>
            <Instant at={row.createdAt} />
          </td>
          <td>
            <Instant at={row.lastUpdatedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
