import { randomBytes } from "node:crypto";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openPostgres } from "../src/db/client.ts";
import { registerFloorRoutes } from "./floor.ts";
import { allScenarios, pickSubjects, scenarioGroups } from "./scenarios.ts";

// The server under test, in a process of its own so that its memory is measured without the load
// generator's: `amy serve`'s app plus the floor routes. Started by bench/run.ts with the port to use.

const [databaseUrl = "", port = "0"] = process.argv.slice(2);
const secret = () => randomBytes(32).toString("base64url");
const config = loadConfig({
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  PORT: port,
  AMY_SECRET_KEY: secret(),
  AMY_SITE_URL: `http://127.0.0.1:${port}`,
  AMY_REPORTS_SALT_FRONT: secret(),
  AMY_REPORTS_SALT_BACK: secret(),
});
const database = openPostgres(databaseUrl);
const scenarios = allScenarios(scenarioGroups(await pickSubjects(database.db)));
const app = await buildApp({
  config,
  db: database.db,
  logger: false,
  extraRoutes: (instance) => registerFloorRoutes(instance, database.db, scenarios),
});
await app.listen({ host: "127.0.0.1", port: Number(port) });
process.stdout.write("listening\n");
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
