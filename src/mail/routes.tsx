import type { FastifyInstance } from "fastify";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { flash } from "../server/render.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { createMailer } from "./mailer.ts";
import { countOutboxMessages, findOutboxMessage, listOutboxMessages, type OutboxRow } from "./queries.ts";
import { OutboxListPage } from "./views/outbox-list.tsx";
import { OutboxMessagePage } from "./views/outbox-message.tsx";

type MessageParams = { Params: { message_id: string } };

export async function mailRoutes(app: FastifyInstance) {
  const mailer = createMailer({ db: app.db, config: app.config.mail, log: app.log });
  if (mailer.keepsMail && app.config.env === "production") {
    app.log.warn("AMY_SMTP_URL is not set: AMY sends no mail and keeps every message in /mail/outbox/.");
  }
  const superuser = { config: { access: access.superuser } };

  app.get<{ Querystring: Record<string, unknown> }>("/mail/outbox/", superuser, async (request, reply) => {
    const info = resolvePage(parsePageRequest(request.query), await countOutboxMessages(app.db));
    const messages = await listOutboxMessages(app.db, { limit: info.perPage, offset: info.offset });
    const query = new URLSearchParams(request.url.split("?")[1] ?? "");
    return reply.page(
      "Outbox",
      <OutboxListPage messages={messages} info={info} query={query} keepsMail={mailer.keepsMail} />,
    );
  });

  app.get<MessageParams>("/mail/outbox/:message_id/", superuser, async (request, reply) => {
    const message = await loadMessage(app, request.params.message_id);
    return reply.page(
      `Message: ${message.subject}`,
      <OutboxMessagePage message={message} canRetry={!mailer.keepsMail} />,
    );
  });

  app.post<MessageParams>("/mail/outbox/:message_id/retry/", superuser, async (request, reply) => {
    const message = await loadMessage(app, request.params.message_id);
    const outcome = await mailer.retry(message);
    if (outcome.status === "sent") {
      flash(request, "success", `The message "${message.subject}" was sent.`);
      return reply.redirect("/mail/outbox/", 303);
    }
    flash(
      request,
      "error",
      outcome.status === "no-smtp"
        ? "No SMTP server is configured (AMY_SMTP_URL), so the message cannot be sent."
        : `The message was not sent again. The SMTP server said: ${outcome.error}`,
    );
    return reply.redirect(`/mail/outbox/${message.id}/`, 303);
  });
}

async function loadMessage(app: FastifyInstance, param: string): Promise<OutboxRow> {
  const id = /^\d{1,9}$/.test(param) ? Number(param) : 0;
  const message = id > 0 ? await findOutboxMessage(app.db, id) : undefined;
  if (!message)
    throw new NotFoundError("There is no such message in the outbox. It may have been sent since.");
  return message;
}
