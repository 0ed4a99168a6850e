import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import type { Db } from "../../src/db/client.ts";
import { testDatabase } from "./database.ts";

process.env.NODE_ENV = "test";

export async function testConfig(overrides: Record<string, string> = {}): Promise<Config> {
  const dataDir = await mkdtemp(join(process.env.AMY_TEST_WORK_DIR ?? tmpdir(), "data-"));
  return loadConfig({
    NODE_ENV: "test",
    AMY_SECRET_KEY: "test-secret-key-that-is-long-enough-for-amy",
    AMY_DATA_DIR: dataDir,
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

/** A whole application on a database of its own. */
export async function startTestApp(configOverrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const app = await buildApp({ config: await testConfig(configOverrides), db: database.db, logger: false });
  return {
    app,
    db: database.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

const CSRF_PATTERN = /name="csrfmiddlewaretoken" value="([^"]+)"/;

export function csrfTokenIn(html: string): string {
  const match = CSRF_PATTERN.exec(html);
  if (!match?.[1]) throw new Error("no CSRF token on the page");
  return match[1];
}

/** A visitor with a cookie jar, talking to the app through `inject`. */
export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = "127.0.0.1",
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      remoteAddress: this.remoteAddress,
      ...options,
      headers: { ...this.headers, ...(options.headers ?? {}) },
      cookies: { ...Object.fromEntries(this.cookies), ...(options.cookies ?? {}) },
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: "GET", url });
  }

  /** Posts a form the way a browser does: with the CSRF token of the page it came from. */
  async submit(
    pageUrl: string,
    fields: Record<string, string>,
    actionUrl = pageUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    return this.post(actionUrl, { csrfmiddlewaretoken: csrfTokenIn(page.body), ...fields });
  }

  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request({
      method: "POST",
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async logIn(username: string, password: string): Promise<this> {
    const response = await this.submit("/account/login/", { username, password });
    if (response.statusCode !== 302) throw new Error(`login as ${username} failed (${response.statusCode})`);
    return this;
  }
}
