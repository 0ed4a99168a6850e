import { PostForm } from "../../../ui/forms.tsx";
import { DataTable } from "../../../ui/table.tsx";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS, TEMPLATE_COLUMNS } from "../csv.ts";

export interface RoleRow {
  name: string;
  verboseName: string;
}

export function UploadPage(props: { roles: readonly RoleRow[]; error?: string | undefined }) {
  const invalid = props.error !== undefined;
  return (
    <div>
      <p>
        Add many persons, each with a task at an event, from one CSV file. Nothing is saved until you have
        reviewed the rows on the next page and confirmed them.
      </p>
      <ul>
        <li>
          The first row names the columns: <code>{TEMPLATE_COLUMNS.join(",")}</code>. <code>personal</code>,{" "}
          <code>family</code> and <code>email</code> are required; other columns are ignored.{" "}
          <a href="/workshops/persons/bulk_upload/template/">Download a template</a>.
        </li>
        <li>
          <code>event</code> is the event's slug and <code>role</code> one of the role names below.
        </li>
        <li>
          The file must be UTF-8 text, at most {MAX_UPLOAD_BYTES / 1024} KiB and {MAX_UPLOAD_ROWS} rows. Rows
          are numbered as a spreadsheet shows them: the header is row 1.
        </li>
      </ul>
      <PostForm action="/workshops/persons/bulk_upload/" multipart>
        <div class="mb-3">
          <label for="id_file" class="form-label required">
            CSV file
          </label>
          <input
            id="id_file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            class={invalid ? "form-control is-invalid" : "form-control"}
            aria-invalid={invalid ? "true" : undefined}
            aria-describedby={invalid ? "id_file_errors" : undefined}
          />
          {invalid ? (
            <div id="id_file_errors" class="invalid-feedback d-block">
              {props.error}
            </div>
          ) : null}
        </div>
        <button type="submit" class="btn btn-primary mb-4">
          Upload and review
        </button>
      </PostForm>
      <h2 class="h5">Roles</h2>
      <DataTable
        caption="Role names to use in the role column"
        rowCount={props.roles.length}
        empty="No roles are defined."
        head={
          <>
            <th scope="col">Name in the CSV file</th>
            <th scope="col">Role</th>
          </>
        }
      >
        {props.roles.map((role) => (
          <tr key={role.name}>
            <td>
              <code>{role.name}</code>
            </td>
            <td>{role.verboseName}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
