import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  awardDisplay,
  configsToAutoAssign,
  isIsoDate,
  isOfferedBadge,
  parseBadgeAwardsFilter,
} from "../../src/people/awards/rules.ts";

describe("award rules", () => {
  test("names an award by person, badge title, date and event, or None without an event", () => {
    const award = { person: "Ada Lovelace", badgeTitle: "Instructor", awarded: "2026-03-01" };
    assert.equal(
      awardDisplay({ ...award, eventSlug: "2026-02-27-ttt" }),
      "Ada Lovelace/Instructor/2026-03-01/2026-02-27-ttt",
    );
    assert.equal(awardDisplay({ ...award, eventSlug: null }), "Ada Lovelace/Instructor/2026-03-01/None");
  });

  test("offers neither retired badges nor the legacy instructor badges", () => {
    assert.equal(isOfferedBadge({ name: "instructor", retiredAt: null }), true);
    assert.equal(isOfferedBadge({ name: "swc-instructor", retiredAt: null }), false);
    assert.equal(isOfferedBadge({ name: "mentor", retiredAt: new Date() }), false);
  });

  test("accepts only real calendar dates written YYYY-MM-DD", () => {
    assert.equal(isIsoDate("2024-02-29"), true);
    assert.equal(isIsoDate("2026-02-30"), false);
    assert.equal(isIsoDate("01/03/2026"), false);
  });

  test("auto-assigns only configurations set to it where no role of that kind is still running", () => {
    const configs = [
      { id: 1, autoassignWhenAwardCreated: true },
      { id: 2, autoassignWhenAwardCreated: true },
      { id: 3, autoassignWhenAwardCreated: true },
      { id: 4, autoassignWhenAwardCreated: false },
    ];
    const held = [
      { configId: 1, end: null },
      { configId: 2, end: "2026-05-01" },
      { configId: 3, end: "2026-04-01" },
    ];
    assert.deepEqual(configsToAutoAssign(configs, held, "2026-04-01"), [3]);
  });
});

describe("badge page filters", () => {
  test("reads dates, event and ordering", () => {
    const parsed = parseBadgeAwardsFilter({
      awarded_after: "2026-01-01",
      awarded_before: "2026-12-31",
      event: "7",
      order_by: "-person__family",
    });
    assert.deepEqual(parsed.filter, {
      awardedAfter: "2026-01-01",
      awardedBefore: "2026-12-31",
      eventId: 7,
      orderBy: "-person__family",
    });
    assert.deepEqual(parsed.errors, {});
  });

  test("ignores a bad date and reports it beside its field", () => {
    const parsed = parseBadgeAwardsFilter({ awarded_after: "yesterday" });
    assert.equal(parsed.filter.awardedAfter, undefined);
    assert.equal(parsed.values.awarded_after, "yesterday");
    assert.ok(parsed.errors.awarded_after);
  });

  test("falls back to the award date order when order_by is not a choice", () => {
    const parsed = parseBadgeAwardsFilter({ order_by: "password" });
    assert.equal(parsed.filter.orderBy, "awarded");
    assert.ok(parsed.errors.order_by);
  });
});
