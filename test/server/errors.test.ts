import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { access } from "../../src/server/access.ts";
import { ForbiddenError, publicError } from "../../src/server/errors.ts";
import { registerPlatform } from "../../src/server/platform.tsx";
import { testConfig } from "../helpers/app.ts";
import { testDatabase } from "../helpers/database.ts";

// A bare platform with routes that fail on purpose, to see what users get when something breaks.
let app: FastifyInstance;
let closeDatabase: () => Promise<void>;

before(async () => {
  const database = await testDatabase();
  closeDatabase = () => database.close();
  app = Fastify({ logger: false });
  await registerPlatform(app, await testConfig(), database.db);
  app.get("/broken/", { config: { access: access.public } }, async () => {
    throw new Error("secret internal detail at /srv/amy/db.ts:42");
  });
  app.get("/api/v1/broken/", { config: { access: access.public } }, async () => {
    throw new Error("secret internal detail");
  });
  app.get("/refused/", { config: { access: access.public } }, async () => {
    throw new ForbiddenError("Only the owner may see this.");
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await closeDatabase();
});

test("an unexpected error shows the 500 page without internals", async () => {
  const response = await app.inject({ url: "/broken/" });
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /Server error/);
  assert.match(response.body, /Something went wrong on our side/);
  assert.doesNotMatch(response.body, /secret internal detail|db\.ts|\/srv\/amy/);
});

test("an unexpected error on the API is JSON without internals", async () => {
  const response = await app.inject({ url: "/api/v1/broken/" });
  assert.equal(response.statusCode, 500);
  assert.equal(response.json().code, "server_error");
  assert.doesNotMatch(response.body, /secret internal detail/);
});

test("a named error shows its own status and message", async () => {
  const response = await app.inject({ url: "/refused/" });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /Only the owner may see this\./);
});

test("framework errors are mapped to safe messages", () => {
  assert.equal(
    publicError({ statusCode: 400, code: "FST_ERR_CTP_INVALID_JSON_BODY", message: "x" }).message,
    "The request body is not valid JSON.",
  );
  assert.equal(publicError({ code: "FST_CSRF_INVALID_TOKEN", statusCode: 403 }).statusCode, 403);
  assert.equal(publicError(new Error("boom")).statusCode, 500);
  assert.equal(publicError(undefined).statusCode, 500);
});
