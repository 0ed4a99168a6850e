import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Random } from "../../src/demo/random.ts";

describe("the demo data's random generator", () => {
  test("repeats its numbers for the same seed", () => {
    const first = new Random(42);
    const second = new Random(42);
    assert.deepEqual(
      Array.from({ length: 5 }, () => first.next()),
      Array.from({ length: 5 }, () => second.next()),
    );
  });

  test("pickSkewed draws every item, the earlier ones more often", () => {
    const random = new Random(7);
    const items = ["first", "second", "third", "fourth"];
    const draws = new Map(items.map((item) => [item, 0]));
    for (let i = 0; i < 40_000; i++) {
      const item = random.pickSkewed(items);
      draws.set(item, (draws.get(item) ?? 0) + 1);
    }
    const first = draws.get("first") ?? 0;
    const last = draws.get("fourth") ?? 0;
    assert.ok(last > 0, "the last item is drawn too");
    // Weights 1/2, 1/3, 1/4, 1/5: the first 2.5 times the last.
    assert.ok(Math.abs(first / last - 2.5) < 0.2, `first/last = ${first / last}`);
  });
});
