import { formatInstant } from "../../ui/time.ts";
import type { VersionRow } from "../queries.ts";
import type { Comparison, FieldDiff } from "../rules.ts";
import { DiffTable } from "./diff-table.tsx";

export interface ObjectHistoryProps {
  modelName: string;
  /** Newest first. */
  versions: readonly VersionRow[];
  requestedId: number;
  comparison: Comparison;
  newer: VersionRow;
  diff: readonly FieldDiff[];
  /** The record's page, when it has one and still exists. */
  objectPage: string | undefined;
}

export function ObjectHistoryPage(props: ObjectHistoryProps) {
  const { comparison, newer } = props;
  return (
    <div>
      <p class="lead">
        {props.modelName}: {props.versions[0]?.objectRepr}
      </p>
      {props.objectPage ? (
        <p>
          <a href={props.objectPage}>View newest</a>
        </p>
      ) : null}
      <VersionPicker {...props} />
      <h2 class="h4 mt-4">Comparison</h2>
      <p>
        Changed on <time datetime={newer.dateCreated.toISOString()}>{formatInstant(newer.dateCreated)}</time>{" "}
        by {newer.userName ?? "Unknown user"}.
      </p>
      {comparison.isNew ? (
        <p class="alert alert-info">
          This is the first version of this record: there is no earlier one to compare it with.
        </p>
      ) : null}
      <DiffTable diff={props.diff} single={comparison.older === comparison.newer} />
    </div>
  );
}

/** The object's versions, with a pair of radio buttons per row to choose the two to compare. */
function VersionPicker(props: ObjectHistoryProps) {
  return (
    <form method="get" action={`/workshops/version/${props.requestedId}/`}>
      <div class="table-responsive">
        <table class="table table-sm align-middle">
          <caption>Versions of this record, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Older</th>
              <th scope="col">Newer</th>
              <th scope="col">Date</th>
              <th scope="col">User</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((row) => {
              const when = formatInstant(row.dateCreated);
              return (
                <tr key={row.id}>
                  <td>
                    <input
                      type="radio"
                      class="form-check-input"
                      name="version_id1"
                      value={row.id}
                      checked={row.id === props.comparison.older}
                      aria-label={`Compare from the version of ${when}`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      class="form-check-input"
                      name="version_id2"
                      value={row.id}
                      checked={row.id === props.comparison.newer}
                      aria-label={`Compare to the version of ${when}`}
                    />
                  </td>
                  <td>
                    <a href={`/workshops/version/${row.id}/`}>
                      <time datetime={row.dateCreated.toISOString()}>{when}</time>
                    </a>
                  </td>
                  <td>{row.userName ?? "Unknown user"}</td>
                  <td>{row.comment}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" class="btn btn-secondary btn-sm">
        Compare the chosen versions
      </button>
    </form>
  );
}
