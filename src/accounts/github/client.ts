import {
  CodeChallengeMethod,
  generateCodeVerifier,
  generateState,
  OAuth2Client,
  OAuth2RequestError,
  type OAuth2Tokens,
  UnexpectedResponseError,
} from "arctic";
import { z } from "zod";
import type { GithubConfig } from "../../config.ts";

// GitHub's OAuth 2.0 web flow through arctic's generic client, so the endpoints come from the
// configuration (and tests point them at a fake provider on 127.0.0.1).

const TIMEOUT_MS = 10_000;

/** GitHub refused, failed or could not be reached; the message is safe to show. */
export class GithubLoginError extends Error {}

export interface GithubAuthorization {
  url: URL;
  state: string;
  codeVerifier: string;
}

/** Where to send the browser, with a fresh state and PKCE verifier to keep until it comes back. */
export function startAuthorization(config: GithubConfig, redirectUri: string): GithubAuthorization {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  const url = client.createAuthorizationURLWithPKCE(
    config.authorizeUrl,
    state,
    CodeChallengeMethod.S256,
    codeVerifier,
    [],
  );
  return { url, state, codeVerifier };
}

/** Trades the code for a token, then asks GitHub whose it is: the numeric GitHub user id. */
export async function githubUserId(
  config: GithubConfig,
  redirectUri: string,
  grant: { code: string; codeVerifier: string },
): Promise<number> {
  const accessToken = await exchangeCode(config, redirectUri, grant);
  return fetchUserId(config, accessToken);
}

async function exchangeCode(
  config: GithubConfig,
  redirectUri: string,
  grant: { code: string; codeVerifier: string },
): Promise<string> {
  const client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  let tokens: OAuth2Tokens;
  try {
    tokens = await withTimeout(
      client.validateAuthorizationCode(config.tokenUrl, grant.code, grant.codeVerifier),
    );
  } catch (error) {
    throw new GithubLoginError(tokenFailure(error), { cause: error });
  }
  // GitHub reports a bad code with status 200 and an "error" field instead of a token.
  const data = tokens.data as { access_token?: unknown; error?: unknown };
  if (typeof data.access_token === "string" && data.access_token) return data.access_token;
  throw new GithubLoginError(refusal(typeof data.error === "string" ? data.error : "no access token"));
}

const githubUser = z.object({ id: z.number().int().positive() });

async function fetchUserId(config: GithubConfig, accessToken: string): Promise<number> {
  const response = await fetch(`${config.apiUrl.replace(/\/+$/, "")}/user`, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: "application/vnd.github+json",
      "user-agent": "AMY",
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new GithubLoginError("GitHub could not be reached.", { cause: error });
  });
  const user = githubUser.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !user.success) {
    throw new GithubLoginError(`GitHub did not tell AMY who you are (HTTP status ${response.status}).`);
  }
  return user.data.id;
}

function tokenFailure(error: unknown): string {
  if (error instanceof OAuth2RequestError) return refusal(error.code);
  if (error instanceof UnexpectedResponseError) return `GitHub answered with HTTP status ${error.status}.`;
  return "GitHub could not be reached.";
}

function refusal(code: string): string {
  return `GitHub did not accept the login (${code.slice(0, 100)}).`;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      setTimeout(() => reject(new Error("no answer in time")), TIMEOUT_MS).unref();
    }),
  ]);
}
