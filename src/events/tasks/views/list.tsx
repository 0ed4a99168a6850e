import { membershipDisplay, membershipPath } from "../../../memberships/rules.ts";
import { fullName } from "../../../people/index.ts";
import { ActionLink } from "../../../ui/action-link.tsx";
import { type Choice, type FieldErrors, SelectField } from "../../../ui/forms.tsx";
import type { PageInfo } from "../../../ui/pagination.ts";
import { PaginationNav } from "../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../../ui/table.tsx";
import type { TaskSummary } from "../queries.ts";
import { ADD_TASK_PATH, TASKS_PATH, taskPath } from "../rules.ts";

const ORDER_CHOICES: Choice[] = [
  { value: "event", label: "Event (A–Z)" },
  { value: "-event", label: "Event (Z–A)" },
  { value: "person", label: "Family name (A–Z)" },
  { value: "-person", label: "Family name (Z–A)" },
  { value: "role", label: "Role (A–Z)" },
  { value: "-role", label: "Role (Z–A)" },
];

export interface TaskListProps {
  rows: readonly TaskSummary[];
  info: PageInfo;
  query: URLSearchParams;
  filters: { event?: string | undefined; role?: string | undefined; order_by?: string | undefined };
  filterErrors: FieldErrors;
  eventChoice: Choice | undefined;
  roleChoices: readonly Choice[];
  canAdd: boolean;
  canChange: boolean;
}

export function TaskListPage(props: TaskListProps) {
  return (
    <div class="row">
      <FilterSidebar path={TASKS_PATH}>
        <SelectField
          name="event"
          label="Event"
          choices={props.eventChoice ? [props.eventChoice] : []}
          selected={props.filters.event}
          blank="Any event"
          lookup="/select_lookups/events/"
          errors={props.filterErrors}
        />
        <SelectField
          name="role"
          label="Role"
          choices={props.roleChoices}
          selected={props.filters.role}
          blank="Any role"
          errors={props.filterErrors}
        />
        <SelectField
          name="order_by"
          label="Order by"
          choices={ORDER_CHOICES}
          selected={props.filters.order_by}
          blank="Role, then newest event (default)"
          errors={props.filterErrors}
        />
      </FilterSidebar>
      <div class="col-lg-9">
        <NewTaskButton canAdd={props.canAdd} />
        <TaskTable {...props} />
        <PaginationNav info={props.info} path={TASKS_PATH} query={props.query} />
        <NewTaskButton canAdd={props.canAdd} />
      </div>
    </div>
  );
}

function NewTaskButton(props: { canAdd: boolean }) {
  return (
    <p>
      <ActionLink
        href={ADD_TASK_PATH}
        label="New task"
        allowed={props.canAdd}
        deniedReason="You may not add tasks"
      />
    </p>
  );
}

function TaskTable(props: TaskListProps) {
  const sortable = { current: props.filters.order_by, path: TASKS_PATH, query: props.query };
  return (
    <DataTable
      caption="Tasks"
      rowCount={props.rows.length}
      empty="No tasks."
      head={
        <>
          <SortableHeader label="Event" field="event" {...sortable} />
          <SortableHeader label="Person" field="person" {...sortable} />
          <SortableHeader label="Role" field="role" {...sortable} />
          <th scope="col">Seat membership</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={`/workshops/event/${row.eventSlug}/`}>{row.eventSlug}</a>
          </td>
          <td>
            <a href={`/workshops/person/${row.personId}/`}>{fullName(row)}</a>
          </td>
          <td>{row.roleVerboseName}</td>
          <td>
            {row.seatMembershipId !== null && row.seatMembership ? (
              <a href={membershipPath(row.seatMembershipId)}>{membershipDisplay(row.seatMembership)}</a>
            ) : (
              "—"
            )}
          </td>
          <td class="text-nowrap">
            <a href={taskPath(row.id)}>View</a>
            {props.canChange ? (
              <>
                {" "}
                · <a href={`${taskPath(row.id)}edit/`}>Edit</a>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
