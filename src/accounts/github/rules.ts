/** What the session keeps between sending the browser to GitHub and its return. */
export interface PendingGithubLogin {
  state: string;
  codeVerifier: string;
  next?: string | undefined;
}

export type CallbackProblem = "not-started" | "wrong-state" | "denied" | "no-code";
export type CallbackCheck =
  | { ok: true; code: string; codeVerifier: string; next: string | undefined }
  | { ok: false; problem: CallbackProblem };

/**
 * Checks GitHub's redirect back before anything is sent to GitHub: it must answer the login this
 * browser started (same state), and carry a code rather than an error.
 */
export function checkCallback(
  query: Record<string, unknown>,
  pending: PendingGithubLogin | undefined,
): CallbackCheck {
  if (!pending) return { ok: false, problem: "not-started" };
  if (firstString(query.state) !== pending.state) return { ok: false, problem: "wrong-state" };
  if (firstString(query.error) !== undefined) return { ok: false, problem: "denied" };
  const code = firstString(query.code);
  if (!code || code.length > 1000) return { ok: false, problem: "no-code" };
  return { ok: true, code, codeVerifier: pending.codeVerifier, next: pending.next };
}

export const CALLBACK_PROBLEMS: Record<CallbackProblem, string> = {
  "not-started":
    "This GitHub login was not started in this browser, or it took too long. Please start again from the login page.",
  "wrong-state":
    "This answer from GitHub does not belong to the login started in this browser, so it was ignored. Please start again from the login page.",
  denied: "GitHub did not confirm who you are: the request was cancelled or refused.",
  "no-code": "GitHub's answer was incomplete. Please start again from the login page.",
};

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
