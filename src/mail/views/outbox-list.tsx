import type { PageInfo } from "../../ui/pagination.ts";
import { PaginationNav } from "../../ui/pagination-nav.tsx";
import { DataTable } from "../../ui/table.tsx";
import { formatInstant } from "../../ui/time.ts";
import type { OutboxRow } from "../queries.ts";

export function OutboxListPage(props: {
  messages: readonly OutboxRow[];
  info: PageInfo;
  query: URLSearchParams;
  keepsMail: boolean;
}) {
  return (
    <div>
      <p class="lead">
        {props.keepsMail
          ? "No SMTP server is configured (AMY_SMTP_URL), so AMY sends no mail: every message is kept here instead."
          : "Mail is sent through the SMTP server. Messages it did not accept are kept here, to be sent again once the problem is fixed."}
      </p>
      <DataTable
        caption="Messages in the outbox, newest first"
        rowCount={props.messages.length}
        empty="The outbox is empty."
        head={
          <>
            <th scope="col">Created</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
          </>
        }
      >
        {props.messages.map((message) => (
          <tr key={message.id}>
            <td>{formatInstant(message.createdAt)}</td>
            <td>{message.recipients.join(", ")}</td>
            <td>
              <a href={`/mail/outbox/${message.id}/`}>{message.subject}</a>
            </td>
            <td>
              <StatusText message={message} />
            </td>
          </tr>
        ))}
      </DataTable>
      <PaginationNav info={props.info} path="/mail/outbox/" query={props.query} />
    </div>
  );
}

export function StatusText(props: { message: OutboxRow }) {
  if (props.message.status === "kept") return <span>Kept (not sent)</span>;
  const attempts = props.message.attempts === 1 ? "1 attempt" : `${props.message.attempts} attempts`;
  return <span class="text-danger-emphasis">Not delivered ({attempts})</span>;
}
