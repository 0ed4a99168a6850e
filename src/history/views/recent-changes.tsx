import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable } from "../../ui/table.tsx";
import { formatInstant } from "../../ui/time.ts";
import type { RecentChange } from "../queries.ts";

export function RecentChangesPage(props: {
  changes: readonly RecentChange[];
  info: PageInfo;
  query: URLSearchParams;
}) {
  return (
    <div>
      <DataTable
        caption="Changes to records, newest first"
        rowCount={props.changes.length}
        empty="Nothing has been changed yet."
        head={
          <>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </>
        }
      >
        {props.changes.map((change) => (
          <tr key={change.revisionId}>
            <td>
              <time datetime={change.dateCreated.toISOString()}>{formatInstant(change.dateCreated)}</time>
            </td>
            <td>{change.userName ?? "Unknown user"}</td>
            <td>
              changed{" "}
              {change.firstVersion ? (
                <a href={`/workshops/version/${change.firstVersion.id}/`}>{change.firstVersion.objectRepr}</a>
              ) : (
                "no record"
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <PaginationNav info={props.info} path="/workshops/log/" query={props.query} />
    </div>
  );
}
