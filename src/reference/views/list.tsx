import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable } from "../../ui/table.tsx";
import type { ReferenceRow } from "../queries.ts";
import { basePath, type ListColumn, type ReferenceTable, rowPath } from "../tables.ts";
import { RetireButton, RetiredBadge } from "./shared.tsx";

export interface ListedRow {
  row: ReferenceRow;
  label: string;
  retired: boolean;
}

export function ReferenceListPage(props: {
  spec: ReferenceTable;
  rows: readonly ListedRow[];
  info: PageInfo;
  query: URLSearchParams;
  canAdd: boolean;
  canChange: boolean;
}) {
  const { spec } = props;
  const retirable = spec.retire !== "none";
  return (
    <div>
      <p>
        <a href="/reference/">All reference tables</a>
        {props.canAdd ? (
          <a class="btn btn-primary btn-sm ms-3" href={`${basePath(spec)}add/`}>
            Add a {spec.singular}
          </a>
        ) : null}
      </p>
      <DataTable
        caption={retirable ? `${spec.title}, retired ones last` : spec.title}
        rowCount={props.rows.length}
        empty={`There are no ${spec.title.toLowerCase()} yet.`}
        head={
          <>
            {spec.columns.map((column) => (
              <th scope="col" key={column.column}>
                {column.label}
              </th>
            ))}
            {retirable ? <th scope="col">Status</th> : null}
            {props.canChange ? <th scope="col">Actions</th> : null}
          </>
        }
      >
        {props.rows.map(({ row, label, retired }) => (
          <tr key={String(row.id)}>
            {spec.columns.map((column) => (
              <td key={column.column}>{formatCell(column, row[column.column])}</td>
            ))}
            {retirable ? <td>{retired ? <RetiredBadge /> : "Active"}</td> : null}
            {props.canChange ? (
              <td class="text-nowrap">
                <a class="btn btn-outline-primary btn-sm me-2" href={rowPath(spec, row.id, "edit")}>
                  Edit<span class="visually-hidden"> {label}</span>
                </a>
                {retirable ? (
                  <RetireButton spec={spec} id={row.id} label={label} retired={retired} small />
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      <PaginationNav info={props.info} path={basePath(spec)} query={props.query} />
    </div>
  );
}

function formatCell(column: ListColumn, value: unknown): string {
  if (column.format === "yes-no") return value ? "Yes" : "No";
  if (column.format === "countries") return String(value ?? "").replaceAll(",", ", ");
  return value === null || value === undefined ? "" : String(value);
}
