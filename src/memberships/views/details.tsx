import type { ComponentChildren } from "preact";
import { type CommentRow, CommentsSection } from "../../comments/index.ts";
import { eventPath, TagBadges } from "../../events/index.ts";
import { HistoryLines, type VersionStamp } from "../../history/index.ts";
import { organizationDisplay, organizationPath } from "../../organizations/index.ts";
import { personDisplay } from "../../people/index.ts";
import { ActionLink } from "../../ui/action-link.tsx";
import type { BlockingGroup } from "../../ui/blocked-delete.tsx";
import { PostForm } from "../../ui/forms.tsx";
import { DataTable } from "../../ui/table.tsx";
import type { MembershipFigures } from "../accounting.ts";
import type {
  MemberRow,
  MembershipBlockers,
  MembershipEvent,
  MembershipPersonRow,
  SeatTaskRow,
} from "../detail-queries.ts";
import type { MembershipRow } from "../queries.ts";
import {
  CONTRIBUTION_TYPES,
  choiceLabel,
  MEMBERSHIP_VARIANTS,
  membershipPath,
  PUBLIC_STATUSES,
  seatsDanger,
} from "../rules.ts";

export interface MembershipLink {
  id: number;
  display: string;
}

export interface MembershipDetailsProps {
  membership: MembershipRow;
  display: string;
  predecessor: MembershipLink | undefined;
  successor: MembershipLink | undefined;
  members: readonly MemberRow[];
  persons: readonly MembershipPersonRow[];
  figures: MembershipFigures;
  seatTasks: readonly SeatTaskRow[];
  events: readonly MembershipEvent[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  comments: readonly CommentRow[];
  contentType: string;
  can: { change: boolean; rollOver: boolean; delete: boolean };
}

const roleDisplay = (role: { roleName: string; roleVerboseName: string }) =>
  role.roleVerboseName || role.roleName;
const dashIfZero = (value: number) => (value === 0 ? "—" : value);

export function MembershipDetailsPage(props: MembershipDetailsProps) {
  const path = membershipPath(props.membership.id);
  return (
    <div>
      <HistoryLines {...props.history} />
      {props.predecessor ? (
        <div class="alert alert-info" role="note">
          Rolled over from{" "}
          <a class="alert-link" href={membershipPath(props.predecessor.id)}>
            {props.predecessor.display}
          </a>
          .
        </div>
      ) : null}
      {props.successor ? (
        <div class="alert alert-info" role="note">
          Rolled over to{" "}
          <a class="alert-link" href={membershipPath(props.successor.id)}>
            {props.successor.display}
          </a>
          .
        </div>
      ) : null}
      <Buttons {...props} path={path} />
      <table class="table table-sm align-middle">
        <caption class="visually-hidden">Membership details</caption>
        <tbody>
          <Facts {...props} path={path} />
          <WorkshopFigures figures={props.figures} membership={props.membership} />
          <SeatFigures figures={props.figures} membership={props.membership} />
          <Row label="Emergency contact">
            {props.membership.emergencyContact ? (
              <pre class="mb-0">{props.membership.emergencyContact}</pre>
            ) : (
              "—"
            )}
          </Row>
        </tbody>
      </table>
      <h2 class="h4 mt-4">Instructor training seats</h2>
      <SeatTasksTable tasks={props.seatTasks} />
      <h2 class="h4 mt-4">Events</h2>
      <EventsTable events={props.events} />
      <CommentsSection
        contentType={props.contentType}
        objectPk={props.membership.id}
        comments={props.comments}
        next={`${path}#comments`}
      />
    </div>
  );
}

function Buttons(props: MembershipDetailsProps & { path: string }) {
  const { path, can } = props;
  return (
    <div class="d-flex flex-wrap gap-2 mb-3">
      <ActionLink
        href={`${path}edit/`}
        label="Edit"
        allowed={can.change}
        variant="primary"
        deniedReason="You may not change memberships"
      />
      <ActionLink
        href={`${path}extend/`}
        label="Extend"
        allowed={can.change}
        variant="primary"
        deniedReason="You may not change memberships"
      />
      <ActionLink
        href={`${path}roll-over/`}
        label="Create new & roll-over"
        allowed={can.rollOver}
        deniedReason={
          props.successor
            ? "This membership has already been rolled over"
            : "You need the permissions to add and to change memberships"
        }
      />
      <PostForm action={`${path}delete/`} confirm={`Delete ${props.display}? This cannot be undone.`}>
        <button
          type="submit"
          class="btn btn-danger"
          disabled={!can.delete}
          title={can.delete ? undefined : "You may not delete memberships"}
        >
          Delete
        </button>
      </PostForm>
    </div>
  );
}

function Row(props: { label: string; children: ComponentChildren; figure?: string; danger?: boolean }) {
  return (
    <tr>
      <th scope="row" class="w-25">
        {props.label}
      </th>
      <td
        data-figure={props.figure}
        class={props.danger ? "table-danger" : undefined}
        data-seats-danger={props.danger ? "true" : undefined}
      >
        {props.children}
      </td>
    </tr>
  );
}

function Facts(props: MembershipDetailsProps & { path: string }) {
  const row = props.membership;
  const extensionsTotal = row.extensions.reduce((total, days) => total + days, 0);
  return (
    <>
      <Row label="Name">{row.name}</Row>
      <Row label="Consortium">{row.consortium ? "Yes" : "No"}</Row>
      <Row label="Organisations">
        {props.members.length === 0 ? (
          <span class="text-body-secondary">No organisations.</span>
        ) : (
          <ul class="list-unstyled mb-1">
            {props.members.map((member) => (
              <li key={member.id}>
                <a href={organizationPath(member.domain)}>{organizationDisplay(member)}</a> (role:{" "}
                {roleDisplay(member)})
              </li>
            ))}
          </ul>
        )}{" "}
        <a href={`${props.path}members/`}>Edit members</a>
      </Row>
      <Row label="Status">{choiceLabel(PUBLIC_STATUSES, row.publicStatus)}</Row>
      <Row label="Variant">{choiceLabel(MEMBERSHIP_VARIANTS, row.variant)}</Row>
      <Row label="Start date">{row.agreementStart}</Row>
      <Row label="End date">
        {row.agreementEnd}
        {row.extensions.length > 0 ? (
          <div class="small text-body-secondary">
            Extensions:{" "}
            {row.extensions.map((days, index) => (
              <span key={index}>
                {index > 0 ? ", " : ""}
                {days} day{days === 1 ? "" : "s"}
              </span>
            ))}
            ; {extensionsTotal} day{extensionsTotal === 1 ? "" : "s"} in all.
          </div>
        ) : null}
      </Row>
      <Row label="Contribution type">{choiceLabel(CONTRIBUTION_TYPES, row.contributionType)}</Row>
      <Row label="Registration code">{row.registrationCode ?? "—"}</Row>
      <Row label="Agreement document">
        {/^https?:\/\//i.test(row.agreementLink) ? (
          <a href={row.agreementLink}>{row.agreementLink}</a>
        ) : (
          row.agreementLink || "—"
        )}
      </Row>
      <Row label="Persons">
        {props.persons.length === 0 ? (
          <span class="text-body-secondary">No persons added.</span>
        ) : (
          <ul class="list-unstyled mb-1">
            {props.persons.map((task) => (
              <li key={task.id}>
                <a href={`/workshops/person/${task.person.id}/`}>{personDisplay(task.person)}</a> (role:{" "}
                {roleDisplay(task)})
              </li>
            ))}
          </ul>
        )}{" "}
        <a href={`${props.path}tasks/`}>Edit persons</a>
      </Row>
    </>
  );
}

function Note(props: { children: ComponentChildren }) {
  return <span class="small text-body-secondary"> {props.children}</span>;
}

function WorkshopFigures(props: { figures: MembershipFigures; membership: MembershipRow }) {
  const { figures, membership } = props;
  const rolledFrom = membership.workshopsWithoutAdminFeeRolledFromPrevious;
  const rolledOver = membership.workshopsWithoutAdminFeeRolledOver;
  return (
    <>
      <Row label="Workshops without admin fee: allowed" figure="workshops-allowed">
        {dashIfZero(figures.workshopsWithoutAdminFeeTotalAllowed)}
        {rolledFrom ? <Note>(includes {rolledFrom} rolled from previous)</Note> : null}
      </Row>
      <Row label="Workshops without admin fee: completed" figure="workshops-completed">
        {dashIfZero(figures.workshopsWithoutAdminFeeCompleted)}
      </Row>
      <Row label="Workshops without admin fee: planned" figure="workshops-planned">
        {dashIfZero(figures.workshopsWithoutAdminFeePlanned)}
      </Row>
      <Row label="Workshops without admin fee: remaining" figure="workshops-remaining">
        {dashIfZero(figures.workshopsWithoutAdminFeeRemaining)}
        {rolledOver ? <Note>({rolledOver} were rolled over)</Note> : null}
      </Row>
      <Row label="Discounted workshops: completed" figure="discounted-completed">
        {dashIfZero(figures.workshopsDiscountedCompleted)}
      </Row>
      <Row label="Discounted workshops: planned" figure="discounted-planned">
        {dashIfZero(figures.workshopsDiscountedPlanned)}
      </Row>
      <Row label="Self-organised workshops: completed" figure="self-organized-completed">
        {dashIfZero(figures.selfOrganizedWorkshopsCompleted)}
      </Row>
      <Row label="Self-organised workshops: planned" figure="self-organized-planned">
        {dashIfZero(figures.selfOrganizedWorkshopsPlanned)}
      </Row>
    </>
  );
}

function SeatFigures(props: { figures: MembershipFigures; membership: MembershipRow }) {
  const { figures, membership: m } = props;
  const block = (
    kind: "public" | "inhouse",
    label: string,
    numbers: { total: number; utilized: number; remaining: number },
    notes: { additional: number; rolledFrom: number | null; rolledOver: number | null },
  ) => (
    <>
      <Row label={`${label} instructor training seats: allowed`} figure={`${kind}-seats-allowed`}>
        {numbers.total}
        {notes.additional ? <Note>(includes {notes.additional} additional)</Note> : null}
        {notes.rolledFrom ? <Note>(includes {notes.rolledFrom} rolled from previous)</Note> : null}
      </Row>
      <Row label={`${label} instructor training seats: utilized`} figure={`${kind}-seats-utilized`}>
        {numbers.utilized}
      </Row>
      <Row
        label={`${label} instructor training seats: remaining`}
        figure={`${kind}-seats-remaining`}
        danger={seatsDanger(numbers.remaining, numbers.total)}
      >
        {numbers.remaining}
        {notes.rolledOver ? <Note>({notes.rolledOver} were rolled over)</Note> : null}
      </Row>
    </>
  );
  return (
    <>
      {block(
        "public",
        "Public",
        {
          total: figures.publicSeatsTotal,
          utilized: figures.publicSeatsUtilized,
          remaining: figures.publicSeatsRemaining,
        },
        {
          additional: m.additionalPublicInstructorTrainingSeats,
          rolledFrom: m.publicInstructorTrainingSeatsRolledFromPrevious,
          rolledOver: m.publicInstructorTrainingSeatsRolledOver,
        },
      )}
      {block(
        "inhouse",
        "In-house",
        {
          total: figures.inhouseSeatsTotal,
          utilized: figures.inhouseSeatsUtilized,
          remaining: figures.inhouseSeatsRemaining,
        },
        {
          additional: m.additionalInhouseInstructorTrainingSeats,
          rolledFrom: m.inhouseInstructorTrainingSeatsRolledFromPrevious,
          rolledOver: m.inhouseInstructorTrainingSeatsRolledOver,
        },
      )}
    </>
  );
}

function SeatTasksTable(props: { tasks: readonly SeatTaskRow[] }) {
  return (
    <DataTable
      caption="Tasks holding a seat of this membership"
      rowCount={props.tasks.length}
      empty="No seats have been used."
      head={
        <>
          <th scope="col">Event</th>
          <th scope="col">Person</th>
          <th scope="col">Awards</th>
          <th scope="col">Seat</th>
        </>
      }
    >
      {props.tasks.map((task) => (
        <tr key={task.id}>
          <td>
            <a href={eventPath(task.eventSlug)}>{task.eventSlug}</a>
          </td>
          <td>
            <a href={`/workshops/person/${task.person.id}/`}>{personDisplay(task.person)}</a>
            {task.roleName === "learner" ? null : <Note>({task.roleName})</Note>}
          </td>
          <td>
            {task.awards.length === 0
              ? "—"
              : task.awards.map((award) => (
                  <span key={award.badgeTitle} class="badge text-bg-secondary me-1">
                    {award.badgeTitle} {award.awarded}
                  </span>
                ))}
          </td>
          <td>{task.seatPublic ? "Public seat" : "In-house seat"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function EventsTable(props: { events: readonly MembershipEvent[] }) {
  return (
    <DataTable
      caption="Events counted towards this membership"
      rowCount={props.events.length}
      empty="No events."
      head={
        <>
          <th scope="col">Event</th>
          <th scope="col">Tags</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">URL</th>
        </>
      }
    >
      {props.events.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={eventPath(row.slug)}>{row.slug}</a>
          </td>
          <td>
            <TagBadges tags={row.tags} />
          </td>
          <td>{row.start ?? "—"}</td>
          <td>{row.end ?? "—"}</td>
          <td>
            {row.url && /^https?:\/\//i.test(row.url) ? <a href={row.url}>{row.url}</a> : (row.url ?? "—")}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** What keeps a membership from being deleted, grouped as the "Failed to delete" page lists it. */
export function blockedDeleteGroups(blockers: MembershipBlockers): BlockingGroup[] {
  const personHref = (id: number) => `/workshops/person/${id}/`;
  const groups: BlockingGroup[] = [
    {
      label: "Persons (membership tasks)",
      items: blockers.persons.map((row) => ({
        text: `${personDisplay(row.person)} (role: ${roleDisplay(row)})`,
        href: personHref(row.person.id),
      })),
    },
    {
      label: "Tasks holding a seat",
      items: blockers.seatTasks.map((row) => ({
        text: `${row.roleName} ${personDisplay(row.person)} at ${row.eventSlug}`,
        href: eventPath(row.eventSlug),
      })),
    },
    {
      label: "Events",
      items: blockers.events.map((row) => ({ text: row.slug, href: eventPath(row.slug) })),
    },
    {
      label: "Community roles",
      items: blockers.communityRoles.map((row) => ({
        text: `${row.configName}: ${personDisplay(row.person)}`,
        href: personHref(row.person.id),
      })),
    },
  ];
  return groups.filter((group) => group.items.length > 0);
}
