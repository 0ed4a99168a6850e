import type { Transporter } from "nodemailer";
import type { MailConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { deleteOutboxMessage, keepInOutbox, type OutboxRow, recordFailedAttempt } from "./queries.ts";

export interface OutgoingMail {
  to: string[];
  subject: string;
  /** Plain text. */
  body: string;
}

export type SendOutcome =
  | { status: "sent" }
  | { status: "kept"; outboxId: number }
  | { status: "failed"; outboxId: number; error: string };

export type RetryOutcome = { status: "sent" } | { status: "failed"; error: string } | { status: "no-smtp" };

/** The part of a pino logger the mailer writes to. */
export interface MailLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Mailer {
  /** True without an SMTP server: nothing leaves AMY, every message waits in the outbox. */
  readonly keepsMail: boolean;
  /** Never throws for a delivery problem: the message is then kept in the outbox with the error. */
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /** Sends an outbox message again; once delivered, it leaves the outbox. */
  retry(message: OutboxRow): Promise<RetryOutcome>;
}

// Fail in seconds rather than minutes when the SMTP server does not answer: a person is waiting.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Every module that sends mail goes through one of these. */
export function createMailer({ db, config, log }: { db: Db; config: MailConfig; log: MailLog }): Mailer {
  return config.smtpUrl
    ? smtpMailer(db, { smtpUrl: config.smtpUrl, defaultFrom: config.defaultFrom }, log)
    : outboxOnlyMailer(db, config.defaultFrom);
}

type Envelope = Pick<OutboxRow, "fromEmail" | "recipients" | "subject" | "body">;

function smtpMailer(db: Db, config: { smtpUrl: string; defaultFrom: string }, log: MailLog): Mailer {
  let transport: Transporter | undefined;
  const deliver = async (message: Envelope) => {
    // Imported on the first message: a server that sends no mail never holds nodemailer, nor the fetch
    // implementation (undici) it loads.
    transport ??= (await import("nodemailer")).createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    await transport.sendMail({
      from: message.fromEmail,
      to: message.recipients,
      subject: message.subject,
      text: message.body,
    });
  };
  return {
    keepsMail: false,
    async send(mail) {
      const message = {
        fromEmail: config.defaultFrom,
        recipients: mail.to,
        subject: mail.subject,
        body: mail.body,
      };
      try {
        await deliver(message);
        return { status: "sent" };
      } catch (error) {
        const reason = describeFailure(error);
        const row = await keepInOutbox(db, { ...message, status: "failed", error: reason, attempts: 1 });
        log.error({ outboxId: row.id, reason }, "mail delivery failed; the message is kept in the outbox");
        return { status: "failed", outboxId: row.id, error: reason };
      }
    },
    async retry(row) {
      try {
        await deliver(row);
      } catch (error) {
        const reason = describeFailure(error);
        await recordFailedAttempt(db, row.id, reason);
        log.error({ outboxId: row.id, reason }, "mail delivery failed again");
        return { status: "failed", error: reason };
      }
      await deleteOutboxMessage(db, row.id);
      return { status: "sent" };
    },
  };
}

function outboxOnlyMailer(db: Db, defaultFrom: string): Mailer {
  return {
    keepsMail: true,
    async send(mail) {
      const row = await keepInOutbox(db, {
        fromEmail: defaultFrom,
        recipients: mail.to,
        subject: mail.subject,
        body: mail.body,
        status: "kept",
        attempts: 0,
      });
      return { status: "kept", outboxId: row.id };
    },
    async retry() {
      return { status: "no-smtp" };
    },
  };
}

/** What went wrong, in the SMTP server's words when it answered; never the connection URL. */
function describeFailure(error: unknown): string {
  const { response, message } = (error ?? {}) as { response?: unknown; message?: unknown };
  if (typeof response === "string" && response) return response;
  return typeof message === "string" && message ? message : "unknown error";
}
