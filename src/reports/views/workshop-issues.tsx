import type { AssignableAdmin } from "../../dashboard/queries.ts";
import { personDisplay } from "../../people/index.ts";
import { PostForm } from "../../ui/forms.tsx";
import { mailtoLink } from "../rules.ts";
import type { WorkshopIssueRow } from "../workshop-issues-queries.ts";
import { contactEmails, ISSUE_MAILS, type WorkshopIssueFlags } from "../workshop-issues-rules.ts";

export const WORKSHOP_ISSUES_PATH = "/reports/workshop_issues/";
/** The field the event assign endpoint reads (spec 20, AdminLookupForm). */
export const ASSIGN_FIELD = "person";

const eventPath = (slug: string) => `/workshops/event/${encodeURIComponent(slug)}/`;

export function WorkshopIssuesPage(props: {
  rows: WorkshopIssueRow[];
  admins: AssignableAdmin[];
  assigneeId: number | null;
}) {
  return (
    <div>
      <AssigneeFilter admins={props.admins} assigneeId={props.assigneeId} />
      <p class="text-body-secondary">
        Past workshops still missing attendance, instructors, a full location or sensible dates. ✉ writes to
        the workshop's contacts asking for what is missing; ✕ means there is no address to write to.
      </p>
      {props.rows.length === 0 ? <p>None</p> : <IssuesTable rows={props.rows} admins={props.admins} />}
    </div>
  );
}

function AssigneeFilter(props: { admins: AssignableAdmin[]; assigneeId: number | null }) {
  return (
    <form method="get" action={WORKSHOP_ISSUES_PATH} class="row g-2 align-items-end mb-4">
      <div class="col-auto">
        <label for="id_assigned_to" class="form-label">
          Assigned to:
        </label>
        <AdminSelect
          id="id_assigned_to"
          name="assigned_to"
          admins={props.admins}
          selected={props.assigneeId}
          blank="Anyone"
        />
      </div>
      <div class="col-auto">
        <button type="submit" class="btn btn-outline-primary">
          Show
        </button>
      </div>
    </form>
  );
}

function AdminSelect(props: {
  id: string;
  name: string;
  admins: AssignableAdmin[];
  selected: number | null;
  blank: string;
}) {
  return (
    <select id={props.id} name={props.name} class="form-select form-select-sm">
      <option value="">{props.blank}</option>
      {props.admins.map((admin) => (
        <option key={admin.id} value={String(admin.id)} selected={admin.id === props.selected}>
          {personDisplay(admin)}
        </option>
      ))}
    </select>
  );
}

function IssuesTable(props: { rows: WorkshopIssueRow[]; admins: AssignableAdmin[] }) {
  return (
    <table class="table table-striped align-middle">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Attendance</th>
          <th scope="col">Instructors</th>
          <th scope="col">Location</th>
          <th scope="col">Dates</th>
          <th scope="col">Assigned to</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={eventPath(row.slug)}>{row.slug}</a>
            </td>
            <IssueCell row={row} issue="missingAttendance" />
            <IssueCell row={row} issue="noInstructors" />
            <IssueCell row={row} issue="missingLocation" />
            <IssueCell row={row} issue="badDates" />
            <td>
              <AssignForm row={row} admins={props.admins} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IssueCell(props: { row: WorkshopIssueRow; issue: keyof WorkshopIssueFlags }) {
  const { row, issue } = props;
  if (!row[issue]) return <td />;
  const mail = ISSUE_MAILS[issue];
  const href = mailtoLink(
    contactEmails(row.contact).join(",") || null,
    mail.subject,
    mail.body.replace("{slug}", row.slug),
  );
  if (!href) {
    return (
      <td>
        <span class="text-danger" title="No address to write to">
          ✕<span class="visually-hidden">No contact for {row.slug}</span>
        </span>
      </td>
    );
  }
  return (
    <td>
      <a href={href} title={mail.subject}>
        ✉<span class="visually-hidden">Write to the contacts of {row.slug}</span>
      </a>
    </td>
  );
}

function AssignForm(props: { row: WorkshopIssueRow; admins: AssignableAdmin[] }) {
  const id = `assign-${props.row.id}`;
  return (
    <PostForm action={`${eventPath(props.row.slug)}assign/`} class="d-flex gap-1">
      <label for={id} class="visually-hidden">
        Assign {props.row.slug} to
      </label>
      <AdminSelect
        id={id}
        name={ASSIGN_FIELD}
        admins={props.admins}
        selected={props.row.assignedToId}
        blank="No one"
      />
      <button type="submit" class="btn btn-sm btn-outline-secondary">
        Assign
      </button>
    </PostForm>
  );
}
