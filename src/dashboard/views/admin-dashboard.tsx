import { organizationPath } from "../../organizations/index.ts";
import { personDisplay } from "../../people/index.ts";
import type { AssignableAdmin, CurrentEventRow, InProgressEventRow } from "../queries.ts";
import { tagColour } from "../rules.ts";

export const ADMIN_DASHBOARD_PATH = "/dashboard/admin/";

export interface AdminDashboardProps {
  admins: AssignableAdmin[];
  /** The admin whose events are shown; null shows the events no one is assigned to. */
  assigneeId: number | null;
  metadataChanged: number;
  current: CurrentEventRow[];
  inProgress: InProgressEventRow[];
}

const eventPath = (slug: string) => `/workshops/event/${encodeURIComponent(slug)}/`;

export function AdminDashboardPage(props: AdminDashboardProps) {
  return (
    <div>
      <h1 class="visually-hidden">Admin dashboard</h1>
      <AssignmentForm admins={props.admins} assigneeId={props.assigneeId} />
      {props.metadataChanged > 0 ? (
        <div class="alert alert-warning" role="status">
          {props.metadataChanged} of your events had data on website updated.{" "}
          <a href="/workshops/events/?state=metadata_changed">See more</a>
        </div>
      ) : null}
      <div class="row">
        <section class="col-lg-5 mb-4" aria-labelledby="current-heading">
          <h2 id="current-heading" class="h4">
            Current workshops
          </h2>
          <CurrentTable rows={props.current} />
        </section>
        <section class="col-lg-7 mb-4" aria-labelledby="in-progress-heading">
          <h2 id="in-progress-heading" class="h4">
            In progress workshops
          </h2>
          <InProgressTable rows={props.inProgress} />
        </section>
      </div>
    </div>
  );
}

function AssignmentForm(props: { admins: AssignableAdmin[]; assigneeId: number | null }) {
  const selected = props.assigneeId === null ? "" : String(props.assigneeId);
  return (
    <form
      id="assignment-form"
      method="get"
      action={ADMIN_DASHBOARD_PATH}
      class="row g-2 align-items-end mb-4"
    >
      <div class="col-auto">
        <label for="id_assigned_to" class="form-label">
          Assigned to:
        </label>
        <select id="id_assigned_to" name="assigned_to" class="form-select">
          <option value="" selected={selected === ""}>
            No one (unassigned events)
          </option>
          {props.admins.map((admin) => (
            <option key={admin.id} value={String(admin.id)} selected={selected === String(admin.id)}>
              {personDisplay(admin)}
            </option>
          ))}
        </select>
      </div>
      <div class="col-auto">
        <button type="submit" class="btn btn-outline-primary">
          Show
        </button>
      </div>
    </form>
  );
}

function CurrentTable(props: { rows: CurrentEventRow[] }) {
  if (props.rows.length === 0) return <p>No current workshops.</p>;
  return (
    <table class="table table-striped align-middle">
      <thead>
        <tr>
          <th scope="col">Tags</th>
          <th scope="col">Name</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <td>
              {row.tags.map((name) => (
                <span key={name} class={`badge text-bg-${tagColour(name)} me-1`}>
                  {name}
                </span>
              ))}
            </td>
            <td>
              <a href={eventPath(row.slug)}>{row.slug}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InProgressTable(props: { rows: InProgressEventRow[] }) {
  if (props.rows.length === 0) return <p>No workshops in progress.</p>;
  return (
    <table class="table table-striped align-middle">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">
            <abbr title="Number of instructors">#I</abbr>
          </th>
          <th scope="col">Dates</th>
          <th scope="col">Location</th>
          <th scope="col">URL</th>
          <th scope="col">Host Site</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={eventPath(row.slug)}>{row.slug}</a>
            </td>
            <td class={row.instructors === 0 ? "text-danger fw-bold" : "text-success"}>{row.instructors}</td>
            <td>
              <Check ok={row.hasDates} what="dates" />
            </td>
            <td>
              <Check ok={row.hasLocation} what="location" />
            </td>
            <td>
              <Check ok={row.hasUrl} what="website" />
            </td>
            <td>
              <a href={organizationPath(row.hostDomain)}>{row.hostName}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Check(props: { ok: boolean; what: string }) {
  return props.ok ? (
    <span class="text-success" title={`Has ${props.what}`}>
      ✓<span class="visually-hidden">Has {props.what}</span>
    </span>
  ) : (
    <span class="text-danger" title={`Missing ${props.what}`}>
      ✗<span class="visually-hidden">Missing {props.what}</span>
    </span>
  );
}
