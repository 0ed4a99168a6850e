import type { ComponentChildren } from "preact";
import type { CommentRow } from "../../comments/index.ts";
import { CommentsSection } from "../../comments/index.ts";
import { HistoryLines, type VersionStamp } from "../../history/index.ts";
import { countryName } from "../../reference/index.ts";
import { PostForm } from "../../ui/forms.tsx";
import { DataTable } from "../../ui/table.tsx";
import { formatInstant } from "../../ui/time.ts";
import type { awardsOfPerson, tasksOfPerson } from "../detail-queries.ts";
import { membershipPagePath, type PersonMembershipTask } from "../membership-queries.ts";
import type { PersonRow } from "../queries.ts";
import type { RoleCounts } from "../rules.ts";
import { effectiveCountry, effectiveTimezone, GENDERS, personDisplay } from "../rules.ts";

export interface PersonDetailsProps {
  person: PersonRow;
  links: { lessons: string[]; domains: string[]; languages: string[] };
  awards: Awaited<ReturnType<typeof awardsOfPerson>>;
  tasks: Awaited<ReturnType<typeof tasksOfPerson>>;
  memberships: readonly PersonMembershipTask[];
  counts: RoleCounts;
  providers: string[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  comments: CommentRow[];
  can: {
    edit: boolean;
    changePermissions: boolean;
    changePassword: boolean;
    delete: boolean;
    addAward: boolean;
  };
}

export function PersonDetailsPage(props: PersonDetailsProps) {
  const { person } = props;
  const base = `/workshops/person/${person.id}`;
  return (
    <div>
      <HistoryLines {...props.history} />
      <Actions {...props} base={base} />
      <h2 class="h4 mt-4">Profile</h2>
      <ProfileTable {...props} base={base} />
      <h2 class="h4 mt-4" id="awards">
        Badges
      </h2>
      <AwardsTable awards={props.awards} />
      {props.can.addAward ? (
        <p>
          <a href={`/workshops/awards/add/?person=${person.id}`}>Award a badge</a>
        </p>
      ) : null}
      <h2 class="h4 mt-4" id="tasks">
        Tasks
      </h2>
      <TaskSummary counts={props.counts} />
      <DataTable
        rowCount={props.tasks.length}
        empty="No tasks."
        head={
          <>
            <th scope="col">Role</th>
            <th scope="col">Event</th>
          </>
        }
      >
        {props.tasks.map((row) => (
          <tr key={row.id}>
            <td>{row.roleTitle || row.roleName}</td>
            <td>
              <a href={`/workshops/event/${row.eventSlug}/`}>{row.eventSlug}</a>
            </td>
          </tr>
        ))}
      </DataTable>
      <h2 class="h4 mt-4" id="memberships">
        Memberships
      </h2>
      <DataTable
        rowCount={props.memberships.length}
        empty="No roles in memberships."
        head={
          <>
            <th scope="col">Membership</th>
            <th scope="col">Agreement</th>
            <th scope="col">Role</th>
          </>
        }
      >
        {props.memberships.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={membershipPagePath(row.membershipId)}>{row.membershipName}</a>
            </td>
            <td class="text-nowrap">
              {row.agreementStart} — {row.agreementEnd}
            </td>
            <td>{row.role}</td>
          </tr>
        ))}
      </DataTable>
      <CommentsSection
        contentType="workshops.person"
        objectPk={person.id}
        next={`${base}/#comments`}
        comments={props.comments}
      />
    </div>
  );
}

function Actions(props: PersonDetailsProps & { base: string }) {
  const { can, base, person } = props;
  const link = (enabled: boolean, href: string, label: string) =>
    enabled ? (
      <a class="btn btn-primary me-2 mb-2" href={href}>
        {label}
      </a>
    ) : null;
  return (
    <div class="d-flex flex-wrap align-items-start">
      {link(can.edit, `${base}/edit/`, "Edit")}
      {link(can.changePermissions, `${base}/permissions/`, "Change permissions")}
      {link(can.changePassword, `${base}/password/`, "Change password")}
      {can.delete && !person.archivedAt ? (
        <PostForm
          action={`${base}/archive/`}
          class="me-2 mb-2"
          confirm={`Archive ${personDisplay(person)}? Their contact details, location and logins are removed for good; names and teaching history stay.`}
        >
          <button type="submit" class="btn btn-warning">
            Archive person
          </button>
        </PostForm>
      ) : null}
      {can.delete ? (
        <PostForm
          action={`${base}/delete/`}
          class="me-2 mb-2"
          confirm={`Delete ${personDisplay(person)} for good?`}
        >
          <button type="submit" class="btn btn-danger">
            Delete person
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <tr>
      <th scope="row" class="w-25">
        {props.label}
      </th>
      <td>{props.children}</td>
    </tr>
  );
}

const orDash = (value: string | null | undefined) => (value ? value : "—");
const list = (values: string[]) => (values.length > 0 ? values.join(", ") : "—");

function ProfileTable(props: PersonDetailsProps & { base: string }) {
  const { person } = props;
  const country = effectiveCountry(person);
  const gender = GENDERS.find((choice) => choice.value === person.gender)?.label ?? person.gender;
  return (
    <table class="table">
      <tbody>
        <Row label="Username">{person.username}</Row>
        <Row label="Personal name">{person.personal}</Row>
        <Row label="Middle name">{orDash(person.middle)}</Row>
        <Row label="Family name">{orDash(person.family)}</Row>
        <Row label="Archived">{person.archivedAt ? formatInstant(person.archivedAt) : "—"}</Row>
        <Row label="Email">{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : "—"}</Row>
        <Row label="Secondary email">{orDash(person.secondaryEmail)}</Row>
        <Row label="Gender">
          {person.gender === "O" && person.genderOther ? `${gender}: ${person.genderOther}` : gender}
        </Row>
        <Row label="Airport">{orDash(person.airportIata)}</Row>
        <Row label="Country">{country ? countryName(country) : "—"}</Row>
        <Row label="Time zone">{orDash(effectiveTimezone(person))}</Row>
        <Row label="Affiliation">{orDash(person.affiliation)}</Row>
        <Row label="GitHub">
          <GithubCell
            person={person}
            providers={props.providers}
            base={props.base}
            canSync={props.can.changePermissions}
          />
        </Row>
        <Row label="Can log in with">
          {props.providers.length > 0 ? props.providers.join(", ") : "password only"}
        </Row>
        <Row label="Twitter">{orDash(person.twitter)}</Row>
        <Row label="Bluesky">
          {person.bluesky ? <a href={`https://bsky.app/profile/${person.bluesky}`}>{person.bluesky}</a> : "—"}
        </Row>
        <Row label="Mastodon">{orDash(person.mastodon)}</Row>
        <Row label="Website">{orDash(person.url)}</Row>
        <Row label="Occupation">{orDash(person.occupation)}</Row>
        <Row label="ORCID">{person.orcid ? <a href={person.orcid}>{person.orcid}</a> : "—"}</Row>
        <Row label="Knowledge domains">{list(props.links.domains)}</Row>
        <Row label="Lessons">{list(props.links.lessons)}</Row>
        <Row label="Languages">{list(props.links.languages)}</Row>
        <Row label="Notes">{orDash(person.userNotes)}</Row>
      </tbody>
    </table>
  );
}

function GithubCell(props: { person: PersonRow; providers: string[]; base: string; canSync: boolean }) {
  const { person } = props;
  if (!person.github) return <>—</>;
  return (
    <>
      <a href={`https://github.com/${person.github}`}>{person.github}</a>{" "}
      {props.providers.includes("github") ? (
        <span class="badge text-bg-success">Logging in allowed</span>
      ) : props.canSync ? (
        <PostForm action={`${props.base}/sync_usersocialauth/`} class="d-inline">
          <button type="submit" class="btn btn-sm btn-outline-primary">
            Allow logging in with GitHub
          </button>
        </PostForm>
      ) : null}
    </>
  );
}

function AwardsTable(props: { awards: PersonDetailsProps["awards"] }) {
  return (
    <DataTable
      rowCount={props.awards.length}
      empty="No badges."
      head={
        <>
          <th scope="col">Badge</th>
          <th scope="col">Awarded</th>
          <th scope="col">By</th>
          <th scope="col">Event</th>
        </>
      }
    >
      {props.awards.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={`/workshops/badge/${row.badgeName}/`}>{row.badgeTitle}</a>
          </td>
          <td>{row.awarded}</td>
          <td>
            {row.awardedById ? (
              <a href={`/workshops/person/${row.awardedById}/`}>
                {[row.awardedByPersonal, row.awardedByFamily].filter(Boolean).join(" ")}
              </a>
            ) : (
              "—"
            )}
          </td>
          <td>{row.eventSlug ? <a href={`/workshops/event/${row.eventSlug}/`}>{row.eventSlug}</a> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function TaskSummary(props: { counts: PersonDetailsProps["counts"] }) {
  const { counts } = props;
  return (
    <p>
      Instructor: {counts.instructor} · Trainer: {counts.trainer} · Supporting instructor: {counts.supporting}{" "}
      · Helper: {counts.helper} · Learner: {counts.learner}
    </p>
  );
}
