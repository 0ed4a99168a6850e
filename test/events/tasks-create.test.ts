import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { attendanceColumns } from "../../src/events/queries.ts";
import { event } from "../../src/events/schema.ts";
import { role } from "../../src/reference/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeCommunityRoleConfig,
  makeCommunityRoleOf,
  makeEvent,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { roleId, tasksOf, versionsOf } from "./tasks-helpers.ts";

const ADD = "/workshops/tasks/add/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let configs: Record<"instructor" | "trainer", number>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  configs = {
    instructor: (await makeCommunityRoleConfig(t.db, { name: "instructor" })).id,
    trainer: (await makeCommunityRoleConfig(t.db, { name: "trainer" })).id,
  };
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

async function fields(options: { eventId: number; personId: number; role: string }) {
  return {
    "task-event": String(options.eventId),
    "task-person": String(options.personId),
    "task-role": await roleId(t.db, options.role),
  };
}

describe("adding a task", () => {
  test("saves it and goes to its page with a message naming the task", async () => {
    const [e, p] = [
      await makeEvent(t.db, { slug: "2026-02-01-add" }),
      await makePerson(t.db, { personal: "Ada", family: "Lovelace", email: "ada@example.org" }),
    ];
    const client = await adminClient();
    const response = await client.submit(
      ADD,
      await fields({ eventId: e.id, personId: p.id, role: "helper" }),
    );
    assert.equal(response.statusCode, 303);
    const [saved] = await tasksOf(t.db, e.id);
    assert.ok(saved);
    assert.equal(response.headers.location, `/workshops/task/${saved.id}/`);
    assert.equal(saved.seatPublic, true);
    const page = await client.get(`/workshops/task/${saved.id}/`);
    assert.match(
      page.body,
      /2026-02-01-add\/Ada Lovelace &lt;ada@example.org>=Helper was created successfully/,
    );
  });

  test("records the task in its history and the event in its own, by the admin who added it", async () => {
    const [e, p] = [await makeEvent(t.db), await makePerson(t.db)];
    await (await adminClient()).submit(ADD, await fields({ eventId: e.id, personId: p.id, role: "helper" }));
    const [saved] = await tasksOf(t.db, e.id);
    assert.ok(saved);
    const versions = await versionsOf(t.db, "task", saved.id);
    assert.equal(versions.length, 1);
    assert.match(versions[0]?.objectRepr ?? "", /=Helper$/);
    assert.equal((await versionsOf(t.db, "event", e.id)).length, 1);
  });

  test("goes to a safe `next` after saving, and ignores one on another site", async () => {
    const client = await adminClient();
    const e = await makeEvent(t.db);
    const next = `/workshops/event/${e.slug}/#tasks`;
    const safe = await client.submit(
      ADD,
      await fields({ eventId: e.id, personId: (await makePerson(t.db)).id, role: "helper" }),
      `${ADD}?next=${encodeURIComponent(next)}`,
    );
    assert.equal(safe.headers.location, next);
    const unsafe = await client.submit(
      ADD,
      await fields({ eventId: e.id, personId: (await makePerson(t.db)).id, role: "helper" }),
      `${ADD}?next=${encodeURIComponent("https://evil.example/")}`,
    );
    assert.match(String(unsafe.headers.location), /^\/workshops\/task\/\d+\/$/);
  });

  test("raises the event's attendance when a learner is added", async () => {
    const e = await makeEvent(t.db);
    await (await adminClient()).submit(
      ADD,
      await fields({ eventId: e.id, personId: (await makePerson(t.db)).id, role: "learner" }),
    );
    const [row] = await t.db
      .select({ attendance: attendanceColumns().attendance })
      .from(event)
      .where(eq(event.id, e.id));
    assert.equal(row?.attendance, 1);
  });

  test("prefills event, person and role from the link and keeps the task- prefix", async () => {
    const [e, p] = [await makeEvent(t.db, { slug: "2026-02-02-prefill" }), await makePerson(t.db)];
    const learner = await roleId(t.db, "learner");
    const page = await (await adminClient()).get(`${ADD}?event=${e.id}&person=${p.id}&role=${learner}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<option value="${e.id}" selected>2026-02-02-prefill</option>`));
    assert.match(page.body, /name="task-person"/);
    assert.match(page.body, new RegExp(`<option value="${learner}" selected>Learner</option>`));
  });
});

describe("refusing a task", () => {
  test("re-shows the form with a non-field error when the same event, person and role exist", async () => {
    const [e, p] = [await makeEvent(t.db), await makePerson(t.db)];
    await makeTask(t.db, { eventId: e.id, personId: p.id, role: "helper" });
    const response = await (await adminClient()).submit(
      ADD,
      await fields({ eventId: e.id, personId: p.id, role: "helper" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Task with this Event, Person and Role already exists\./);
    assert.equal((await tasksOf(t.db, e.id)).length, 1);
  });

  test("shows an error beside the person when none is chosen, keeping the rest", async () => {
    const e = await makeEvent(t.db);
    const response = await (await adminClient()).submit(ADD, {
      "task-event": String(e.id),
      "task-role": await roleId(t.db, "helper"),
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_task-person_errors"[^>]*><div>Choose the person\./);
    assert.match(response.body, new RegExp(`<option value="${e.id}" selected>`));
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
  });

  test("refuses an event that does not exist, beside the event", async () => {
    const response = await (await adminClient()).submit(
      ADD,
      await fields({ eventId: 99999999, personId: admin.id, role: "helper" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_task-event_errors"/);
  });

  test("refuses an instructor whose instructor community roles have all ended, on the role", async () => {
    const [e, p] = [await makeEvent(t.db), await makePerson(t.db, { personal: "Grace", family: "Hopper" })];
    await makeCommunityRoleOf(t.db, {
      configId: configs.instructor,
      personId: p.id,
      start: "2020-01-01",
      end: "2021-01-01",
    });
    const response = await (await adminClient()).submit(
      ADD,
      await fields({ eventId: e.id, personId: p.id, role: "instructor" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(
      response.body,
      /id="id_task-role_errors"[^>]*><div>Grace Hopper has no active instructor community role/,
    );
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
  });

  test("accepts an instructor with one active role beside an ended one", async () => {
    const [e, p] = [await makeEvent(t.db), await makePerson(t.db)];
    await makeCommunityRoleOf(t.db, {
      configId: configs.instructor,
      personId: p.id,
      start: "2020-01-01",
      end: "2021-01-01",
    });
    await makeCommunityRoleOf(t.db, { configId: configs.instructor, personId: p.id, start: "2021-01-01" });
    const response = await (await adminClient()).submit(
      ADD,
      await fields({ eventId: e.id, personId: p.id, role: "instructor" }),
    );
    assert.equal(response.statusCode, 303);
  });

  test("checks trainer roles, not instructor ones, at events The Carpentries administers", async () => {
    const e = await makeEvent(t.db, { administratorDomain: "carpentries.org" });
    const [trainer, ended] = [await makePerson(t.db), await makePerson(t.db)];
    await makeCommunityRoleOf(t.db, {
      configId: configs.instructor,
      personId: trainer.id,
      start: "2020-01-01",
      end: "2021-01-01",
    });
    await makeCommunityRoleOf(t.db, {
      configId: configs.trainer,
      personId: ended.id,
      start: "2020-01-01",
      end: "2021-01-01",
    });
    const client = await adminClient();
    const accepted = await client.submit(
      ADD,
      await fields({ eventId: e.id, personId: trainer.id, role: "instructor" }),
    );
    assert.equal(accepted.statusCode, 303);
    const refused = await client.submit(
      ADD,
      await fields({ eventId: e.id, personId: ended.id, role: "instructor" }),
    );
    assert.match(refused.body, /has no active trainer community role/);
  });

  test("refuses a retired role, beside the role", async () => {
    const [e, p] = [await makeEvent(t.db), await makePerson(t.db)];
    await t.db.update(role).set({ retiredAt: new Date() }).where(eq(role.name, "organizer"));
    const response = await (await adminClient()).submit(
      ADD,
      await fields({ eventId: e.id, personId: p.id, role: "organizer" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_task-role_errors"/);
    assert.doesNotMatch(response.body, />Workshop organizer</);
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
  });

  test("answers 403 to an admin without workshops.add_task", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const client = await new Client(t.app).logIn(viewer.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
  });
});
