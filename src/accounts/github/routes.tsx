import type { FastifyInstance, FastifyReply } from "fastify";
import { access } from "../../server/access.ts";
import { flash } from "../../server/render.tsx";
import { recordLogin } from "../queries.ts";
import { safeNextPath } from "../rules.ts";
import { GithubLoginError, githubUserId, startAuthorization } from "./client.ts";
import { findPersonByGithubId } from "./queries.ts";
import { CALLBACK_PROBLEMS, checkCallback, type PendingGithubLogin } from "./rules.ts";
import { GithubNotConfiguredPage, GithubProblemPage } from "./views.tsx";

declare module "fastify" {
  interface Session {
    githubLogin?: PendingGithubLogin;
  }
}

const TITLE = "Log in with GitHub";
const NOT_LINKED =
  "This GitHub account is not linked to an AMY account. If you are an instructor or trainee, ask the AMY team to allow logging in with GitHub.";
const INACTIVE = "Your AMY account is not active, so it cannot log in. Please contact the AMY team.";

export async function githubRoutes(app: FastifyInstance) {
  const github = app.config.github;
  const redirectUri = new URL("/complete/github/", app.config.siteUrl).href;
  const everyone = { config: { access: access.public } };

  app.get<{ Querystring: { next?: unknown } }>("/login/github/", everyone, async (request, reply) => {
    if (!github) return reply.page(TITLE, <GithubNotConfiguredPage />);
    const { url, state, codeVerifier } = startAuthorization(github, redirectUri);
    const next = typeof request.query.next === "string" ? request.query.next : undefined;
    request.session.githubLogin = { state, codeVerifier, next };
    return reply.redirect(url.href, 302);
  });

  app.get<{ Querystring: Record<string, unknown> }>("/complete/github/", everyone, async (request, reply) => {
    if (!github) return reply.page(TITLE, <GithubNotConfiguredPage />);
    const check = checkCallback(request.query, request.session.githubLogin);
    request.session.githubLogin = undefined; // one answer per login started
    if (!check.ok) return problem(reply, CALLBACK_PROBLEMS[check.problem], 400);

    let githubId: number;
    try {
      githubId = await githubUserId(github, redirectUri, check);
    } catch (error) {
      if (!(error instanceof GithubLoginError)) throw error;
      request.log.warn({ err: error.cause ?? error }, error.message);
      return problem(reply, error.message, 502);
    }

    const person = await findPersonByGithubId(app.db, githubId);
    if (!person?.isActive) {
      flash(request, "error", person ? INACTIVE : NOT_LINKED);
      return reply.redirect("/account/login/", 302);
    }
    await request.session.regenerate(); // a new session id at login: no session fixation
    request.session.personId = person.id;
    await recordLogin(app.db, person.id);
    return reply.redirect(safeNextPath(check.next), 302);
  });
}

function problem(reply: FastifyReply, message: string, status: number) {
  return reply.page("GitHub login failed", <GithubProblemPage message={message} />, { status });
}
