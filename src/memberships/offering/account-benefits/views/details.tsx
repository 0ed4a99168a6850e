import type { VersionStamp } from "../../../../history/index.ts";
import { DataTable } from "../../../../ui/table.tsx";
import { humanReadableDate } from "../../../../ui/time.ts";
import { accountPath, benefitDisplay, benefitPath, partnershipPath } from "../../../rules.ts";
import { DetailsActions, Facts, Instant, yesNo } from "../../views/parts.tsx";
import type { AccountBenefitSummary, UsingEvent, UsingTask } from "../queries.ts";

export function AccountBenefitDetailsPage(props: {
  accountBenefit: AccountBenefitSummary;
  display: string;
  tasks: readonly UsingTask[];
  events: readonly UsingEvent[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  today: string;
  canChange: boolean;
  canDelete: boolean;
}) {
  const row = props.accountBenefit;
  const path = `/offering/account-benefits/${row.id}/`;
  const active = row.startDate <= props.today && props.today <= row.endDate;
  return (
    <div>
      <DetailsActions
        history={props.history}
        editHref={props.canChange ? `${path}edit/` : undefined}
        deleteAction={props.canDelete ? `${path}delete/` : undefined}
        subject={props.display}
      />
      <Facts
        rows={[
          ["Account", <a href={accountPath(row.account.id)}>{row.account.entityDisplay ?? "None"}</a>],
          [
            "Partnership",
            row.partnership ? (
              <a href={partnershipPath(row.partnership.id)}>{row.partnership.display}</a>
            ) : (
              "—"
            ),
          ],
          ["Benefit", <a href={benefitPath(row.benefit.id)}>{benefitDisplay(row.benefit)}</a>],
          ["Discount", row.discount?.name ?? "—"],
          ["Registration code", row.registrationCode ?? "—"],
          ["Curriculum", row.curriculum?.name ?? "—"],
          ["Start date", row.startDate],
          ["End date", row.endDate],
          ["Is currently active", `${yesNo(active)}${row.frozen ? " (frozen)" : ""}`],
          ["Allocation", `${row.allocationUsed} used of ${row.allocation}`],
          ["Created", <Instant at={row.createdAt} />],
          ["Updated", <Instant at={row.lastUpdatedAt} />],
        ]}
      />
      {row.benefit.unitType === "seat" ? (
        <TasksSection tasks={props.tasks} />
      ) : (
        <EventsSection events={props.events} />
      )}
    </div>
  );
}

function TasksSection(props: { tasks: readonly UsingTask[] }) {
  return (
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading" class="h4 mt-4">
        Usage: tasks
      </h2>
      <DataTable
        caption="Tasks using this benefit"
        rowCount={props.tasks.length}
        empty="No task uses this benefit."
        head={
          <>
            <th scope="col">Event</th>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </>
        }
      >
        {props.tasks.map((item) => (
          <tr key={item.id}>
            <td>
              <a href={`/workshops/event/${encodeURIComponent(item.eventSlug)}/`}>{item.eventSlug}</a>
            </td>
            <td>
              <a href={`/workshops/person/${item.person.id}/`}>{item.person.display}</a>
            </td>
            <td>{item.roleName}</td>
            <td>
              <a href={`/workshops/task/${item.id}/`}>View task</a>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function EventsSection(props: { events: readonly UsingEvent[] }) {
  return (
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading" class="h4 mt-4">
        Usage: events
      </h2>
      <DataTable
        caption="Events using this benefit"
        rowCount={props.events.length}
        empty="No event uses this benefit."
        head={
          <>
            <th scope="col">Event</th>
            <th scope="col">Host</th>
            <th scope="col">Dates</th>
          </>
        }
      >
        {props.events.map((item) => (
          <tr key={item.id}>
            <td>
              <a href={`/workshops/event/${encodeURIComponent(item.slug)}/`}>{item.slug}</a>
            </td>
            <td>{item.host.fullname}</td>
            <td>{humanReadableDate(item.start, item.end)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
