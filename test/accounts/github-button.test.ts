import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { type FakeGithub, startFakeGithub } from "../helpers/fake-github.ts";

let github: FakeGithub;
let t: TestApp;
before(async () => {
  github = await startFakeGithub();
  t = await startTestApp(github.config);
});
after(async () => {
  await t.close();
  await github.close();
});

test("the login page offers the GitHub button, passing next on", async () => {
  const page = await new Client(t.app).get("/account/login/?next=/dashboard/instructor/");
  assert.match(
    page.body,
    /href="\/login\/github\/\?next=%2Fdashboard%2Finstructor%2F"[^>]*>\s*Log in with GitHub/,
  );
});
