import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { listActiveChoices } from "../../src/reference/index.ts";
import { knowledgeDomain, role, tag } from "../../src/reference/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function retireTag(name: string) {
  const [row] = await t.db.update(tag).set({ retiredAt: new Date() }).where(eq(tag.name, name)).returning();
  if (!row) throw new Error(`no tag ${name}`);
  return row.id;
}

describe("listActiveChoices", () => {
  test("offers tags in AMY's order, as id and name", async () => {
    const choices = await listActiveChoices(t.db, "tags");
    const [swc] = await t.db.select().from(tag).where(eq(tag.name, "SWC"));
    assert.deepEqual(
      choices.slice(0, 3).map((choice) => choice.label),
      ["automated-email", "DC", "LC"],
    );
    assert.ok(choices.some((choice) => choice.value === String(swc?.id) && choice.label === "SWC"));
  });

  test("leaves out retired rows", async () => {
    await retireTag("hackathon");
    const labels = (await listActiveChoices(t.db, "tags")).map((choice) => choice.label);
    assert.ok(!labels.includes("hackathon"));
  });

  test("keeps a retired row the record already uses", async () => {
    const id = await retireTag("stalled");
    const choices = await listActiveChoices(t.db, "tags", { keep: [id] });
    assert.ok(choices.some((choice) => choice.value === String(id)));
  });

  test("labels roles by their verbose name, or their name when that is empty", async () => {
    await t.db.insert(role).values({ name: "plain-role", verboseName: "" });
    const labels = (await listActiveChoices(t.db, "roles")).map((choice) => choice.label);
    assert.ok(labels.includes("Workshop host"));
    assert.ok(labels.includes("plain-role"));
  });

  test("labels badges by their title", async () => {
    const labels = (await listActiveChoices(t.db, "badges")).map((choice) => choice.label);
    assert.ok(labels.includes("Instructor"));
  });

  test("drops the “Don't know yet” knowledge domain when asked", async () => {
    const all = (await listActiveChoices(t.db, "knowledge-domains")).map((choice) => choice.label);
    const forPeople = (await listActiveChoices(t.db, "knowledge-domains", { excludeDontKnowYet: true })).map(
      (choice) => choice.label,
    );
    assert.ok(all.includes("Don't know yet"));
    assert.ok(!forPeople.includes("Don't know yet"));
    assert.equal(forPeople.length, all.length - 1);
    const stored = await t.db.select().from(knowledgeDomain);
    assert.equal(all.length, stored.length);
  });

  test("offers lessons and languages by name", async () => {
    assert.ok((await listActiveChoices(t.db, "lessons")).some((choice) => choice.label === "swc/git"));
    assert.ok((await listActiveChoices(t.db, "languages")).some((choice) => choice.label === "English"));
  });
});
