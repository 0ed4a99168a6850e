import type { FastifyInstance, FastifyRequest } from "fastify";
import { createMailer } from "../../mail/index.ts";
import { access } from "../../server/access.ts";
import { parseForm } from "../../server/forms.ts";
import { passwordForm } from "../forms.ts";
import { findPersonById, type PersonRow } from "../queries.ts";
import { completePasswordReset, sendPasswordResetLink } from "./commands.ts";
import { resetRequestForm } from "./forms.ts";
import { decodeUid, isValidResetToken, resetTokenKey } from "./tokens.ts";
import { ResetRequestPage, ResetRequestSentPage } from "./views/request.tsx";
import { InvalidLinkPage, ResetDonePage, SetPasswordPage } from "./views/set-password.tsx";

declare module "fastify" {
  interface Session {
    /** The token of a reset link, kept here so it never appears in a URL a page could leak. */
    passwordResetToken?: string;
  }
}

type LinkParams = { Params: { uidb64: string; token: string } };
type SetPasswordParams = { Params: { uidb64: string } };
const INVALID_TITLE = "Password reset link not valid";

export async function passwordResetRoutes(app: FastifyInstance) {
  const mailer = createMailer({ db: app.db, config: app.config.mail, log: app.log });
  const key = resetTokenKey(app.config.secretKey);
  const everyone = { config: { access: access.public } };

  /** The person of the link, when the token (given, or kept in the session) is valid for them now. */
  async function personForToken(uidb64: string, token: string | undefined): Promise<PersonRow | undefined> {
    const id = decodeUid(uidb64);
    const person = id === undefined ? undefined : await findPersonById(app.db, id);
    return person && token && isValidResetToken(key, person, token) ? person : undefined;
  }
  const personForSession = (request: FastifyRequest<SetPasswordParams>) =>
    personForToken(request.params.uidb64, request.session.passwordResetToken);

  app.get("/account/password_reset/", everyone, async (_request, reply) =>
    reply.page("Reset your password", <ResetRequestPage />),
  );

  app.post("/account/password_reset/", everyone, async (request, reply) => {
    const form = parseForm(resetRequestForm, request.body);
    if (!form.ok) {
      return reply.page(
        "Reset your password",
        <ResetRequestPage values={form.values} errors={form.errors} />,
      );
    }
    await sendPasswordResetLink(app.db, mailer, { email: form.data.email, key, siteUrl: app.config.siteUrl });
    return reply.redirect("/account/password_reset/done/", 303);
  });

  app.get("/account/password_reset/done/", everyone, async (_request, reply) =>
    reply.page("Check your email", <ResetRequestSentPage />),
  );

  // The link from the email. Like Django, keep the token in the session and move to a URL without it.
  app.get<LinkParams>("/account/reset/:uidb64/:token/", everyone, async (request, reply) => {
    const { uidb64, token } = request.params;
    if (!(await personForToken(uidb64, token))) return reply.page(INVALID_TITLE, <InvalidLinkPage />);
    request.session.passwordResetToken = token;
    return reply.redirect(`/account/reset/${uidb64}/set-password/`, 302);
  });

  app.get<SetPasswordParams>("/account/reset/:uidb64/set-password/", everyone, async (request, reply) => {
    const person = await personForSession(request);
    if (!person) return reply.page(INVALID_TITLE, <InvalidLinkPage />);
    return reply.page(
      "Choose a new password",
      <SetPasswordPage uidb64={request.params.uidb64} username={person.username} />,
    );
  });

  app.post<SetPasswordParams>("/account/reset/:uidb64/set-password/", everyone, async (request, reply) => {
    const person = await personForSession(request);
    if (!person) return reply.page(INVALID_TITLE, <InvalidLinkPage />);
    const form = parseForm(passwordForm(person, { askOldPassword: false }), request.body);
    if (!form.ok) {
      return reply.page(
        "Choose a new password",
        <SetPasswordPage uidb64={request.params.uidb64} username={person.username} errors={form.errors} />,
      );
    }
    await completePasswordReset(app.db, person, form.data.new_password1, request.session.sessionId);
    request.session.passwordResetToken = undefined;
    return reply.redirect("/account/reset/done/", 303);
  });

  app.get("/account/reset/done/", everyone, async (_request, reply) =>
    reply.page("Password changed", <ResetDonePage />),
  );
}
