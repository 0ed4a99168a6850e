import assert from "node:assert/strict";
import { test } from "node:test";
import { assignableOrNobody, requestedAssignee, tagColour } from "../../src/dashboard/rules.ts";
import { todayIso } from "../../src/ui/time.ts";

test("an absent assigned_to asks for the viewer's own events", () => {
  assert.equal(requestedAssignee(undefined, 7), 7);
});

test("an empty or non-numeric assigned_to asks for the unassigned events", () => {
  assert.equal(requestedAssignee("", 7), null);
  assert.equal(requestedAssignee("abc", 7), null);
  assert.equal(requestedAssignee("1,2", 7), null);
});

test("a numeric assigned_to asks for that person's events", () => {
  assert.equal(requestedAssignee("42", 7), 42);
});

test("tag colours follow the start of the name, whatever its case", () => {
  assert.equal(tagColour("swc"), "primary");
  assert.equal(tagColour("DC"), "success");
  assert.equal(tagColour("ITT"), "danger");
  assert.equal(tagColour("WiSE"), "secondary");
});

test("today is the UTC date", () => {
  assert.equal(todayIso(new Date("2030-06-15T23:30:00-05:00")), "2030-06-16");
});

test("only an admin can be the assignee; anyone else, or nobody asked, means nobody", () => {
  const admins = [{ id: 3 }, { id: 7 }];
  assert.equal(assignableOrNobody(7, admins), 7);
  assert.equal(assignableOrNobody(5, admins), null);
  assert.equal(assignableOrNobody(null, admins), null);
  assert.equal(assignableOrNobody(3, []), null);
});
