import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  communityRoleToCheck,
  instructorRoleProblem,
  isCommunityRoleActive,
  parseTaskListFilters,
  seatProblems,
  taskDisplay,
} from "../../src/events/tasks/rules.ts";

describe("taskDisplay", () => {
  test("reads slug/person <email>=role, as AMY names a task", () => {
    const person = { personal: "Ada", family: "Lovelace", email: "ada@example.org" };
    assert.equal(
      taskDisplay({ eventSlug: "2026-01-10-ttt", person, roleVerboseName: "Learner" }),
      "2026-01-10-ttt/Ada Lovelace <ada@example.org>=Learner",
    );
  });

  test("leaves out the angle brackets when the person has no email", () => {
    const person = { personal: "Ada", family: "Lovelace", email: null };
    assert.equal(taskDisplay({ eventSlug: "e", person, roleVerboseName: "Helper" }), "e/Ada Lovelace=Helper");
  });
});

describe("seatProblems", () => {
  const learnerAtOpenTtt = {
    seatOpenTraining: true,
    roleName: "learner",
    eventTags: ["TTT"],
    openTttApplications: true,
  };

  test("accepts an open-application learner at a TTT event taking open applications", () => {
    assert.deepEqual(seatProblems(learnerAtOpenTtt), {});
  });

  test("checks nothing when the task uses no open-application seat", () => {
    assert.deepEqual(
      seatProblems({
        seatOpenTraining: false,
        roleName: "helper",
        eventTags: [],
        openTttApplications: false,
      }),
      {},
    );
  });

  test("refuses an open-application seat at an event without the TTT tag", () => {
    const errors = seatProblems({ ...learnerAtOpenTtt, eventTags: ["SWC"] });
    assert.match(errors.seat_open_training?.[0] ?? "", /TTT/);
  });

  test("refuses an open-application seat at a TTT event that takes no open applications", () => {
    const errors = seatProblems({ ...learnerAtOpenTtt, openTttApplications: false });
    assert.match(errors.seat_open_training?.[0] ?? "", /open applications/);
  });

  test("refuses an open-application seat for anyone but a learner, on the role", () => {
    const errors = seatProblems({ ...learnerAtOpenTtt, roleName: "helper" });
    assert.equal(errors.seat_open_training, undefined);
    assert.match(errors.role?.[0] ?? "", /learner/);
  });
});

describe("communityRoleToCheck", () => {
  test("asks for a trainer role at events The Carpentries administers itself", () => {
    assert.equal(communityRoleToCheck("carpentries.org"), "trainer");
  });

  test("asks for an instructor role elsewhere, and without an administrator", () => {
    assert.equal(communityRoleToCheck("software-carpentry.org"), "instructor");
    assert.equal(communityRoleToCheck(null), "instructor");
  });
});

describe("isCommunityRoleActive", () => {
  const today = "2026-06-15";
  const open = { inactivated: false, start: null, end: null };

  test("is active with no dates and no inactivation", () => {
    assert.equal(isCommunityRoleActive(open, today), true);
  });

  test("is inactive once inactivated", () => {
    assert.equal(isCommunityRoleActive({ ...open, inactivated: true }, today), false);
  });

  test("is inactive on its end day and after", () => {
    assert.equal(isCommunityRoleActive({ ...open, end: today }, today), false);
    assert.equal(isCommunityRoleActive({ ...open, end: "2026-06-16" }, today), true);
  });

  test("is inactive before its start and active from its start day", () => {
    assert.equal(isCommunityRoleActive({ ...open, start: "2026-06-16" }, today), false);
    assert.equal(isCommunityRoleActive({ ...open, start: today }, today), true);
  });
});

describe("instructorRoleProblem", () => {
  const base = {
    roleName: "instructor",
    personName: "Ada Lovelace",
    communityRole: "instructor" as const,
    today: "2026-06-15",
  };
  const ended = { inactivated: false, start: "2020-01-01", end: "2021-01-01" };
  const active = { inactivated: false, start: "2020-01-01", end: null };

  test("accepts an instructor with no community role of the kind", () => {
    assert.equal(instructorRoleProblem({ ...base, roles: [] }), undefined);
  });

  test("accepts an instructor with at least one active role among ended ones", () => {
    assert.equal(instructorRoleProblem({ ...base, roles: [ended, active] }), undefined);
  });

  test("refuses an instructor whose roles of the kind have all ended, naming person and role", () => {
    const problem = instructorRoleProblem({ ...base, roles: [ended, { ...active, inactivated: true }] });
    assert.match(problem ?? "", /Ada Lovelace has no active instructor community role/);
  });

  test("checks only instructor tasks", () => {
    assert.equal(instructorRoleProblem({ ...base, roleName: "helper", roles: [ended] }), undefined);
  });
});

describe("parseTaskListFilters", () => {
  test("reads event, role and a known ordering", () => {
    const { filters, errors } = parseTaskListFilters({ event: "3", role: "4", order_by: "-person" });
    assert.deepEqual(filters, { eventId: 3, roleId: 4, orderBy: "-person" });
    assert.deepEqual(errors, {});
  });

  test("ignores invalid values, reporting them, and keeps the valid ones", () => {
    const { filters, errors } = parseTaskListFilters({ event: "x", role: "2", order_by: "start" });
    assert.deepEqual(filters, { roleId: 2 });
    assert.ok(errors.event);
    assert.ok(errors.order_by);
  });
});
