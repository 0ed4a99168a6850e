import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WebsiteImportConfig } from "../../config.ts";
import { isAllowedHost, isLoopbackAddress, isNonPublicAddress } from "./addresses.ts";

// The server-side fetch of workshop websites. Anyone allowed to import can make the server fetch a
// URL, so it only goes to allow-listed hosts, only to public addresses (checked before connecting,
// and the connection pinned to the checked address so a second DNS answer cannot swap it), and
// every redirect is checked again.

export type FetchFailure =
  | "invalid_url"
  | "host_not_allowed"
  | "private_address"
  | "unreachable"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "content_type"
  | "bad_status"
  | "not_workshop";

export class WebsiteFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchPolicy {
  allowedHosts: readonly string[];
  allowLoopback: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export function fetchPolicy(config: WebsiteImportConfig): FetchPolicy {
  return { ...config, timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };
}

export interface FetchedPage {
  /** Where the answer finally came from, after redirects. */
  url: string;
  status: number;
  /** Only for 2xx answers. */
  body: string;
}

const TEXT_TYPES = new Set(["text/html", "text/plain", "text/markdown"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GETs a web page or text file; `signal` is the deadline of the whole operation. */
export async function fetchPage(
  address: string,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<FetchedPage> {
  let url = checkedUrl(address, policy);
  for (let redirects = 0; ; redirects++) {
    const pinned = await resolvePublicAddress(url, policy, signal);
    const answer = await get(url, pinned, policy, signal);
    if (!answer.location) return { url: url.href, status: answer.status, body: answer.body };
    if (redirects >= policy.maxRedirects) {
      throw new WebsiteFetchError(
        "too_many_redirects",
        `The website at ${address} redirected more than ${policy.maxRedirects} times.`,
      );
    }
    url = checkedUrl(new URL(answer.location, url).href, policy);
  }
}

function checkedUrl(address: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new WebsiteFetchError("invalid_url", `"${address}" is not a web address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WebsiteFetchError("invalid_url", `"${address}" is not an http:// or https:// address.`);
  }
  if (url.username || url.password || !isAllowedHost(url, policy.allowedHosts)) {
    throw new WebsiteFetchError(
      "host_not_allowed",
      `AMY fetches workshop websites only from these hosts: ${policy.allowedHosts.join(", ")}. ` +
        `"${url.host}" is not one of them.`,
    );
  }
  return url;
}

interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address the name resolves to must be public; the connection then goes to the first. */
async function resolvePublicAddress(
  url: URL,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<PinnedAddress> {
  const hostname = bareHostname(url);
  let answers: { address: string; family: number }[];
  try {
    answers = await untilAborted(lookup(hostname, { all: true, verbatim: true }), signal, () =>
      timeoutError(url, policy),
    );
  } catch (error) {
    if (error instanceof WebsiteFetchError) throw error;
    throw new WebsiteFetchError(
      "unreachable",
      `Could not reach ${url.host}: the host name does not resolve.`,
    );
  }
  const refused = answers.find(
    ({ address }) => isNonPublicAddress(address) && !(policy.allowLoopback && isLoopbackAddress(address)),
  );
  if (refused || answers.length === 0) {
    throw new WebsiteFetchError(
      "private_address",
      `${url.host} points to a private or local network address; AMY does not fetch from there.`,
    );
  }
  const first = answers[0] as { address: string; family: number };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

function get(url: URL, pinned: PinnedAddress, policy: FetchPolicy, signal: AbortSignal): Promise<Answer> {
  const pinnedLookup = ((_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const request = client.get(url, {
      agent: false,
      lookup: pinnedLookup,
      headers: {
        accept: "text/html, text/markdown, text/plain",
        "user-agent": "AMY workshop website import",
      },
    });
    const fail = (error: WebsiteFetchError) => {
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(timeoutError(url, policy));
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    request.on("error", () => fail(new WebsiteFetchError("unreachable", `Could not reach ${url.host}.`)));
    request.on("response", (response) => {
      readAnswer(url, response, policy).then(resolve, fail);
    });
    request.on("close", () => signal.removeEventListener("abort", onAbort));
  });
}

async function readAnswer(url: URL, response: IncomingMessage, policy: FetchPolicy): Promise<Answer> {
  const status = response.statusCode ?? 0;
  const location = REDIRECTS.has(status) ? response.headers.location : undefined;
  if (location || status < 200 || status > 299) {
    response.destroy();
    return { status, location, body: "" };
  }
  const contentType = response.headers["content-type"] ?? "";
  if (!TEXT_TYPES.has(contentType.split(";")[0]?.trim().toLowerCase() ?? "")) {
    response.destroy();
    throw new WebsiteFetchError(
      "content_type",
      `${url.href} is not a web page or a text file (its content type is "${contentType || "unknown"}").`,
    );
  }
  if (Number(response.headers["content-length"] ?? 0) > policy.maxBytes) {
    response.destroy();
    throw tooLargeError(url, policy);
  }
  return { status, location: undefined, body: await readBody(url, response, policy) };
}

function readBody(url: URL, response: IncomingMessage, policy: FetchPolicy): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= policy.maxBytes) return chunks.push(chunk);
      response.destroy();
      reject(tooLargeError(url, policy));
    });
    response.on("end", () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
    response.on("error", () =>
      reject(new WebsiteFetchError("unreachable", `The connection to ${url.host} broke off.`)),
    );
  });
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(onTimeout());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function timeoutError(url: URL, policy: FetchPolicy): WebsiteFetchError {
  const seconds = policy.timeoutMs / 1000;
  return new WebsiteFetchError(
    "timeout",
    `The website at ${url.host} did not answer within ${seconds} seconds.`,
  );
}

function tooLargeError(url: URL, policy: FetchPolicy): WebsiteFetchError {
  const mebibytes = policy.maxBytes / (1024 * 1024);
  return new WebsiteFetchError("too_large", `The page at ${url.href} is larger than ${mebibytes} MiB.`);
}
