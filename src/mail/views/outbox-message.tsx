import { Fragment } from "preact";
import { PostForm } from "../../ui/forms.tsx";
import { formatInstant } from "../../ui/time.ts";
import type { OutboxRow } from "../queries.ts";
import { StatusText } from "./outbox-list.tsx";

export function OutboxMessagePage(props: { message: OutboxRow; canRetry: boolean }) {
  const { message } = props;
  return (
    <div>
      <dl class="row">
        <dt class="col-sm-2">From</dt>
        <dd class="col-sm-10">{message.fromEmail}</dd>
        <dt class="col-sm-2">To</dt>
        <dd class="col-sm-10">{message.recipients.join(", ")}</dd>
        <dt class="col-sm-2">Subject</dt>
        <dd class="col-sm-10">{message.subject}</dd>
        <dt class="col-sm-2">Created</dt>
        <dd class="col-sm-10">{formatInstant(message.createdAt)}</dd>
        <dt class="col-sm-2">Status</dt>
        <dd class="col-sm-10">
          <StatusText message={message} />
        </dd>
        {message.error ? (
          <>
            <dt class="col-sm-2">Last error</dt>
            <dd class="col-sm-10">
              {message.error}
              {message.lastAttemptAt ? ` (${formatInstant(message.lastAttemptAt)})` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <h2 class="h5">Message</h2>
      <div class="border rounded p-3 bg-body-tertiary font-monospace text-break">
        {message.body.split("\n").map((line, index) => (
          <Fragment key={index}>
            {line}
            <br />
          </Fragment>
        ))}
      </div>
      {props.canRetry ? (
        <PostForm action={`/mail/outbox/${message.id}/retry/`}>
          <button type="submit" class="btn btn-primary">
            Send again
          </button>
        </PostForm>
      ) : null}
      <p class="mt-3">
        <a href="/mail/outbox/">Back to the outbox</a>
      </p>
    </div>
  );
}
