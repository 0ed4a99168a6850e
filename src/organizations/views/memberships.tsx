import type { ComponentChildren } from "preact";
import {
  CONTRIBUTION_TYPES,
  choiceLabel,
  MEMBERSHIP_VARIANTS,
  membershipDisplay,
  membershipPath,
  partnershipDisplay,
  partnershipPath,
  seatsDanger,
  tierDisplay,
} from "../../memberships/rules.ts";
import { DataTable } from "../../ui/table.tsx";
import type {
  MembershipLink,
  OrganizationMembership,
  OrganizationPartnership,
} from "../membership-queries.ts";
import { organizationDisplay, organizationPath } from "../rules.ts";

/** The memberships an organisation holds today, each linked, or a dash. */
export function CurrentMemberships(props: { links: readonly MembershipLink[] | undefined }) {
  const links = props.links ?? [];
  if (links.length === 0) return <>—</>;
  return (
    <ul class="list-unstyled mb-0">
      {links.map((link) => (
        <li key={link.id}>
          <a href={membershipPath(link.id)}>{membershipDisplay(link)}</a>
        </li>
      ))}
    </ul>
  );
}

const note = (text: string | undefined) =>
  text ? <div class="small text-body-secondary">{text}</div> : null;
const orDash = (value: number) => (value === 0 ? "—" : value);

function Remaining(props: { remaining: number; total: number; children?: ComponentChildren }) {
  const danger = seatsDanger(props.remaining, props.total);
  return (
    <td class={danger ? "table-danger" : undefined}>
      {props.remaining}
      {props.children}
    </td>
  );
}

/**
 * Every membership of the organisation with its entitlements and what was used of them: no-fee
 * workshops, discounted and self-organised workshops, public and in-house training seats.
 */
export function OrganizationMembershipsTable(props: {
  rows: readonly OrganizationMembership[];
  canChange: boolean;
  /** Where the edit page sends the admin back to: this organisation's page. */
  next: string;
}) {
  if (props.rows.length === 0) return <p class="text-body-secondary">No memberships.</p>;
  return (
    <div class="table-responsive">
      <table class="table table-striped table-hover align-middle table-sm">
        <caption>Memberships this organisation is a member of, in any role</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Membership
            </th>
            <th scope="col" rowSpan={2}>
              Role
            </th>
            <th scope="col" rowSpan={2}>
              Variant
            </th>
            <th scope="col" rowSpan={2}>
              Agreement
            </th>
            <th scope="col" rowSpan={2}>
              Contribution
            </th>
            <th scope="colgroup" colSpan={4}>
              Workshops without admin fee
            </th>
            <th scope="colgroup" colSpan={2}>
              Discounted workshops
            </th>
            <th scope="colgroup" colSpan={2}>
              Self-organised workshops
            </th>
            <th scope="colgroup" colSpan={3}>
              Public training seats
            </th>
            <th scope="colgroup" colSpan={3}>
              In-house training seats
            </th>
            <th scope="col" rowSpan={2}>
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
          <tr>
            {[
              "Allowed",
              "Completed",
              "Planned",
              "Remaining",
              "Completed",
              "Planned",
              "Completed",
              "Planned",
              "Allowed",
              "Utilised",
              "Remaining",
              "Allowed",
              "Utilised",
              "Remaining",
            ].map((label, index) => (
              <th scope="col" key={index}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <MembershipRow key={row.id} row={row} canChange={props.canChange} next={props.next} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MembershipRow(props: { row: OrganizationMembership; canChange: boolean; next: string }) {
  const { row } = props;
  const { counts, figures } = row;
  const rolledFrom = (value: number | null) => (value ? `includes ${value} rolled from previous` : undefined);
  const rolledOver = (value: number | null) => (value ? `${value} rolled over` : undefined);
  const additional = (value: number) => (value ? `includes ${value} additional` : undefined);
  return (
    <tr>
      <td>
        <a href={membershipPath(row.id)}>{row.name}</a>
        {row.consortium ? note("consortium") : null}
      </td>
      <td>{row.roles.join(", ")}</td>
      <td>{choiceLabel(MEMBERSHIP_VARIANTS, row.variant)}</td>
      <td class="text-nowrap">
        {row.agreementStart} — {row.agreementEnd}
      </td>
      <td>{choiceLabel(CONTRIBUTION_TYPES, row.contributionType)}</td>
      <td>
        {orDash(figures.workshopsWithoutAdminFeeTotalAllowed)}
        {note(rolledFrom(counts.workshopsWithoutAdminFeeRolledFromPrevious))}
      </td>
      <td>{figures.workshopsWithoutAdminFeeCompleted}</td>
      <td>{figures.workshopsWithoutAdminFeePlanned}</td>
      <td>
        {figures.workshopsWithoutAdminFeeRemaining}
        {note(rolledOver(counts.workshopsWithoutAdminFeeRolledOver))}
      </td>
      <td>{figures.workshopsDiscountedCompleted}</td>
      <td>{figures.workshopsDiscountedPlanned}</td>
      <td>{figures.selfOrganizedWorkshopsCompleted}</td>
      <td>{figures.selfOrganizedWorkshopsPlanned}</td>
      <td>
        {figures.publicSeatsTotal}
        {note(additional(counts.additionalPublicInstructorTrainingSeats))}
        {note(rolledFrom(counts.publicInstructorTrainingSeatsRolledFromPrevious))}
      </td>
      <td>{figures.publicSeatsUtilized}</td>
      <Remaining remaining={figures.publicSeatsRemaining} total={figures.publicSeatsTotal}>
        {note(rolledOver(counts.publicInstructorTrainingSeatsRolledOver))}
      </Remaining>
      <td>
        {figures.inhouseSeatsTotal}
        {note(additional(counts.additionalInhouseInstructorTrainingSeats))}
        {note(rolledFrom(counts.inhouseInstructorTrainingSeatsRolledFromPrevious))}
      </td>
      <td>{figures.inhouseSeatsUtilized}</td>
      <Remaining remaining={figures.inhouseSeatsRemaining} total={figures.inhouseSeatsTotal}>
        {note(rolledOver(counts.inhouseInstructorTrainingSeatsRolledOver))}
      </Remaining>
      <td class="text-nowrap">
        <a href={membershipPath(row.id)} aria-label={`View ${row.name}`}>
          View
        </a>
        {props.canChange ? (
          <>
            {" "}
            ·{" "}
            <a
              href={`${membershipPath(row.id)}edit/?next=${encodeURIComponent(props.next)}`}
              aria-label={`Edit ${row.name}`}
            >
              Edit
            </a>
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** Partnerships with the organisation as partner; credits allocated beyond those allowed stand out. */
export function OrganizationPartnershipsTable(props: {
  rows: readonly OrganizationPartnership[];
  organization: { domain: string; fullname: string };
}) {
  const { organization } = props;
  return (
    <DataTable
      caption="Partnerships with this organisation"
      rowCount={props.rows.length}
      empty="No partnerships."
      head={
        <>
          <th scope="col">Name</th>
          <th scope="col">Organisation / Consortium</th>
          <th scope="col">Dates</th>
          <th scope="col">Tier</th>
          <th scope="col">Credits used / allowed</th>
        </>
      }
    >
      {props.rows.map((row) => {
        const over = row.creditsUsed > row.credits;
        const display = partnershipDisplay({ ...row, partnerConsortiumId: null });
        return (
          <tr key={row.id}>
            <td>
              <a href={partnershipPath(row.id)} title={display}>
                {row.name}
              </a>
            </td>
            <td>
              <a href={organizationPath(organization.domain)}>{organizationDisplay(organization)}</a>
            </td>
            <td class="text-nowrap">
              {row.agreementStart} — {row.agreementEnd}
            </td>
            <td>
              {row.tierName === null || row.tierCredits === null
                ? "—"
                : tierDisplay({ name: row.tierName, credits: row.tierCredits })}
            </td>
            <td class={over ? "table-warning" : undefined}>
              {over ? (
                <span role="img" aria-label="Over the allowed credits">
                  ⚠{" "}
                </span>
              ) : null}
              {row.creditsUsed} / {row.credits}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
