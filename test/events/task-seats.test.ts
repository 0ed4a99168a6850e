import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { task } from "../../src/events/schema.ts";
import { seatWarningsAfterUpdate, seatWarningsBeforeCreate } from "../../src/events/tasks/seat-rules.ts";
import { addDays } from "../../src/memberships/rules.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeMembership,
} from "../helpers/membership-factories.ts";
import { fieldErrorsOf } from "./form-helpers.ts";
import { roleId, tasksOf } from "./tasks-helpers.ts";

// The task form's fields of the memberships area (spec 30 §3.15) and the seat warnings (§4.2).

const ADD = "/workshops/tasks/add/";
const INVALID_CHOICE = "Choose one of the options offered.";
const today = todayIso();

let t: TestApp;
let off: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let offAdmin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  off = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
  admin = await makeAdmin(t.db);
  offAdmin = await makeAdmin(off.db);
});
after(async () => {
  await t.close();
  await off.close();
});

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const offClient = () => new Client(off.app).logIn(offAdmin.username, PASSWORD);

/** A membership running from 10 days ago to 300 days ahead, with the given public seats. */
const activeMembership = (db: TestApp["db"], values: Parameters<typeof makeMembership>[1] = {}) =>
  makeMembership(db, { agreementStart: addDays(today, -10), agreementEnd: addDays(today, 300), ...values });

/** An instructor training within the active membership's agreement. */
const training = (db: TestApp["db"], options: Parameters<typeof makeEvent>[1] = {}) =>
  makeEvent(db, { tags: ["TTT"], start: addDays(today, 5), end: addDays(today, 6), ...options });

async function seatBenefit(db: TestApp["db"], unitType: "seat" | "event" = "seat") {
  const buyer = await makeAccount(db, { organizationId: (await makeOrganization(db)).id });
  const benefitRow = await makeBenefit(db, { unitType });
  return makeAccountBenefit(db, { accountId: buyer.id, benefitId: benefitRow.id });
}

async function fields(
  db: TestApp["db"],
  options: { eventId: number; personId?: number; role?: string; seatMembership?: number; benefit?: string },
) {
  return {
    "task-event": String(options.eventId),
    "task-person": String(options.personId ?? (await makePerson(db)).id),
    "task-role": await roleId(db, options.role ?? "learner"),
    ...(options.seatMembership ? { "task-seat_membership": String(options.seatMembership) } : {}),
    ...(options.benefit ? { "task-allocated_benefit": options.benefit } : {}),
  };
}

/** The warnings flashed on a page, as plain text. */
function warningsOn(html: string): string[] {
  return [...html.matchAll(/alert-warning[^>]*><strong>Warning:<\/strong> (.*?)<button/gs)].map((match) =>
    (match[1] ?? "").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&").trim(),
  );
}

/** Adds a task through the form and returns the page it leads to, with its flashed warnings. */
async function addTask(client: Client, submitted: Record<string, string>) {
  const response = await client.submit(ADD, submitted);
  assert.equal(response.statusCode, 303, response.body.slice(0, 200));
  const page = await client.get(String(response.headers.location));
  return { response, page, warnings: warningsOn(page.body) };
}

describe("the task form's seat fields", () => {
  test("offers the seat-membership lookup with its date help, and the seat-benefit lookup", async () => {
    const page = await (await adminClient()).get(ADD);
    assert.match(
      page.body,
      /name="task-seat_membership"[^>]*data-lookup="\/select_lookups\/memberships_for_tasks\/"/,
    );
    assert.match(page.body, /YYYY-MM-DD/);
    assert.match(
      page.body,
      /name="task-allocated_benefit"[^>]*data-lookup="\/select_lookups\/account-benefits-seats\/"/,
    );
    assert.doesNotMatch(page.body, /name="task-seat_public"/);
  });

  test("restricts the benefit lookup to the benefit the event's tag stands for, and says so", async () => {
    const e = await training(t.db);
    const page = await (await adminClient()).get(`${ADD}?event=${e.id}`);
    assert.match(page.body, /data-lookup="\/select_lookups\/account-benefits-seats\/\?benefit=TTT"/);
    assert.match(
      page.body,
      /Only account benefits of “Instructor Training” are offered, as the event is tagged TTT/,
    );
    const cldt = await makeEvent(t.db, { tags: ["CLDT"] });
    const other = await (await adminClient()).get(`${ADD}?event=${cldt.id}`);
    assert.match(other.body, /account-benefits-seats\/\?benefit=CLDT/);
  });

  test("has no benefit field without the service offering, and ignores a submitted one", async () => {
    const client = await offClient();
    const page = await client.get(ADD);
    assert.doesNotMatch(page.body, /name="task-allocated_benefit"/);
    const e = await training(off.db);
    const membershipRow = await activeMembership(off.db, { publicInstructorTrainingSeats: 5 });
    await addTask(
      client,
      await fields(off.db, {
        eventId: e.id,
        seatMembership: membershipRow.id,
        benefit: (await seatBenefit(off.db)).id,
      }),
    );
    const [saved] = await tasksOf(off.db, e.id);
    assert.equal(saved?.seatMembershipId, membershipRow.id);
    assert.equal(saved?.allocatedBenefitId, null);
  });
});

describe("saving seats", () => {
  test("saves a learner's public membership seat at a TTT event; the task pages show the membership", async () => {
    const e = await training(t.db);
    const membershipRow = await activeMembership(t.db, {
      name: "Zzseat Membership",
      publicInstructorTrainingSeats: 5,
    });
    const client = await adminClient();
    const { page, warnings } = await addTask(
      client,
      await fields(t.db, { eventId: e.id, seatMembership: membershipRow.id }),
    );
    assert.deepEqual(warnings, []);
    const [saved] = await tasksOf(t.db, e.id);
    assert.equal(saved?.seatMembershipId, membershipRow.id);
    assert.equal(saved?.seatPublic, true);
    const link = new RegExp(
      `<a href="/fiscal/membership/${membershipRow.id}/">Zzseat Membership Partner membership`,
    );
    assert.match(page.body, link);
    const list = await client.get(`/workshops/tasks/?event=${e.id}`);
    assert.match(list.body, /<th scope="col">Seat membership<\/th>/);
    assert.match(list.body, link);
  });

  test("saves a seat-type account benefit, shown on the task page", async () => {
    const e = await training(t.db);
    const benefitRow = await seatBenefit(t.db);
    const { page } = await addTask(
      await adminClient(),
      await fields(t.db, { eventId: e.id, benefit: benefitRow.id }),
    );
    const [saved] = await tasksOf(t.db, e.id);
    assert.equal(saved?.allocatedBenefitId, benefitRow.id);
    assert.match(
      page.body,
      new RegExp(`<a href="/offering/account-benefits/${benefitRow.id}/">Account Benefit`),
    );
  });

  test("refuses both a seat membership and a benefit, with the error on allocated_benefit", async () => {
    const e = await training(t.db);
    const response = await (await adminClient()).submit(
      ADD,
      await fields(t.db, {
        eventId: e.id,
        seatMembership: (await activeMembership(t.db)).id,
        benefit: (await seatBenefit(t.db)).id,
      }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(fieldErrorsOf(response.body, "task-allocated_benefit"), /not both/);
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
  });

  test("refuses a seat membership at an event not tagged TTT, or for a role other than learner", async () => {
    const client = await adminClient();
    const membershipRow = await activeMembership(t.db);
    const workshop = await makeEvent(t.db, { tags: ["SWC"] });
    const notTtt = await client.submit(
      ADD,
      await fields(t.db, { eventId: workshop.id, seatMembership: membershipRow.id }),
    );
    assert.equal(notTtt.statusCode, 200);
    assert.match(fieldErrorsOf(notTtt.body, "task-seat_membership"), /needs an event tagged TTT/);
    const e = await training(t.db);
    const helper = await client.submit(
      ADD,
      await fields(t.db, { eventId: e.id, role: "helper", seatMembership: membershipRow.id }),
    );
    assert.equal(helper.statusCode, 200);
    assert.match(
      fieldErrorsOf(helper.body, "task-seat_membership"),
      /Only a learner can take a membership seat/,
    );
    assert.equal((await tasksOf(t.db, e.id)).length + (await tasksOf(t.db, workshop.id)).length, 0);
  });

  test("refuses a membership that does not exist and an event-type or unknown benefit", async () => {
    const e = await training(t.db);
    const client = await adminClient();
    const missing = await client.submit(ADD, await fields(t.db, { eventId: e.id, seatMembership: 99999999 }));
    assert.ok(fieldErrorsOf(missing.body, "task-seat_membership").includes(INVALID_CHOICE));
    const eventType = await client.submit(
      ADD,
      await fields(t.db, { eventId: e.id, benefit: (await seatBenefit(t.db, "event")).id }),
    );
    assert.ok(fieldErrorsOf(eventType.body, "task-allocated_benefit").includes(INVALID_CHOICE));
    const unknown = await client.submit(
      ADD,
      await fields(t.db, { eventId: e.id, benefit: "00000000-0000-4000-8000-000000000000" }),
    );
    assert.ok(fieldErrorsOf(unknown.body, "task-allocated_benefit").includes(INVALID_CHOICE));
    const malformed = await client.submit(ADD, await fields(t.db, { eventId: e.id, benefit: "nope" }));
    assert.equal(malformed.statusCode, 200);
    assert.match(fieldErrorsOf(malformed.body, "task-allocated_benefit"), /Choose from the list/);
    assert.equal((await tasksOf(t.db, e.id)).length, 0);
  });
});

describe("seat warnings when a task is added", () => {
  test("taking the last public seat warns that none remain", async () => {
    const membershipRow = await activeMembership(t.db, { name: "Zzlast", publicInstructorTrainingSeats: 1 });
    const { warnings } = await addTask(
      await adminClient(),
      await fields(t.db, { eventId: (await training(t.db)).id, seatMembership: membershipRow.id }),
    );
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? "",
      /^Membership "Zzlast Partner membership .*" has no public instructor training seats remaining\.$/,
    );
  });

  test("taking a seat when none is left warns that more are used than allowed", async () => {
    const membershipRow = await activeMembership(t.db, { name: "Zzover", publicInstructorTrainingSeats: 1 });
    const e = await training(t.db);
    await makeTask(t.db, {
      eventId: e.id,
      personId: (await makePerson(t.db)).id,
      role: "learner",
      seatMembershipId: membershipRow.id,
    });
    const { warnings } = await addTask(
      await adminClient(),
      await fields(t.db, { eventId: e.id, seatMembership: membershipRow.id }),
    );
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? "",
      /is using more public instructor training seats than it has been allowed/,
    );
  });

  test("a membership not active today and an event outside the agreement each warn, and the task is saved", async () => {
    const membershipRow = await makeMembership(t.db, {
      name: "Zzpast",
      agreementStart: "2020-01-10",
      agreementEnd: "2020-12-31",
      publicInstructorTrainingSeats: 10,
    });
    const e = await training(t.db, { start: "2020-01-05", end: "2021-01-02" });
    const { warnings } = await addTask(
      await adminClient(),
      await fields(t.db, { eventId: e.id, seatMembership: membershipRow.id }),
    );
    assert.equal(warnings.length, 3, warnings.join("\n"));
    assert.match(warnings[0] ?? "", /is not active today/);
    assert.match(warnings[1] ?? "", /The event starts \(2020-01-05\) before the agreement/);
    assert.match(warnings[2] ?? "", /The event ends \(2021-01-02\) after the agreement/);
    assert.equal((await tasksOf(t.db, e.id)).length, 1);
  });
});

describe("editing a seat task", () => {
  async function editTask(client: Client, id: number, submitted: Record<string, string>) {
    const url = `/workshops/task/${id}/edit/`;
    const response = await client.submit(url, submitted);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const page = await client.get(String(response.headers.location));
    return warningsOn(page.body);
  }

  async function seatTask(
    db: TestApp["db"],
    membershipId: number | null,
    extra: { seatPublic?: boolean; allocatedBenefitId?: string } = {},
  ) {
    const e = await training(db);
    return makeTask(db, {
      eventId: e.id,
      personId: (await makePerson(db)).id,
      role: "learner",
      seatMembershipId: membershipId,
      ...extra,
    });
  }

  const editFields = async (
    db: TestApp["db"],
    row: typeof task.$inferSelect,
    extra: Record<string, string> = {},
  ) => ({
    event: String(row.eventId),
    person: String(row.personId),
    role: await roleId(db, "learner"),
    ...extra,
  });

  test("shows the stored seat membership and warns after the save when no seat remains", async () => {
    const membershipRow = await activeMembership(t.db, { name: "Zzfull", publicInstructorTrainingSeats: 1 });
    const row = await seatTask(t.db, membershipRow.id);
    const client = await adminClient();
    const form = await client.get(`/workshops/task/${row.id}/edit/`);
    assert.match(
      form.body,
      new RegExp(`<option value="${membershipRow.id}" selected>Zzfull Partner membership`),
    );
    const warnings = await editTask(
      client,
      row.id,
      await editFields(t.db, row, { seat_membership: String(membershipRow.id) }),
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? "", /has no public instructor training seats remaining/);
  });

  test("warns when the membership uses more seats than allowed after the save", async () => {
    const membershipRow = await activeMembership(t.db, { publicInstructorTrainingSeats: 0 });
    const row = await seatTask(t.db, null);
    const warnings = await editTask(
      await adminClient(),
      row.id,
      await editFields(t.db, row, { seat_membership: String(membershipRow.id) }),
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? "", /using more public instructor training seats than it has been allowed/);
  });

  test("an in-house seat stays in-house and is counted against the in-house seats", async () => {
    const membershipRow = await activeMembership(t.db, {
      publicInstructorTrainingSeats: 0,
      inhouseInstructorTrainingSeats: 1,
    });
    const row = await seatTask(t.db, membershipRow.id, { seatPublic: false });
    const warnings = await editTask(
      await adminClient(),
      row.id,
      await editFields(t.db, row, { seat_membership: String(membershipRow.id) }),
    );
    assert.deepEqual(warnings.length, 1);
    assert.match(warnings[0] ?? "", /has no in-house instructor training seats remaining/);
    const [saved] = await t.db.select().from(task).where(eq(task.id, row.id));
    assert.equal(saved?.seatPublic, false);
  });

  test("with the benefit field hidden, choosing a seat membership removes the stored benefit and says so", async () => {
    const benefitRow = await seatBenefit(off.db);
    const row = await seatTask(off.db, null, { allocatedBenefitId: benefitRow.id });
    const membershipRow = await activeMembership(off.db, { publicInstructorTrainingSeats: 5 });
    const client = await offClient();
    const keep = await editTask(client, row.id, await editFields(off.db, row));
    assert.deepEqual(keep, []);
    assert.equal(
      (await off.db.select().from(task).where(eq(task.id, row.id)))[0]?.allocatedBenefitId,
      benefitRow.id,
    );
    const warnings = await editTask(
      client,
      row.id,
      await editFields(off.db, row, { seat_membership: String(membershipRow.id) }),
    );
    assert.deepEqual(warnings, [
      "The allocated benefit was removed: a seat counted against a membership cannot also use a benefit.",
    ]);
    const [saved] = await off.db.select().from(task).where(eq(task.id, row.id));
    assert.equal(saved?.seatMembershipId, membershipRow.id);
    assert.equal(saved?.allocatedBenefitId, null);
  });
});

describe("the event page's inline task form", () => {
  test("offers a seat membership at a TTT event only", async () => {
    const client = await adminClient();
    const ttt = await training(t.db);
    const workshop = await makeEvent(t.db, { tags: ["SWC"] });
    assert.match((await client.get(`/workshops/event/${ttt.slug}/`)).body, /name="task-seat_membership"/);
    assert.doesNotMatch(
      (await client.get(`/workshops/event/${workshop.slug}/`)).body,
      /name="task-seat_membership"/,
    );
  });
});

describe("seat warning rules", () => {
  const facts = (publicSeatsRemaining: number, inhouseSeatsRemaining = 5) => ({
    label: "M",
    agreementStart: "2026-01-01",
    agreementEnd: "2026-12-31",
    figures: { publicSeatsRemaining, inhouseSeatsRemaining },
  });
  const within = { start: "2026-03-01", end: "2026-03-02" };

  test("before a new seat: 1 left → none remain; 0 or fewer → more than allowed; 2 → nothing", () => {
    assert.match(seatWarningsBeforeCreate(facts(1), within, "2026-02-01").join(), /no public .* remaining/);
    assert.match(seatWarningsBeforeCreate(facts(0), within, "2026-02-01").join(), /more public .* allowed/);
    assert.match(seatWarningsBeforeCreate(facts(-3), within, "2026-02-01").join(), /more public .* allowed/);
    assert.deepEqual(seatWarningsBeforeCreate(facts(2), within, "2026-02-01"), []);
  });

  test("the agreement's first and last days count as active, and undated events never warn", () => {
    assert.deepEqual(seatWarningsBeforeCreate(facts(5), within, "2026-01-01"), []);
    assert.deepEqual(seatWarningsBeforeCreate(facts(5), within, "2026-12-31"), []);
    assert.equal(seatWarningsBeforeCreate(facts(5), within, "2027-01-01").length, 1);
    assert.deepEqual(seatWarningsBeforeCreate(facts(5), { start: null, end: null }, "2026-06-01"), []);
  });

  test("after a change: 0 → none remain, below 0 → more than allowed, for the task's kind of seat", () => {
    assert.match(seatWarningsAfterUpdate(facts(0), true).join(), /no public/);
    assert.match(seatWarningsAfterUpdate(facts(-1), true).join(), /more public/);
    assert.deepEqual(seatWarningsAfterUpdate(facts(1), true), []);
    assert.match(seatWarningsAfterUpdate(facts(5, 0), false).join(), /no in-house/);
  });
});
