import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { TestContext } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { startTestApp, type TestApp } from "./app.ts";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.AMY_CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Whether browser tests can run. Without chromium they are skipped with the install command, unless
 * AMY_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.
 */
export function browserAvailable(t: TestContext): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `chromium not found at ${CHROMIUM}; install it with: sudo apt-get install -y chromium`;
  if (process.env.AMY_REQUIRE_BROWSER === "1") throw new Error(message);
  t.skip(message);
  return false;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * A real server on a free port with a test database, and a headless chromium page. Every page
 * reached through `visit`, `submit` or `click` is checked with axe-core (WCAG 2.1 A and AA); a
 * violation fails the test.
 */
export class BrowserSession {
  readonly audited: string[] = [];

  private constructor(
    readonly testApp: TestApp,
    readonly baseUrl: string,
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async start(configOverrides: Record<string, string> = {}): Promise<BrowserSession> {
    const testApp = await startTestApp(configOverrides);
    await testApp.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = testApp.app.server.address() as AddressInfo;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    // axe is injected as an inline script, which the site's CSP (rightly) forbids.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    return new BrowserSession(testApp, `http://127.0.0.1:${port}`, browser, page);
  }

  get db() {
    return this.testApp.db;
  }

  async visit(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.audit();
  }

  /** Clicks something that loads a new page (a link or a submit button) and audits that page. */
  async click(selector: string): Promise<void> {
    await Promise.all([this.page.waitForEvent("load"), this.page.click(selector)]);
    await this.audit();
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields))
      await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async audit(): Promise<void> {
    await this.page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await this.page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    }, WCAG_TAGS);
    this.audited.push(new URL(this.page.url()).pathname);
    if (violations.length > 0) {
      const details = violations
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)
        .join("\n  ");
      throw new Error(`Accessibility violations on ${this.page.url()}:\n  ${details}`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.testApp.close();
  }
}
