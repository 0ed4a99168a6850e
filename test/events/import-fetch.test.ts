import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type FetchPolicy, fetchPage, WebsiteFetchError } from "../../src/events/import/fetch.ts";
import { html, huge, type LocalSite, redirect, stalled, startLocalSite, text } from "./import-server.ts";

let site: LocalSite;
let policy: FetchPolicy;

before(async () => {
  site = await startLocalSite({
    "/page": html("<p>hello</p>"),
    "/markdown": text("---\nslug: x\n---\n", "text/markdown; charset=utf-8"),
    "/json": text("{}", "application/json"),
    "/image": text("GIF89a", "image/gif"),
    "/no-type": (_request, response) => response.writeHead(200).end("hello"),
    "/to-metadata-service": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": redirect("http://10.0.0.1/"),
    "/to-mapped-loopback": redirect("http://[::ffff:127.0.0.1]/"),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    "/chain-1": redirect("/chain-2", 301),
    "/chain-2": redirect("/chain-3", 307),
    "/chain-3": redirect("/chain-4", 308),
    "/chain-4": redirect("/chain-5", 303),
    "/chain-5": redirect("/page"),
    "/chain-0": redirect("/chain-1"),
    "/huge": huge(3),
    "/huge-announced": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html", "content-length": String(3 * 1024 * 1024) });
      response.write("<html>");
      response.on("error", () => {});
    },
    "/slow": stalled,
    "/missing": html("gone", 404),
  });
  policy = {
    allowedHosts: [site.host, "10.0.0.1"],
    allowLoopback: true,
    timeoutMs: 500,
    maxBytes: 2 * 1024 * 1024,
    maxRedirects: 5,
  };
});
after(() => site.close());

async function refusal(url: string, options: Partial<FetchPolicy> = {}): Promise<WebsiteFetchError> {
  try {
    await fetchPage(
      url,
      { ...policy, ...options },
      AbortSignal.timeout(options.timeoutMs ?? policy.timeoutMs),
    );
  } catch (error) {
    if (error instanceof WebsiteFetchError) return error;
    throw error;
  }
  assert.fail(`${url} was fetched`);
}

describe("fetching allowed pages", () => {
  test("reads an HTML page", async () => {
    const page = await fetchPage(`${site.origin}/page`, policy, AbortSignal.timeout(500));
    assert.deepEqual(page, { url: `${site.origin}/page`, status: 200, body: "<p>hello</p>" });
  });

  test("reads a markdown file", async () => {
    const page = await fetchPage(`${site.origin}/markdown`, policy, AbortSignal.timeout(500));
    assert.equal(page.body, "---\nslug: x\n---\n");
  });

  test("follows up to five redirects of every kind and reports where it ended", async () => {
    const page = await fetchPage(`${site.origin}/chain-1`, policy, AbortSignal.timeout(500));
    assert.equal(page.url, `${site.origin}/page`);
    assert.equal(page.body, "<p>hello</p>");
  });

  test("returns a non-2xx status without reading the body", async () => {
    const page = await fetchPage(`${site.origin}/missing`, policy, AbortSignal.timeout(500));
    assert.deepEqual([page.status, page.body], [404, ""]);
  });
});

describe("refusing hostile or unsuitable addresses", () => {
  test("refuses schemes other than http and https", async () => {
    assert.equal((await refusal("ftp://127.0.0.1/x")).reason, "invalid_url");
    assert.equal((await refusal("file:///etc/passwd")).reason, "invalid_url");
    assert.equal((await refusal("not a url")).reason, "invalid_url");
  });

  test("refuses a host that is not on the allow-list, naming the list", async () => {
    const error = await refusal("http://example.org/");
    assert.equal(error.reason, "host_not_allowed");
    assert.match(error.message, /only from these hosts: 127\.0\.0\.1:\d+, 10\.0\.0\.1/);
  });

  test("refuses the right host on another port", async () => {
    assert.equal((await refusal("http://127.0.0.1:1/page")).reason, "host_not_allowed");
  });

  test("refuses credentials in the address", async () => {
    assert.equal((await refusal(`http://user:secret@${site.host}/page`)).reason, "host_not_allowed");
  });

  test("refuses a loopback address before connecting unless loopback is allowed", async () => {
    const before = site.requests.length;
    const error = await refusal(`${site.origin}/page`, { allowLoopback: false });
    assert.equal(error.reason, "private_address");
    assert.match(error.message, /private or local network address/);
    assert.equal(site.requests.length, before, "no request reached the server");
  });

  test("refuses a host name that resolves to a loopback address", async () => {
    const port = site.host.split(":")[1];
    const error = await refusal(`http://localhost:${port}/page`, {
      allowLoopback: false,
      allowedHosts: [`localhost:${port}`],
    });
    assert.equal(error.reason, "private_address");
  });

  test("refuses a redirect to a private address before following it", async () => {
    assert.equal((await refusal(`${site.origin}/to-private`)).reason, "private_address");
  });

  test("refuses a redirect to a host off the allow-list (cloud metadata service)", async () => {
    assert.equal((await refusal(`${site.origin}/to-metadata-service`)).reason, "host_not_allowed");
  });

  test("refuses a redirect to an IPv4-mapped IPv6 loopback address", async () => {
    const error = await refusal(`${site.origin}/to-mapped-loopback`, {
      allowLoopback: false,
      allowedHosts: [site.host, "[::ffff:7f00:1]"],
    });
    assert.equal(error.reason, "private_address");
  });

  test("stops a redirect loop after five redirects", async () => {
    const error = await refusal(`${site.origin}/loop-a`);
    assert.equal(error.reason, "too_many_redirects");
    assert.match(error.message, /redirected more than 5 times/);
  });

  test("stops a chain of six redirects", async () => {
    assert.equal((await refusal(`${site.origin}/chain-0`)).reason, "too_many_redirects");
  });

  test("stops reading a body larger than 2 MiB", async () => {
    const error = await refusal(`${site.origin}/huge`, { timeoutMs: 5000 });
    assert.equal(error.reason, "too_large");
    assert.match(error.message, /larger than 2 MiB/);
  });

  test("refuses a body announced as larger than 2 MiB without reading it", async () => {
    assert.equal((await refusal(`${site.origin}/huge-announced`)).reason, "too_large");
  });

  test("gives up on a response slower than the time limit", async () => {
    const started = Date.now();
    const error = await refusal(`${site.origin}/slow`, { timeoutMs: 300 });
    assert.equal(error.reason, "timeout");
    assert.match(error.message, /did not answer within 0.3 seconds/);
    assert.ok(Date.now() - started < 2000);
  });

  test("refuses content that is not HTML, markdown or plain text", async () => {
    for (const path of ["/json", "/image", "/no-type"]) {
      assert.equal((await refusal(`${site.origin}${path}`)).reason, "content_type", path);
    }
  });

  test("reports a server that cannot be reached", async () => {
    const closed = await startLocalSite({});
    await closed.close();
    const error = await refusal(`${closed.origin}/`, { allowedHosts: [closed.host] });
    assert.equal(error.reason, "unreachable");
    assert.match(error.message, /Could not reach 127\.0\.0\.1:\d+/);
  });
});
