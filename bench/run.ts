import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import autocannon from "autocannon";
import { bundle } from "../bin/bundle.js";
import {
  countPersons,
  createSuperuser,
  findPersonByUsername,
  hashPassword,
  updatePassword,
} from "../src/accounts/index.ts";
import { type Database, openPostgres } from "../src/db/client.ts";
import { FLOOR_PREFIX } from "./floor.ts";
import { type Measurement, printReport, type Row, writeResults } from "./report.ts";
import { allScenarios, pickSubjects, scenarioGroups } from "./scenarios.ts";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/amy_bench";
const LARGE_SET_PERSONS = 50_000;
const CONNECTIONS = 8;
const WARM_UP_SECONDS = 2;
const ADMIN = {
  username: "bench_admin",
  email: "bench_admin@example.org",
  password: "bench-Admin-7qX!wz-Pr4",
};

const databaseUrl = process.env.BENCH_DATABASE_URL || DEFAULT_URL;
const seconds = Number(process.env.BENCH_SECONDS) || 10;
/** Comma-separated scenario names: measure only these. */
const onlyPages = process.env.BENCH_PAGES?.split(",").filter(Boolean);
/** A directory: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const profileDir = process.env.BENCH_CPU_PROF;

function howToCreate(reason: string): string {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  return [
    `${reason}`,
    "Create the data set once, then run `npm run bench` again:",
    "",
    `  createdb -h ${url.hostname} -p ${url.port || 5432} -U ${url.username || "postgres"} ${name}`,
    `  DATABASE_URL=${databaseUrl} npx amy migrate`,
    `  DATABASE_URL=${databaseUrl} npx amy seed-demo --scale large`,
    "",
    "(BENCH_ALLOW_SMALL=1 accepts a smaller data set.)",
    "(BENCH_DATABASE_URL chooses another database.)",
  ].join("\n");
}

/** Exits with instructions unless the database holds the large data set (BENCH_ALLOW_SMALL=1 skips this). */
async function checkDataSet(database: Database) {
  let persons: number;
  try {
    persons = await countPersons(database.db);
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    console.error(howToCreate(`Cannot read ${databaseUrl}: ${cause?.message ?? message}`));
    process.exit(1);
  }
  if (persons < LARGE_SET_PERSONS && process.env.BENCH_ALLOW_SMALL !== "1") {
    console.error(howToCreate(`${databaseUrl} holds ${persons} persons: not the large data set.`));
    process.exit(1);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts bench/server.ts, bundled as bin/amy.js bundles the app, in a child process; waits until it listens. */
async function startServer(port: number): Promise<ChildProcess> {
  const script = await bundle("bench/server.ts", "bench-server");
  // The same memory settings as bin/amy.js, so the benchmark measures the server as `amy serve` runs it.
  const profiling = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(
    process.execPath,
    [
      "--max-semi-space-size=8",
      "--heap-growing-percent=100",
      ...profiling,
      script,
      databaseUrl,
      String(port),
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, MALLOC_ARENA_MAX: "2" } },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The server stopped (exit code ${code}).`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
  });
  return child;
}

/** The server's resident memory now and at its peak, in MB (Linux: /proc/<pid>/status). */
async function serverMemory(pid: number): Promise<{ nowMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { nowMb: kilobytes("VmRSS") / 1024, peakMb: kilobytes("VmHWM") / 1024 };
}

/** Stops the server and waits for it to exit (it writes its CPU profile on the way out). */
async function stopServer(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

async function ensureAdmin(database: Database) {
  const existing = await findPersonByUsername(database.db, ADMIN.username);
  if (existing) {
    await updatePassword(database.db, existing.id, await hashPassword(ADMIN.password));
    if (!existing.isSuperuser || !existing.isActive)
      throw new Error(`${ADMIN.username} exists but is not an active superuser.`);
    return;
  }
  await createSuperuser(database.db, { ...ADMIN, personal: "Bench", family: "Admin" });
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Logs in as a browser does: the form's CSRF token and cookie, then the POST with an Origin header. */
async function logIn(origin: string): Promise<string> {
  const jar = new Map<string, string>();
  const form = await fetch(`${origin}/account/login/`);
  const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error("The login page has no CSRF token.");
  const response = await fetch(`${origin}/account/login/`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: cookiesOf(form, jar) },
    body: new URLSearchParams({
      username: ADMIN.username,
      password: ADMIN.password,
      csrfmiddlewaretoken: token,
    }),
  });
  if (response.status !== 302 && response.status !== 303) {
    throw new Error(`Logging in answered ${response.status}, not a redirect.`);
  }
  return cookiesOf(response, jar);
}

async function load(url: string, duration: number, headers: Record<string, string>): Promise<Measurement> {
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    times.push(time);
    if (status < 200 || status >= 300) failures++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requestsPerSecond: times.length / duration,
    failures: failures + result.errors + result.timeouts,
  };
}

async function measure(url: string, headers: Record<string, string>): Promise<Measurement> {
  await load(url, WARM_UP_SECONDS, headers);
  return load(url, seconds, headers);
}

async function main() {
  const database = openPostgres(databaseUrl);
  if (database.kind !== "postgres") throw new Error("The benchmark runs on PostgreSQL.");
  await checkDataSet(database);
  const scenarios = allScenarios(scenarioGroups(await pickSubjects(database.db))).filter(
    (scenario) => !onlyPages || onlyPages.includes(scenario.name),
  );
  const port = await freePort();
  await ensureAdmin(database);
  const server = await startServer(port);
  const pid = server.pid ?? 0;
  const origin = `http://127.0.0.1:${port}`;
  const cookie = await logIn(origin);
  const startRssMb = (await serverMemory(pid)).nowMb;
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`${scenario.name}… `);
    const measured = await measure(`${origin}${scenario.path}`, { cookie });
    const floor = await measure(`${origin}${FLOOR_PREFIX}${scenario.name}`, {});
    const { peakMb } = await serverMemory(pid);
    console.log(`p95 ${measured.p95.toFixed(1)} ms, server's peak RSS so far ${peakMb.toFixed(0)} MB`);
    rows.push({ page: scenario.name, path: scenario.path, targetMs: scenario.targetMs, measured, floor });
  }
  const peakRssMb = (await serverMemory(pid)).peakMb;
  const version = await database.pool.query<{ version: string }>("select version() as version");
  const report = {
    rows,
    peakRssMb,
    startRssMb,
    postgresVersion: version.rows[0]?.version ?? "unknown",
    seconds,
    connections: CONNECTIONS,
  };
  printReport(report);
  await writeResults(new URL("results.json", import.meta.url).pathname, report);
  await stopServer(server);
  await database.close();
}

await main();
