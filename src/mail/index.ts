// The mail module's public surface: every module that sends mail uses `createMailer`.
export { createMailer, type Mailer, type OutgoingMail, type SendOutcome } from "./mailer.ts";
export { mailRoutes } from "./routes.tsx";
