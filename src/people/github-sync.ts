import { z } from "zod";
import { socialAuth } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { deleteSocialLogins, type PersonRow } from "./queries.ts";
import { GITHUB_PATTERN } from "./rules.ts";

const TIMEOUT_MS = 10_000;

export class GithubApiError extends Error {}

/** Looks up GitHub's numeric user id of a username; undefined when GitHub has no such user. */
export type GithubUserLookup = (username: string) => Promise<number | undefined>;

const publicUser = z.object({ id: z.number().int().positive() });

export function githubUserLookup(apiUrl: string): GithubUserLookup {
  return async (username) => {
    const response = await fetch(`${apiUrl.replace(/\/+$/, "")}/users/${encodeURIComponent(username)}`, {
      headers: { accept: "application/vnd.github+json", "user-agent": "AMY" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new GithubApiError("GitHub could not be reached.", { cause: error });
    });
    if (response.status === 404) return undefined;
    const user = publicUser.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !user.success)
      throw new GithubApiError(`GitHub answered with HTTP status ${response.status}.`);
    return user.data.id;
  };
}

export type SyncOutcome = "linked" | "not-possible";

/**
 * Lets the person log in with the GitHub account of their `github` username: replaces their GitHub
 * login links with one for the id GitHub gives. Only active people with a valid username qualify.
 */
export async function syncGithubLogin(
  tx: Executor,
  target: PersonRow,
  lookup: GithubUserLookup,
): Promise<SyncOutcome> {
  if (!target.github || !target.isActive || !GITHUB_PATTERN.test(target.github)) return "not-possible";
  const uid = await lookup(target.github);
  if (uid === undefined) return "not-possible";
  await deleteSocialLogins(tx, target.id);
  await tx.insert(socialAuth).values({ provider: "github", uid: String(uid), userId: target.id });
  return "linked";
}
