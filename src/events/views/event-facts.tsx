import type { ComponentChildren } from "preact";
import { accountBenefitPath, eventCategoryPath, membershipPath } from "../../memberships/rules.ts";
import { organizationPath } from "../../organizations/index.ts";
import { countryName } from "../../reference/index.ts";
import type { EventRelations, OrganizationLink } from "../details-queries.ts";
import type { EventRow } from "../form-queries.ts";
import { mailto, websiteUrl } from "../rules.ts";
import { WebsiteLink } from "./event-list.tsx";
import { TagBadges } from "./tag-badges.tsx";

// The event page's table of facts: every field, with what is missing or wrong shown in red.

function Row(props: { label: string; problem?: boolean; children: ComponentChildren }) {
  return (
    <tr class={props.problem ? "table-danger" : undefined}>
      <th scope="row" class="w-25">
        {props.label}
      </th>
      <td>{props.children}</td>
    </tr>
  );
}

const dash = "—";
const yesNo = (value: boolean) => (value ? "yes" : "no");
const list = (items: readonly string[]) => (items.length === 0 ? dash : items.join(", "));

function OrganizationCell(props: { organization: OrganizationLink | undefined }) {
  return props.organization ? (
    <a href={organizationPath(props.organization.domain)}>{props.organization.fullname}</a>
  ) : (
    dash
  );
}

export function EventFacts(props: {
  event: EventRow;
  relations: EventRelations;
  /** Whether the service-offering pages (account benefits, event categories) exist to link to. */
  offeringLinks?: boolean;
}) {
  const { event, relations } = props;
  const website = websiteUrl(event.url);
  return (
    <table class="table table-sm align-middle">
      <caption class="visually-hidden">Event details</caption>
      <tbody>
        <Row label="Slug">{event.slug}</Row>
        <Row label="Completed">{yesNo(event.completed)}</Row>
        <DatesRows event={event} />
        <Row label="Host Site">
          <OrganizationCell organization={relations.host} />
        </Row>
        <Row label="Organiser">
          <OrganizationCell organization={relations.sponsor} />
        </Row>
        <Row label="Administrator">
          <OrganizationCell organization={relations.administrator} />
        </Row>
        <Row label="Public status">{event.publicStatus}</Row>
        <OfferingRows relations={relations} links={props.offeringLinks ?? false} />
        <Row label="Tags">{relations.tags.length === 0 ? dash : <TagBadges tags={relations.tags} />}</Row>
        <Row label="Curricula">{list(relations.curricula)}</Row>
        <Row label="Lessons">{list(relations.lessons)}</Row>
        <Row label="Open TTT applications">{yesNo(event.openTttApplications)}</Row>
        <Row label="Website URL" problem={!website}>
          {website ? <WebsiteLink url={website} /> : "Error: this event has no URL."}
        </Row>
        <Row label="Language">{relations.language ?? dash}</Row>
        <Row label="Eventbrite key">
          {event.regKey ? (
            <a href={`https://www.eventbrite.com/myevent?eid=${encodeURIComponent(event.regKey)}`}>
              {event.regKey}
            </a>
          ) : (
            dash
          )}
        </Row>
        <Row label="Assessment survey for instructors">
          {event.instructorsPre ? <WebsiteLink url={event.instructorsPre} /> : dash}
        </Row>
        <AttendanceRow event={event} relations={relations} />
        <Row label="Contact">
          {event.contact
            ? event.contact.split(";").map((contact) => <div key={contact}>{contact}</div>)
            : dash}
        </Row>
        <LocationRows event={event} />
      </tbody>
    </table>
  );
}

/** What the event counts against (a membership or an account benefit) and its category. */
function OfferingRows(props: { relations: EventRelations; links: boolean }) {
  const { membership, allocatedBenefit, eventCategory } = props.relations;
  const maybeLink = (href: string, text: string) => (props.links ? <a href={href}>{text}</a> : text);
  return (
    <>
      <Row label="Membership">
        {membership ? <a href={membershipPath(membership.id)}>{membership.label}</a> : dash}
      </Row>
      <Row label="Allocated benefit">
        {allocatedBenefit ? maybeLink(accountBenefitPath(allocatedBenefit.id), allocatedBenefit.label) : dash}
      </Row>
      <Row label="Event category">
        {eventCategory ? maybeLink(eventCategoryPath(eventCategory.id), eventCategory.name) : dash}
      </Row>
    </>
  );
}

function DatesRows(props: { event: EventRow }) {
  const { start, end } = props.event;
  const reversed = start !== null && end !== null && start > end;
  return (
    <>
      <Row label="Start" problem={reversed}>
        {start ?? dash}
      </Row>
      <Row label="End" problem={reversed}>
        {end ?? dash}
        {reversed ? " (before the start)" : ""}
      </Row>
    </>
  );
}

function AttendanceRow(props: { event: EventRow; relations: EventRelations }) {
  const { event, relations } = props;
  const addresses = mailto(event.contact);
  const subject = encodeURIComponent(`Attendance at ${event.slug}`);
  return (
    <Row label="Attendance" problem={relations.attendance === 0}>
      {relations.attendance}{" "}
      <small class="text-body-secondary">
        (typed in: {event.manualAttendance}; learner tasks: {relations.learnerTasksCount})
      </small>
      {relations.attendance === 0 && addresses.length > 0 ? (
        <a class="btn btn-sm btn-primary ms-2" href={`mailto:${addresses.join(",")}?subject=${subject}`}>
          Ask for attendance
        </a>
      ) : null}
    </Row>
  );
}

function LocationRows(props: { event: EventRow }) {
  const { country, venue, address, latitude, longitude } = props.event;
  const located = latitude !== null && longitude !== null;
  return (
    <>
      <Row label="Country" problem={!country}>
        {country ? `${countryName(country)} (${country})` : "Missing"}
      </Row>
      <Row label="Venue">{venue || dash}</Row>
      <Row label="Address">{address || dash}</Row>
      <Row label="Latitude, longitude" problem={!located}>
        {latitude ?? dash}, {longitude ?? dash}
        {located ? (
          <>
            {" "}
            <a href={`https://www.google.com/maps/place/${latitude},${longitude}`}>Map</a>
            {" · "}
            <a href={`/workshops/workshop_staff/?latitude=${latitude}&longitude=${longitude}&submit=Submit`}>
              Find nearest instructors
            </a>
          </>
        ) : null}
      </Row>
    </>
  );
}
