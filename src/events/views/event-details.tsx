import type { VNode } from "preact";
import { type CommentRow, CommentsSection } from "../../comments/index.ts";
import { HistoryLines, type VersionStamp } from "../../history/index.ts";
import { fullName } from "../../people/index.ts";
import { PostForm, SelectField } from "../../ui/forms.tsx";
import { DataTable } from "../../ui/table.tsx";
import { humanReadableDate } from "../../ui/time.ts";
import { EVENT_CONTENT_TYPE } from "../commands.ts";
import type { EventRelations, EventTaskRow } from "../details-queries.ts";
import type { EventRow } from "../form-queries.ts";
import { eventPath } from "../rules.ts";
import { taskPath } from "../tasks/rules.ts";
import { EventFacts } from "./event-facts.tsx";
import { TagBadges } from "./tag-badges.tsx";

export interface EventDetailsProps {
  event: EventRow;
  relations: EventRelations;
  tasks: readonly EventTaskRow[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  comments: readonly CommentRow[];
  viewerId: number;
  can: { change: boolean; delete: boolean; changeTasks: boolean };
  /** Whether the service-offering pages exist to link to (account benefits, event categories). */
  offeringLinks?: boolean;
  /** The inline "add a task" form, shown under the tasks table (built by the tasks pages). */
  taskForm?: VNode | undefined;
}

export function EventDetailsPage(props: EventDetailsProps) {
  const { event } = props;
  const path = eventPath(event.slug);
  return (
    <div>
      <EventHeader {...props} />
      <HistoryLines {...props.history} />
      <Assignment {...props} />
      <EditButton path={path} canChange={props.can.change} />
      <EventFacts event={event} relations={props.relations} offeringLinks={props.offeringLinks ?? false} />
      <h2 class="h4 mt-4">Tasks</h2>
      <TasksTable tasks={props.tasks} canChange={props.can.changeTasks} />
      {props.taskForm ?? null}
      <div class="d-flex gap-2 mt-4">
        <EditButton path={path} canChange={props.can.change} />
        {props.can.delete ? (
          <PostForm
            action={`${path}delete/`}
            confirm={`Delete the event ${event.slug}? This cannot be undone.`}
          >
            <button type="submit" class="btn btn-danger">
              Delete event
            </button>
          </PostForm>
        ) : null}
      </div>
      <CommentsSection
        contentType={EVENT_CONTENT_TYPE}
        objectPk={event.id}
        comments={props.comments}
        next={`${path}#comments`}
      />
    </div>
  );
}

function EventHeader(props: EventDetailsProps) {
  const selfOrganised = props.relations.administrator?.domain === "self-organized";
  return (
    <p class="lead">
      {humanReadableDate(props.event.start, props.event.end)} <TagBadges tags={props.relations.tags} />
      {selfOrganised ? <span class="badge text-bg-light border">self-organised</span> : null}
    </p>
  );
}

function EditButton(props: { path: string; canChange: boolean }) {
  return props.canChange ? (
    <p class="mb-3">
      <a class="btn btn-primary" href={`${props.path}edit/`}>
        Edit
      </a>
    </p>
  ) : (
    <p class="mb-3">
      <span class="btn btn-primary disabled" aria-disabled="true" title="You may not change events">
        Edit
      </span>
    </p>
  );
}

/** Who is responsible for the event, with buttons to clear it, take it, or give it to another admin. */
function Assignment(props: EventDetailsProps) {
  const { assignee } = props.relations;
  const action = `${eventPath(props.event.slug)}assign/`;
  const quickButton = (person: string, label: string) => (
    <PostForm action={action} class="d-inline">
      <input type="hidden" name="person" value={person} />
      <button type="submit" class="btn btn-sm btn-outline-secondary ms-2">
        {label}
      </button>
    </PostForm>
  );
  return (
    <section aria-labelledby="assignment" class="mb-3">
      <h2 id="assignment" class="h6">
        Assigned to
      </h2>
      <p>
        {assignee ? <a href={`/workshops/person/${assignee.id}/`}>{fullName(assignee)}</a> : "Not assigned"}
        {props.can.change
          ? assignee
            ? quickButton("", "Clear")
            : quickButton(String(props.viewerId), "Assign yourself")
          : null}
      </p>
      {props.can.change ? (
        <PostForm action={action} class="row g-2 align-items-end">
          <div class="col-auto">
            <SelectField
              name="person"
              label="Assign to an admin"
              lookup="/select_lookups/admins/"
              choices={assignee ? [{ value: String(assignee.id), label: fullName(assignee) }] : []}
              selected={assignee ? String(assignee.id) : undefined}
              blank="Nobody"
            />
          </div>
          <div class="col-auto mb-3">
            <button type="submit" class="btn btn-outline-primary">
              Assign
            </button>
          </div>
        </PostForm>
      ) : null}
    </section>
  );
}

function TasksTable(props: { tasks: readonly EventTaskRow[]; canChange: boolean }) {
  return (
    <DataTable
      caption="People with a task at this event"
      rowCount={props.tasks.length}
      empty="No tasks."
      head={
        <>
          <th scope="col">Person</th>
          <th scope="col">Role</th>
          <th scope="col">Open applicant</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </>
      }
    >
      {props.tasks.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={`/workshops/person/${row.person.id}/`}>{fullName(row.person)}</a>
          </td>
          <td>{row.roleVerboseName || row.roleName}</td>
          <td>{row.seatOpenTraining ? "yes" : "no"}</td>
          <td class="text-nowrap">
            <a href={taskPath(row.id)}>View</a>
            {props.canChange ? (
              <>
                {" · "}
                <a href={`${taskPath(row.id)}edit/`}>Edit</a>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
