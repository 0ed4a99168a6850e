import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for GitHub's OAuth endpoints on 127.0.0.1: it checks what GitHub checks (client
// credentials, redirect URI, PKCE verifier) and answers the way GitHub answers.

const CLIENT_ID = "test-github-client";
const CLIENT_SECRET = "test-github-secret";

interface Grant {
  user: { id: number; login: string };
  redirectUri: string;
  challenge: string;
}

export interface FakeGithub {
  /** The AMY_GITHUB_* settings that point AMY here. */
  config: Record<string, string>;
  /** The GitHub user who approves the next login (`deny` refuses it instead). */
  nextUser: { id: number; login: string } | "deny";
  /** Make the token or user endpoint fail with this status. */
  failToken?: number;
  failUser?: number;
  /** GitHub's public users, by login, for the user lookup (GET /users/<login>). */
  users: Map<string, number>;
  tokenRequests: number;
  close(): Promise<void>;
}

export async function startFakeGithub(): Promise<FakeGithub> {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, { id: number; login: string }>();
  const fake: FakeGithub = {
    config: {},
    nextUser: { id: 1, login: "octocat" },
    users: new Map(),
    tokenRequests: 0,
    close: async () => {},
  };

  const handlers: Record<
    string,
    (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>
  > = {
    "GET /login/oauth/authorize": async (_request, response, url) => {
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const back = new URL(redirectUri);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      if (url.searchParams.get("client_id") !== CLIENT_ID || fake.nextUser === "deny") {
        back.searchParams.set("error", "access_denied");
      } else {
        const code = randomBytes(10).toString("hex");
        grants.set(code, {
          user: fake.nextUser,
          redirectUri,
          challenge: url.searchParams.get("code_challenge") ?? "",
        });
        back.searchParams.set("code", code);
      }
      response.writeHead(302, { location: back.href }).end();
    },
    "POST /login/oauth/access_token": async (request, response) => {
      fake.tokenRequests++;
      if (fake.failToken) return json(response, fake.failToken, { message: "Server error" });
      const form = new URLSearchParams(await readBody(request));
      const expectedAuth = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;
      const code = form.get("code") ?? "";
      const grant = grants.get(code);
      grants.delete(code);
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (request.headers.authorization !== expectedAuth)
        return json(response, 401, { error: "invalid_client" });
      if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get("redirect_uri")) {
        return json(response, 200, { error: "bad_verification_code" }); // GitHub's way
      }
      const accessToken = randomBytes(10).toString("hex");
      tokens.set(accessToken, grant.user);
      json(response, 200, { access_token: accessToken, token_type: "bearer", scope: "" });
    },
    "GET /user": async (request, response) => {
      if (fake.failUser) return json(response, fake.failUser, { message: "Server error" });
      const user = tokens.get((request.headers.authorization ?? "").replace(/^Bearer /, ""));
      if (!user) return json(response, 401, { message: "Bad credentials" });
      json(response, 200, { ...user, type: "User" });
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname.startsWith("/users/")) return publicUser(response, url);
    const handler = handlers[`${request.method} ${url.pathname}`];
    if (!handler) return json(response, 404, { message: "Not Found" });
    handler(request, response, url).catch(() => json(response, 500, { message: "fake failed" }));
  });
  function publicUser(response: ServerResponse, url: URL): void {
    const login = decodeURIComponent(url.pathname.slice("/users/".length));
    const id = fake.users.get(login.toLowerCase());
    if (fake.failUser) json(response, fake.failUser, { message: "Server error" });
    else if (id === undefined) json(response, 404, { message: "Not Found" });
    else json(response, 200, { id, login, type: "User" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.config = {
    AMY_GITHUB_CLIENT_ID: CLIENT_ID,
    AMY_GITHUB_CLIENT_SECRET: CLIENT_SECRET,
    AMY_GITHUB_AUTHORIZE_URL: `${base}/login/oauth/authorize`,
    AMY_GITHUB_TOKEN_URL: `${base}/login/oauth/access_token`,
    AMY_GITHUB_API_URL: base,
  };
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

function json(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
