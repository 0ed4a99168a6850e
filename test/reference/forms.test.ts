import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { fieldOfConstraint } from "../../src/reference/queries.ts";
import { violatedUniqueConstraint } from "../../src/reference/rules.ts";
import { badge, continent, curriculum, language, tag } from "../../src/reference/schema.ts";
import { referenceTable } from "../../src/reference/tables.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, PASSWORD } from "../helpers/factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);

/** Posts an add form and returns the response. */
async function add(segment: string, fields: Record<string, string>) {
  return (await adminClient()).submit(`/reference/${segment}/add/`, fields);
}

/** The error messages shown beside a field. */
function errorsOf(body: string, field: string): string {
  const match = new RegExp(`id="id_${field}_errors"[^>]*>(.*?)</div></div>`, "s").exec(body);
  return match?.[1] ?? "";
}

const goodTag = { name: "new-tag", details: "A new tag", priority: "15" };
const goodCurriculum = { slug: "cur-x", name: "Curriculum X", carpentry: "DC", description: "", website: "" };

describe("adding", () => {
  test("adds a tag and goes back to the list with a message", async () => {
    const response = await add("tags", goodTag);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/reference/tags/");
    const [row] = await t.db.select().from(tag).where(eq(tag.name, "new-tag"));
    assert.equal(row?.priority, 15);
    assert.equal(row?.retiredAt, null);
  });

  test("adds a badge and goes to AMY's badge list", async () => {
    const response = await add("badges", { name: "new-badge", title: "New", criteria: "Did things" });
    assert.equal(response.headers.location, "/workshops/badges/");
    assert.equal((await t.db.select().from(badge).where(eq(badge.name, "new-badge"))).length, 1);
  });

  test("stores a continent's countries comma-separated and upper-cased", async () => {
    const response = await add("continents", { name: "Testland", countries: "fr de, EU W3" });
    assert.equal(response.statusCode, 303);
    const [row] = await t.db.select().from(continent).where(eq(continent.name, "Testland"));
    assert.equal(row?.countries, "FR,DE,EU,W3");
  });
});

describe("validation", () => {
  async function rejected(segment: string, fields: Record<string, string>, field: string, message: RegExp) {
    const response = await add(segment, fields);
    assert.equal(response.statusCode, 200, "the form is shown again");
    assert.match(errorsOf(response.body, field), message);
    return response;
  }

  test("re-shows the form with an error on name when the name is empty, keeping the input", async () => {
    const response = await rejected(
      "tags",
      { ...goodTag, name: "  ", details: "kept details" },
      "name",
      /Enter the name/,
    );
    assert.match(response.body, /value="kept details"/);
  });

  test("re-shows the form with an error on name when it is longer than 40 characters", async () => {
    await rejected("tags", { ...goodTag, name: "x".repeat(41) }, "name", /at most 40 characters/);
  });

  test("re-shows the form with an error on name when another tag has that name", async () => {
    await rejected("tags", { ...goodTag, name: "SWC" }, "name", /Another tag already has this name/);
  });

  test("re-shows the form with an error on priority when it is negative", async () => {
    await rejected(
      "tags",
      { ...goodTag, name: "neg", priority: "-1" },
      "priority",
      /whole number, 0 or more/,
    );
  });

  test("re-shows the form with an error on priority when it is not a whole number", async () => {
    await rejected("tags", { ...goodTag, name: "frac", priority: "1.5" }, "priority", /whole number/);
  });

  test("re-shows the form with an error on subtag when it is longer than 10 characters", async () => {
    await rejected(
      "languages",
      { name: "Longish", subtag: "x".repeat(11) },
      "subtag",
      /at most 10 characters/,
    );
  });

  test("re-shows the form with an error on subtag when another language has it", async () => {
    await rejected("languages", { name: "English again", subtag: "en" }, "subtag", /Another language/);
  });

  test("re-shows the form with an error on carpentry when it is not SWC, DC, LC or empty", async () => {
    await rejected(
      "curricula",
      { ...goodCurriculum, carpentry: "XC" },
      "carpentry",
      /Choose one of the options/,
    );
  });

  test("re-shows the form with an error on website when it is not a web address", async () => {
    await rejected("curricula", { ...goodCurriculum, website: "not a url" }, "website", /full web address/);
  });

  test("re-shows the form with an error on description when it is longer than 400 characters", async () => {
    await rejected("curricula", { ...goodCurriculum, description: "x".repeat(401) }, "description", /400/);
  });

  test("re-shows the form with an error on slug when another curriculum has it", async () => {
    await rejected("curricula", { ...goodCurriculum, slug: "dc-genomics" }, "slug", /Another curriculum/);
  });

  test("re-shows the form with an error on countries when a code is not a country", async () => {
    await rejected(
      "continents",
      { name: "Nowhere", countries: "FR XX" },
      "countries",
      /not country codes: XX/,
    );
  });

  test("saves nothing when the form has errors", async () => {
    await add("tags", { ...goodTag, name: "never-saved", priority: "-5" });
    assert.equal((await t.db.select().from(tag).where(eq(tag.name, "never-saved"))).length, 0);
  });
});

describe("curriculum single-row flags", () => {
  test("saving a curriculum as “Don't know yet” clears the flag on the one that had it", async () => {
    const response = await add("curricula", {
      ...goodCurriculum,
      slug: "new-unknown",
      name: "New unknown",
      unknown: "on",
    });
    assert.equal(response.statusCode, 303);
    const flagged = await t.db.select().from(curriculum).where(eq(curriculum.unknown, true));
    assert.deepEqual(
      flagged.map((row) => row.slug),
      ["new-unknown"],
    );
  });

  test("saving a curriculum as “Mix & Match” clears the flag on the one that had it", async () => {
    const [other] = await t.db.select().from(curriculum).where(eq(curriculum.slug, "dc-genomics"));
    const response = await (await adminClient()).submit(`/reference/curricula/${other?.id}/edit/`, {
      slug: "dc-genomics",
      name: other?.name ?? "",
      carpentry: "DC",
      description: "",
      website: "",
      mix_match: "on",
    });
    assert.equal(response.statusCode, 303);
    const flagged = await t.db.select().from(curriculum).where(eq(curriculum.mixMatch, true));
    assert.deepEqual(
      flagged.map((row) => row.slug),
      ["dc-genomics"],
    );
  });
});

describe("unique violations from the database", () => {
  test("a duplicate the check did not see is reported on the right field", async () => {
    const error = await t.db
      .insert(language)
      .values({ name: "Duplicate", subtag: "en" })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    const constraint = violatedUniqueConstraint(error);
    assert.equal(constraint, "workshops_language_subtag_unique");
    assert.equal(fieldOfConstraint(referenceTable("languages"), constraint ?? ""), "subtag");
  });
});
