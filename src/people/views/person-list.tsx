import { ActionLink } from "../../ui/action-link.tsx";
import type { Choice } from "../../ui/forms.tsx";
import { SelectField } from "../../ui/forms.tsx";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar, SortableHeader } from "../../ui/table.tsx";
import type { PersonBadges } from "../list-queries.ts";
import { fullName } from "../rules.ts";

export interface PersonListRow extends PersonBadges {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}

export interface PersonListProps {
  rows: readonly PersonListRow[];
  info: PageInfo;
  query: URLSearchParams;
  filters: { badges: string[]; taughtWorkshops: string[]; orderBy: string | undefined };
  choices: { badges: Choice[]; tags: Choice[] };
  canAdd: boolean;
  canChange: boolean;
}

const PATH = "/workshops/persons/";

export function PersonListPage(props: PersonListProps) {
  return (
    <div class="row">
      <FilterSidebar path={PATH}>
        <SelectField
          name="badges"
          label="Has any of these badges"
          choices={props.choices.badges}
          selected={props.filters.badges}
          multiple
        />
        <SelectField
          name="taught_workshops"
          label="Taught at workshops tagged"
          choices={props.choices.tags}
          selected={props.filters.taughtWorkshops}
          multiple
        />
        {props.filters.orderBy ? <input type="hidden" name="order_by" value={props.filters.orderBy} /> : null}
      </FilterSidebar>
      <div class="col-lg-9">
        <p>
          <ActionLink
            href="/workshops/persons/add/"
            label="New person"
            allowed={props.canAdd}
            deniedReason="You may not add persons"
          />{" "}
          <a class="btn btn-outline-secondary" href="/workshops/persons/bulk_upload/">
            Upload a CSV
          </a>{" "}
          <a class="btn btn-outline-secondary" href="/workshops/persons/merge/">
            Merge persons
          </a>
        </p>
        <PersonTable {...props} />
        <PaginationNav info={props.info} path={PATH} query={props.query} />
      </div>
    </div>
  );
}

function PersonTable(props: PersonListProps) {
  const sort = (label: string, field: string) => (
    <SortableHeader
      label={label}
      field={field}
      current={props.filters.orderBy}
      path={PATH}
      query={props.query}
    />
  );
  return (
    <DataTable
      caption={`${props.info.totalItems} persons`}
      rowCount={props.rows.length}
      empty="No persons match."
      head={
        <>
          <th scope="col">Some badges</th>
          {sort("Name", "lastname")}
          {sort("Email", "email")}
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <BadgeTags badges={row} />
          </td>
          <td>
            <a href={`/workshops/person/${row.id}/`}>{fullName(row)}</a>
          </td>
          <td>{row.email ? <a href={`mailto:${row.email}`}>{row.email}</a> : "—"}</td>
          <td class="text-nowrap">
            {props.canChange ? (
              <a href={`/workshops/person/${row.id}/edit/`} aria-label={`Edit ${fullName(row)}`}>
                Edit
              </a>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function BadgeTags(props: { badges: PersonBadges }) {
  const badges = props.badges;
  if (badges.badges.length === 0 && badges.instructorRoles.length === 0) return <>—</>;
  return (
    <>
      {badges.badges.map((name) => (
        <span key={name} class="badge text-bg-primary me-1">
          {name}
        </span>
      ))}
      {badges.instructorRoles.map((active, index) => (
        <span
          key={`role${index}`}
          class={active ? "badge text-bg-success me-1" : "badge text-bg-secondary me-1"}
        >
          Instructor role ({active ? "active" : "inactive"})
        </span>
      ))}
    </>
  );
}
