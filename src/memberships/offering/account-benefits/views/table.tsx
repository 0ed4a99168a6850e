import { DataTable } from "../../../../ui/table.tsx";
import { humanReadableDate } from "../../../../ui/time.ts";
import { accountBenefitPath, partnershipPath } from "../../../rules.ts";
import { Instant, yesNo } from "../../views/parts.tsx";
import type { AccountBenefitSummary, UsingEvent, UsingTask } from "../queries.ts";

/** "Yes" when today is within the dates, and "(frozen)" after it when frozen. */
export function activeText(
  row: { startDate: string; endDate: string; frozen: boolean },
  today: string,
): string {
  const active = yesNo(row.startDate <= today && today <= row.endDate);
  return row.frozen ? `${active} (frozen)` : active;
}

export const benefitLabel = (benefit: { name: string; unitType: string }): string =>
  `${benefit.name} (${benefit.unitType})`;

export interface AccountBenefitUsage {
  tasks: readonly UsingTask[];
  events: readonly UsingEvent[];
}

/**
 * The account benefits of an account or a partnership; each row opens to the tasks (seat benefits)
 * or events (event benefits) that use it.
 */
export function AccountBenefitsTable(props: {
  rows: readonly AccountBenefitSummary[];
  usage: AccountBenefitUsage;
  showPartnership: boolean;
  today: string;
}) {
  return (
    <DataTable
      caption="Account benefits"
      rowCount={props.rows.length}
      empty="No account benefits."
      head={
        <>
          <th scope="col">Benefit</th>
          {props.showPartnership ? <th scope="col">Partnership</th> : null}
          <th scope="col">Dates</th>
          <th scope="col">Used / allocated</th>
          <th scope="col">Discount</th>
          <th scope="col">Curriculum</th>
          <th scope="col">Active</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Usage</th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={accountBenefitPath(row.id)}>{benefitLabel(row.benefit)}</a>
          </td>
          {props.showPartnership ? (
            <td>
              {row.partnership ? (
                <a href={partnershipPath(row.partnership.id)}>{row.partnership.display}</a>
              ) : (
                "—"
              )}
            </td>
          ) : null}
          <td>{humanReadableDate(row.startDate, row.endDate)}</td>
          <td class={row.allocationUsed > row.allocation ? "text-danger" : undefined}>
            {row.allocationUsed} / {row.allocation}
          </td>
          <td>{row.discount?.name ?? "—"}</td>
          <td>{row.curriculum?.name ?? "—"}</td>
          <td>{activeText(row, props.today)}</td>
          <td>
            <Instant at={row.createdAt} />
          </td>
          <td>
            <Instant at={row.lastUpdatedAt} />
          </td>
          <td>
            <UsageDetails row={row} usage={props.usage} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function UsageDetails(props: { row: AccountBenefitSummary; usage: AccountBenefitUsage }) {
  const { row } = props;
  const seat = row.benefit.unitType === "seat";
  const tasks = props.usage.tasks.filter((item) => item.accountBenefitId === row.id);
  const events = props.usage.events.filter((item) => item.accountBenefitId === row.id);
  const count = seat ? tasks.length : events.length;
  return (
    <details>
      <summary>
        {count} {seat ? (count === 1 ? "task" : "tasks") : count === 1 ? "event" : "events"}
      </summary>
      {count === 0 ? (
        <p class="small text-body-secondary mb-0">Not used yet.</p>
      ) : seat ? (
        <TaskUsageList tasks={tasks} />
      ) : (
        <EventUsageList events={events} />
      )}
    </details>
  );
}

export function TaskUsageList(props: { tasks: readonly UsingTask[] }) {
  return (
    <ul class="small mb-0">
      {props.tasks.map((item) => (
        <li key={item.id}>
          <a href={`/workshops/event/${encodeURIComponent(item.eventSlug)}/`}>{item.eventSlug}</a>:{" "}
          <a href={`/workshops/person/${item.person.id}/`}>{item.person.display}</a> ({item.roleName})
        </li>
      ))}
    </ul>
  );
}

export function EventUsageList(props: { events: readonly UsingEvent[] }) {
  return (
    <ul class="small mb-0">
      {props.events.map((item) => (
        <li key={item.id}>
          <a href={`/workshops/event/${encodeURIComponent(item.slug)}/`}>{item.slug}</a> at{" "}
          {item.host.fullname}, {humanReadableDate(item.start, item.end)}
        </li>
      ))}
    </ul>
  );
}
