import { fullName } from "../../people/index.ts";
import { countryName } from "../../reference/index.ts";
import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable } from "../../ui/table.tsx";
import type { StaffForm } from "../forms.ts";
import { type StaffRow, yesNo } from "../rules.ts";
import type { StaffChoices } from "../staff-queries.ts";
import { STAFF_PATH, StaffFilter } from "./staff-filter.tsx";

export function WorkshopStaffPage(props: {
  form: StaffForm;
  input: Record<string, string | string[]>;
  choices: StaffChoices;
  rows: StaffRow[];
  info: PageInfo;
  query: URLSearchParams;
}) {
  const searched = new Set(props.form.data.lessons.map(Number));
  const csvQuery = new URLSearchParams(props.query);
  csvQuery.delete("page");
  const csv = `${STAFF_PATH}csv/${csvQuery.size > 0 ? `?${csvQuery}` : ""}`;
  return (
    <div class="row">
      <StaffFilter form={props.form} input={props.input} choices={props.choices} />
      <div class="col-lg-9">
        <p>
          People with a nearest airport, matching the filters; nearest first when an airport or coordinates
          are given. <a href={csv}>Download as CSV</a>
        </p>
        <DataTable
          caption="Possible workshop staff"
          rowCount={props.rows.length}
          empty="No matches."
          head={
            <>
              <th scope="col">Instructor</th>
              <th scope="col">Trainer</th>
              <th scope="col">Name</th>
              <th scope="col">Taught (inc. TTT)</th>
              <th scope="col">Trainee</th>
              <th scope="col">Airport</th>
              <th scope="col">Country</th>
              <th scope="col">Lessons</th>
              <th scope="col">Affiliation</th>
            </>
          }
        >
          {props.rows.map((row) => (
            <StaffTableRow key={row.id} row={row} searchedLessons={searched} />
          ))}
        </DataTable>
        <PaginationNav info={props.info} path={STAFF_PATH} query={props.query} />
      </div>
    </div>
  );
}

function StaffTableRow(props: { row: StaffRow; searchedLessons: ReadonlySet<number> }) {
  const { row } = props;
  return (
    <tr>
      <td>
        <InstructorRoles active={row.activeInstructorRoles} inactive={row.inactiveInstructorRoles} />
      </td>
      <td>{row.isTrainer ? <span class="badge text-bg-info">TRAINER</span> : null}</td>
      <td>
        <a href={`/workshops/person/${row.id}/`}>{fullName(row)}</a>
      </td>
      <td>{row.numInstructor + row.numTrainer}</td>
      <td>{yesNo(row.isTrainee)}</td>
      <td>{row.airportIata}</td>
      <td>{row.country ? countryName(row.country) : "—"}</td>
      <td>
        {row.lessons.map((lesson, index) => (
          <span key={lesson.id}>
            {index > 0 ? ", " : ""}
            {props.searchedLessons.has(lesson.id) ? <strong>{lesson.name}</strong> : lesson.name}
          </span>
        ))}
      </td>
      <td>{row.affiliation}</td>
    </tr>
  );
}

function InstructorRoles(props: { active: number; inactive: number }) {
  if (props.active + props.inactive === 0) return <span>—</span>;
  return (
    <span>
      {Array.from({ length: props.active }, (_, index) => (
        <span key={`active-${index}`} class="badge text-bg-success me-1">
          Instructor
        </span>
      ))}
      {Array.from({ length: props.inactive }, (_, index) => (
        <span key={`inactive-${index}`} class="badge text-bg-secondary me-1">
          Instructor (inactive)
        </span>
      ))}
    </span>
  );
}
