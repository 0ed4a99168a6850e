import { type CommentRow, CommentsSection } from "../../comments/index.ts";
import { HistoryLines, type VersionStamp } from "../../history/index.ts";
import { accountDisplay, accountPath } from "../../memberships/rules.ts";
import { countryName } from "../../reference/index.ts";
import { ActionLink } from "../../ui/action-link.tsx";
import { PostForm } from "../../ui/forms.tsx";
import { DataTable } from "../../ui/table.tsx";
import type { OrganizationMembership, OrganizationPartnership } from "../membership-queries.ts";
import type { OrganizationEvent, OrganizationRow } from "../queries.ts";
import { mapUrl, organizationDisplay, organizationPath, organizationSiteUrl } from "../rules.ts";
import { OrganizationMembershipsTable, OrganizationPartnershipsTable } from "./memberships.tsx";

export interface OrganizationDetailsProps {
  organization: OrganizationRow;
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  affiliated: readonly OrganizationRow[];
  events: readonly OrganizationEvent[];
  memberships: readonly OrganizationMembership[];
  /** The service offering's parts of the page; absent while AMY_SERVICE_OFFERING is off. */
  offering?:
    | {
        account: { id: string } | undefined;
        partnerships: readonly OrganizationPartnership[];
        canAddPartnership: boolean;
      }
    | undefined;
  comments: readonly CommentRow[];
  contentType: string;
  canChange: boolean;
  canDelete: boolean;
  canAddMembership: boolean;
  canChangeMembership: boolean;
}

export function OrganizationDetailsPage(props: OrganizationDetailsProps) {
  const { organization } = props;
  const path = organizationPath(organization.domain);
  return (
    <div>
      <HistoryLines {...props.history} />
      {props.canChange ? (
        <p>
          <a class="btn btn-primary" href={`${path}edit/`}>
            Edit
          </a>
        </p>
      ) : null}
      <OrganizationFacts {...props} />
      {props.canDelete ? (
        <PostForm
          action={`${path}delete/`}
          confirm={`Delete ${organizationDisplay(organization)}? This cannot be undone.`}
        >
          <button type="submit" class="btn btn-danger">
            Delete
          </button>
        </PostForm>
      ) : null}
      <h2 class="h4 mt-4">Events</h2>
      <EventsTable events={props.events} />
      <h2 class="h4 mt-4" id="memberships">
        Memberships
      </h2>
      <OrganizationMembershipsTable
        rows={props.memberships}
        canChange={props.canChangeMembership}
        next={path}
      />
      <p>
        <ActionLink
          href={`/fiscal/memberships/add/?organization=${organization.id}`}
          label="Add membership"
          allowed={props.canAddMembership}
          deniedReason="You may not add memberships"
        />
      </p>
      {props.offering ? (
        <>
          <h2 class="h4 mt-4" id="partnerships">
            Partnerships
          </h2>
          <OrganizationPartnershipsTable rows={props.offering.partnerships} organization={organization} />
          <p>
            <ActionLink
              href={`/fiscal/partnerships/create/?partner_organisation=${organization.id}`}
              label="Add partnership"
              allowed={props.offering.canAddPartnership}
              deniedReason="You may not add partnerships"
            />
          </p>
        </>
      ) : null}
      <CommentsSection
        contentType={props.contentType}
        objectPk={organization.id}
        comments={props.comments}
        next={`${path}#comments`}
      />
    </div>
  );
}

function OrganizationFacts(props: OrganizationDetailsProps) {
  const { organization } = props;
  const map = mapUrl(organization.latitude, organization.longitude);
  return (
    <dl class="row">
      <dt class="col-sm-3">Full name</dt>
      <dd class="col-sm-9">{organization.fullname}</dd>
      <dt class="col-sm-3">Domain</dt>
      <dd class="col-sm-9">
        <a href={organizationSiteUrl(organization.domain)} rel="noopener noreferrer" target="_blank">
          {organization.domain}
        </a>
      </dd>
      <dt class="col-sm-3">Country</dt>
      <dd class="col-sm-9">
        {organization.country ? `${countryName(organization.country)} (${organization.country})` : "—"}
      </dd>
      <dt class="col-sm-3">Latitude, longitude</dt>
      <dd class="col-sm-9">
        {organization.latitude ?? "—"}, {organization.longitude ?? "—"}
        {map ? (
          <>
            {" "}
            (<a href={map}>map</a>)
          </>
        ) : null}
      </dd>
      {props.offering ? (
        <>
          <dt class="col-sm-3">Account</dt>
          <dd class="col-sm-9">
            {props.offering.account ? (
              <a href={accountPath(props.offering.account.id)}>
                {accountDisplay("organisation", organizationDisplay(organization))}
              </a>
            ) : (
              "—"
            )}
          </dd>
        </>
      ) : null}
      <dt class="col-sm-3">Affiliated organisations</dt>
      <dd class="col-sm-9">
        {props.affiliated.length === 0 ? (
          "—"
        ) : (
          <ul class="list-unstyled mb-0">
            {props.affiliated.map((row) => (
              <li key={row.id}>
                <a href={organizationPath(row.domain)}>{organizationDisplay(row)}</a>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function EventsTable(props: { events: readonly OrganizationEvent[] }) {
  return (
    <DataTable
      caption="Events this organisation hosted, sponsored or administered"
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
        <tr key={row.slug}>
          <td>
            <a href={`/workshops/event/${encodeURIComponent(row.slug)}/`}>{row.slug}</a>{" "}
            {row.hosted ? <span class="badge text-bg-primary">Hosted</span> : null}{" "}
            {row.sponsored ? <span class="badge text-bg-info">Sponsored</span> : null}{" "}
            {row.affiliated ? <span class="badge text-bg-success">Affiliated</span> : null}
          </td>
          <td>
            {row.tags.map((name) => (
              <span key={name} class="badge text-bg-secondary me-1">
                {name}
              </span>
            ))}
          </td>
          <td>{row.start ?? "—"}</td>
          <td>{row.end ?? "—"}</td>
          <td>{row.url ? <WebLink url={row.url} /> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Only web addresses become links: a stored URL never runs script on this page. */
function WebLink(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? <a href={props.url}>{props.url}</a> : props.url;
}
