import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import {
  AccountError,
  countPersons,
  createSuperuser,
  findPersonByUsername,
  hashPassword,
  passwordProblems,
  updatePassword,
} from "./accounts/index.ts";
import { buildApp } from "./app.ts";
import { readSecret } from "./cli-prompt.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { hasPendingMigrations, migrate } from "./db/migrate.ts";
import { runSeeders } from "./db/seed.ts";
import { LargeSeedRefused, seedLarge } from "./demo/large.ts";
import { demoSeeders, referenceSeeders } from "./modules.ts";
import { serve } from "./server/server.ts";

const USAGE = `Usage: npx amy <command> [options]

Commands:
  start             migrate, load reference data, create the first admin and demo data on an empty
                    database, then serve (what "npm start" runs)
  serve             serve the application (production: run "migrate" first)
  migrate           apply database migrations and load reference data
  createsuperuser   --username U --email E [--password P] [--personal NAME] [--family NAME]
                    (the password may also come from AMY_PASSWORD, or is asked for)
  changepassword    USERNAME [--password P] (or AMY_PASSWORD, or asked for)
  seed-demo         load the demo data set (safe to run again)
  seed-demo --scale large
                    load the large benchmark data set (100,000 persons) into a fresh database
`;

type Command = (config: Config, database: Database, args: string[]) => Promise<void>;
/** These keep running, and own the database from then on. */
const SERVING_COMMANDS = new Set(["start", "serve"]);
/** These migrate the database themselves; the others need it migrated. */
const MIGRATING_COMMANDS = new Set(["start", "migrate", "seed-demo"]);

const commands: Record<string, Command> = {
  async start(config, database) {
    await prepareDatabase(database);
    if ((await countPersons(database.db)) === 0) await createFirstAdmin(database);
    await serveApp(config, database);
  },
  async serve(config, database) {
    await serveApp(config, database);
  },
  async migrate(_config, database) {
    await prepareDatabase(database);
    console.log("Database migrated and reference data loaded.");
  },
  async createsuperuser(_config, database, args) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        personal: { type: "string" },
        family: { type: "string" },
      },
    });
    if (!values.username || !values.email)
      throw new UsageError("createsuperuser needs --username and --email.");
    const password = values.password ?? process.env.AMY_PASSWORD ?? (await readSecret("Password: "));
    const person = await createSuperuser(database.db, {
      username: values.username,
      email: values.email,
      password,
      personal: values.personal ?? values.username,
      family: values.family ?? "",
    });
    console.log(`Superuser "${person.username}" created.`);
  },
  async changepassword(_config, database, args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { password: { type: "string" } },
    });
    const username = positionals[0];
    if (!username) throw new UsageError("changepassword needs a username.");
    const person = await findPersonByUsername(database.db, username);
    if (!person) throw new AccountError(`There is no person with the username "${username}".`);
    const password = values.password ?? process.env.AMY_PASSWORD ?? (await readSecret("New password: "));
    const problems = passwordProblems(password, person);
    if (problems.length > 0) throw new AccountError(`The password is not acceptable: ${problems.join(" ")}`);
    await updatePassword(database.db, person.id, await hashPassword(password));
    console.log(`Password of "${username}" changed.`);
  },
  async "seed-demo"(_config, database, args) {
    const { values } = parseArgs({ args, options: { scale: { type: "string" } } });
    if (values.scale !== undefined && values.scale !== "large")
      throw new UsageError(`Unknown scale "${values.scale}": the only scale is "large".`);
    await prepareDatabase(database);
    if (values.scale === "large") return seedLargeWithProgress(database);
    await runSeeders(database.db, demoSeeders);
    console.log("Demo data loaded.");
  },
};

class UsageError extends Error {}
class SetupError extends Error {}

/** The embedded database belongs to this process and is simply brought up to date; a server's is not. */
async function ensureMigrated(database: Database) {
  if (database.kind === "pglite") return prepareDatabase(database);
  if (await hasPendingMigrations(database)) {
    throw new SetupError("The database at DATABASE_URL is not up to date: run `npx amy migrate` first.");
  }
}

async function prepareDatabase(database: Database) {
  await migrate(database);
  await runSeeders(database.db, referenceSeeders);
}

async function seedLargeWithProgress(database: Database) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  await seedLarge(database.db, undefined, {
    progress: (table, rows, total) =>
      console.log(`${table}: ${rows.toLocaleString("en")}/${total.toLocaleString("en")} rows (${elapsed()})`),
  });
  // Fresh planner statistics and visibility maps: without them PostgreSQL plans for empty tables.
  console.log(`Updating the planner's statistics (vacuum analyze)… (${elapsed()})`);
  await database.db.execute(sql`vacuum analyze`);
  console.log(`Large demo data loaded in ${elapsed()}.`);
}

async function createFirstAdmin(database: Database) {
  const password = randomBytes(12).toString("base64url");
  await createSuperuser(database.db, {
    username: "admin",
    email: "admin@example.org",
    personal: "Admin",
    family: "",
    password,
  });
  await runSeeders(database.db, demoSeeders);
  console.log(
    [
      "",
      "  A new database was set up with demo data and an administrator account.",
      "  Log in with these credentials (shown only this once):",
      "",
      "    username: admin",
      `    password: ${password}`,
      "",
      "  Change the password after logging in, or with: npx amy changepassword admin",
      "",
    ].join("\n"),
  );
}

async function serveApp(config: Config, database: Database) {
  const app = await buildApp({ config, db: database.db });
  await serve(app, config.host, config.port, () => database.close());
}

/** Runs a command; resolves to an exit code, or to undefined while a server keeps running. */
async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const asked = !name || name === "help" || name === "--help";
    console.error(asked ? USAGE : `Unknown command "${name}".\n\n${USAGE}`);
    return asked ? 0 : 2;
  }
  let database: Database | undefined;
  try {
    const config = loadConfig();
    database = await openDatabase(config);
    if (!MIGRATING_COMMANDS.has(name as string)) await ensureMigrated(database);
    await command(config, database, args);
    if (SERVING_COMMANDS.has(name as string)) return undefined;
    await database.close();
    return 0;
  } catch (error) {
    await database?.close();
    if (
      error instanceof ConfigError ||
      error instanceof AccountError ||
      error instanceof DataDirLockedError ||
      error instanceof LargeSeedRefused
    ) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

const exitCode = await main(process.argv.slice(2));
if (exitCode !== undefined) process.exit(exitCode);
