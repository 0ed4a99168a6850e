import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { TaskInlineForm } from "../../src/events/index.ts";
import { task } from "../../src/events/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeEvent, makePerson, makeTask, PASSWORD } from "../helpers/factories.ts";
import { renderInPage } from "../helpers/render.tsx";
import { roleId, tasksOf, versionsOf } from "./tasks-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const viewerClient = async () => {
  const viewer = await makePerson(t.db, { groups: ["steering committee"] });
  return new Client(t.app).logIn(viewer.username, PASSWORD);
};

async function someTask(role = "helper", options: { slug?: string; family?: string } = {}) {
  const e = await makeEvent(t.db, options.slug ? { slug: options.slug } : {});
  const p = await makePerson(t.db, options.family ? { family: options.family } : {});
  return { event: e, person: p, task: await makeTask(t.db, { eventId: e.id, personId: p.id, role }) };
}

describe("the tasks list", () => {
  test("lists tasks with event, person and role, linking each", async () => {
    const { task: made } = await someTask("helper", { slug: "2026-03-01-listed", family: "Listed" });
    const page = await (await adminClient()).get("/workshops/tasks/?items_per_page=all");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>All Tasks<\/h1>/);
    assert.match(page.body, /href="\/workshops\/event\/2026-03-01-listed\/">2026-03-01-listed</);
    assert.match(page.body, new RegExp(`href="/workshops/task/${made.id}/edit/"`));
  });

  test("filters by event, ignoring an invalid role filter", async () => {
    const { event: e } = await someTask("helper", { family: "Filtered" });
    await someTask("helper", { family: "Elsewhere" });
    const page = await (await adminClient()).get(`/workshops/tasks/?event=${e.id}&role=x`);
    assert.match(page.body, /Filtered/);
    assert.doesNotMatch(page.body, /Elsewhere/);
  });

  test("orders by family name when asked", async () => {
    const { event: e } = await someTask("helper", { family: "Zuse" });
    await makeTask(t.db, { eventId: e.id, personId: (await makePerson(t.db, { family: "Babbage" })).id });
    const page = await (await adminClient()).get(`/workshops/tasks/?event=${e.id}&order_by=person`);
    assert.ok(page.body.indexOf("Babbage") < page.body.indexOf("Zuse"));
  });

  test("shows 25 tasks a page", async () => {
    const e = await makeEvent(t.db);
    for (let i = 0; i < 26; i++)
      await makeTask(t.db, { eventId: e.id, personId: (await makePerson(t.db)).id });
    const page = await (await adminClient()).get(`/workshops/tasks/?event=${e.id}`);
    assert.equal(page.body.match(/href="\/workshops\/task\/\d+\/">View</g)?.length, 25);
  });

  test("disables New task and hides edit links for a read-only admin", async () => {
    await someTask();
    const page = await (await viewerClient()).get("/workshops/tasks/");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<button[^>]*disabled[^>]*>New task<\/button>/);
    assert.doesNotMatch(page.body, /\/workshops\/task\/\d+\/edit\//);
  });
});

describe("a task's page", () => {
  test("shows its event, person and role", async () => {
    const { task: made } = await someTask("learner", { slug: "2026-03-02-shown" });
    const page = await (await adminClient()).get(`/workshops/task/${made.id}/`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2026-03-02-shown/);
    assert.match(page.body, /<dd class="col-sm-9">Learner<\/dd>/);
  });

  test("answers 404 for an unknown or non-numeric id", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/workshops/task/404404/")).statusCode, 404);
    assert.equal((await client.get("/workshops/task/abc/")).statusCode, 404);
  });
});

describe("editing a task", () => {
  test("saves unprefixed fields, records the change and goes to the task, ignoring `next`", async () => {
    const { task: made, event: e, person: p } = await someTask("helper");
    const url = `/workshops/task/${made.id}/edit/`;
    const response = await (await adminClient()).submit(
      url,
      { event: String(e.id), person: String(p.id), role: await roleId(t.db, "host") },
      `${url}?next=/workshops/tasks/`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/workshops/task/${made.id}/`);
    const [row] = await tasksOf(t.db, e.id);
    assert.equal(String(row?.roleId), await roleId(t.db, "host"));
    assert.equal((await versionsOf(t.db, "task", made.id)).length, 1);
  });

  test("refuses to make it a copy of another task of the same event, person and role", async () => {
    const { task: made, event: e, person: p } = await someTask("helper");
    await makeTask(t.db, { eventId: e.id, personId: p.id, role: "host" });
    const response = await (await adminClient()).submit(`/workshops/task/${made.id}/edit/`, {
      event: String(e.id),
      person: String(p.id),
      role: await roleId(t.db, "host"),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Task with this Event, Person and Role already exists\./);
  });

  test("refuses a non-learner role for an open-application trainee", async () => {
    const e = await makeEvent(t.db, { tags: ["TTT"] });
    const p = await makePerson(t.db);
    const made = await makeTask(t.db, { eventId: e.id, personId: p.id, role: "learner" });
    await t.db.update(task).set({ seatOpenTraining: true }).where(eq(task.id, made.id));
    const response = await (await adminClient()).submit(`/workshops/task/${made.id}/edit/`, {
      event: String(e.id),
      person: String(p.id),
      role: await roleId(t.db, "helper"),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_role_errors"[^>]*><div>Only a learner/);
  });

  test("refuses to keep an open-application trainee at an event that takes no open applications", async () => {
    const e = await makeEvent(t.db, { tags: ["TTT"] });
    const p = await makePerson(t.db);
    const made = await makeTask(t.db, { eventId: e.id, personId: p.id, role: "learner" });
    await t.db.update(task).set({ seatOpenTraining: true }).where(eq(task.id, made.id));
    const response = await (await adminClient()).submit(`/workshops/task/${made.id}/edit/`, {
      event: String(e.id),
      person: String(p.id),
      role: await roleId(t.db, "learner"),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /An open-application seat needs an event that takes open applications\./);
  });

  test("answers 403 to an admin without workshops.change_task", async () => {
    const { task: made } = await someTask();
    assert.equal((await (await viewerClient()).get(`/workshops/task/${made.id}/edit/`)).statusCode, 403);
  });
});

describe("deleting a task", () => {
  test("deletes it, records a last version and goes to a safe `next`", async () => {
    const { task: made, event: e } = await someTask();
    const next = `/workshops/event/${e.slug}/edit/`;
    const response = await (await adminClient()).submit(
      `/workshops/task/${made.id}/`,
      {},
      `/workshops/task/${made.id}/delete/?next=${encodeURIComponent(next)}`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, next);
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
    const versions = await versionsOf(t.db, "task", made.id);
    assert.equal(versions.length, 1);
  });

  test("goes to the tasks list when `next` points to another site", async () => {
    const { task: made } = await someTask();
    const response = await (await adminClient()).submit(
      `/workshops/task/${made.id}/`,
      {},
      `/workshops/task/${made.id}/delete/?next=${encodeURIComponent("https://evil.example/")}`,
    );
    assert.equal(response.headers.location, "/workshops/tasks/");
  });

  test("answers 405 to a GET", async () => {
    const { task: made } = await someTask();
    assert.equal((await (await adminClient()).get(`/workshops/task/${made.id}/delete/`)).statusCode, 405);
  });
});

describe("the inline task form", () => {
  test("posts to the add page with the event fixed and the event's tasks as `next`", () => {
    const html = renderInPage(
      TaskInlineForm({
        eventId: 7,
        eventSlug: "2026-03-03-inline",
        roleChoices: [{ value: "2", label: "Helper" }],
      }),
    );
    assert.match(
      html,
      /action="\/workshops\/tasks\/add\/\?next=%2Fworkshops%2Fevent%2F2026-03-03-inline%2F%23tasks"/,
    );
    assert.match(html, /<input type="hidden" name="task-event" value="7"\/>/);
    assert.match(html, /name="task-person"/);
    assert.match(html, /name="task-role"/);
  });
});
