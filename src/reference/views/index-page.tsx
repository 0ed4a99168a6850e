import { DataTable } from "../../ui/table.tsx";
import { basePath, listPath, type ReferenceTable } from "../tables.ts";

export interface TableSummary {
  spec: ReferenceTable;
  all: number;
  retired: number;
  canAdd: boolean;
}

export function ReferenceIndexPage(props: { tables: readonly TableSummary[] }) {
  return (
    <div>
      <p class="lead">
        The lists other records choose from. Retire a row that should no longer be offered: records that use
        it keep it.
      </p>
      <DataTable
        caption="Reference tables"
        rowCount={props.tables.length}
        empty="There are no reference tables."
        head={
          <>
            <th scope="col">Table</th>
            <th scope="col">Rows</th>
            <th scope="col">Retired</th>
            <th scope="col">Actions</th>
          </>
        }
      >
        {props.tables.map(({ spec, all, retired, canAdd }) => (
          <tr key={spec.segment}>
            <td>
              <a href={listPath(spec)}>{spec.title}</a>
            </td>
            <td>{all}</td>
            <td>{spec.retire === "none" ? "—" : retired}</td>
            <td>{canAdd ? <a href={`${basePath(spec)}add/`}>Add a {spec.singular}</a> : null}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
