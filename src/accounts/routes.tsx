import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { parseForm } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { authenticate, changePassword } from "./commands.ts";
import { loginForm, passwordForm } from "./forms.ts";
import { verifyPassword } from "./passwords.ts";
import { findPersonById, type PersonRow } from "./queries.ts";
import { LOGIN_FAILURE_WINDOW_MINUTES, safeNextPath } from "./rules.ts";
import { LoginPage } from "./views/login.tsx";
import { PasswordPage } from "./views/password.tsx";

const LOGIN_FAILED =
  "Your username and password did not match, or the account is not active. Please try again.";
const LOGIN_BLOCKED = `Too many failed attempts to log in. For your safety, wait ${LOGIN_FAILURE_WINDOW_MINUTES} minutes before trying again, or reset your password.`;

export async function accountsRoutes(app: FastifyInstance) {
  const githubLogin = app.config.github !== undefined;
  app.get<{ Querystring: { next?: string } }>(
    "/account/login/",
    { config: { access: access.public } },
    async (request, reply) => {
      const next = typeof request.query.next === "string" ? request.query.next : undefined;
      return reply.page("Log in", <LoginPage values={{ next }} githubLogin={githubLogin} />);
    },
  );

  app.post("/account/login/", { config: { access: access.public } }, async (request, reply) => {
    const form = parseForm(loginForm, request.body);
    if (!form.ok)
      return reply.page(
        "Log in",
        <LoginPage values={form.values} errors={form.errors} githubLogin={githubLogin} />,
      );
    const { username, password, next } = form.data;
    const outcome = await authenticate(app.db, { identifier: username, password, ipAddress: request.ip });
    if (!outcome.ok) {
      const message = outcome.reason === "blocked" ? LOGIN_BLOCKED : LOGIN_FAILED;
      return reply.page(
        "Log in",
        <LoginPage values={{ username, next }} errors={{ __all__: [message] }} githubLogin={githubLogin} />,
        {
          status: outcome.reason === "blocked" ? 429 : 200,
        },
      );
    }
    await request.session.regenerate(); // a new session id at login: no session fixation
    request.session.personId = outcome.person.id;
    return reply.redirect(safeNextPath(next), 302);
  });

  app.get("/account/logout/", { config: { access: access.login } }, async (_request, reply) =>
    reply
      .code(405)
      .header("allow", "POST")
      .page("Method not allowed", <p>Log out with the button in the menu.</p>, {
        status: 405,
      }),
  );

  app.post("/account/logout/", { config: { access: access.login } }, async (request, reply) => {
    await request.session.regenerate();
    flash(request, "success", "You are now logged out.");
    return reply.redirect("/account/login/", 303);
  });

  app.get<{ Params: { person_id: string } }>(
    "/workshops/person/:person_id/password/",
    { config: { access: access.selfOr("person_id", "superuser") } },
    async (request, reply) => {
      const target = await loadTarget(app, request.params.person_id);
      return showPasswordPage(request, reply, target);
    },
  );

  app.post<{ Params: { person_id: string } }>(
    "/workshops/person/:person_id/password/",
    { config: { access: access.selfOr("person_id", "superuser") } },
    async (request, reply) => {
      const target = await loadTarget(app, request.params.person_id);
      const askOldPassword = !request.user?.isSuperuser;
      const form = parseForm(passwordForm(target, { askOldPassword }), request.body);
      if (!form.ok) return showPasswordPage(request, reply, target, form.errors);
      if (askOldPassword) {
        const check = await verifyPassword(form.data.old_password ?? "", target.password);
        if (!check.valid) {
          return showPasswordPage(request, reply, target, {
            old_password: ["Your current password was not entered correctly."],
          });
        }
      }
      await changePassword(app.db, target.id, form.data.new_password1, request.session.sessionId);
      flash(request, "success", "The password was changed.");
      return reply.redirect(request.user?.isAdmin ? "/dashboard/admin/" : "/dashboard/instructor/", 303);
    },
  );
}

async function loadTarget(app: FastifyInstance, param: string): Promise<PersonRow> {
  const id = Number(param);
  const target = Number.isSafeInteger(id) && id > 0 ? await findPersonById(app.db, id) : undefined;
  if (!target) throw new NotFoundError("There is no person with this id.");
  return target;
}

function showPasswordPage(
  request: FastifyRequest,
  reply: FastifyReply,
  target: PersonRow,
  errors?: FieldErrors,
) {
  if (errors) flash(request, "error", "Please correct the errors below.");
  return reply.page(
    "Change password",
    <PasswordPage
      personId={target.id}
      personName={[target.personal, target.family].filter(Boolean).join(" ")}
      askOldPassword={!request.user?.isSuperuser}
      errors={errors}
    />,
  );
}
