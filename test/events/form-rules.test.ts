import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import {
  applySaveRules,
  DEFAULT_REPORTS_LINK,
  endsBeforeStart,
  isGithubRepositoryUrl,
  isHttpUrl,
  joinContacts,
  missingCurriculumTags,
  openApplicationsRefused,
  reportsLink,
  SLUG_FORMAT,
  withDefaultScheme,
} from "../../src/events/form-rules.ts";

const REPORTS = { saltFront: "front", saltBack: "back", template: DEFAULT_REPORTS_LINK };

const SAVED = {
  slug: "2026-05-01-Oslo",
  completed: false,
  url: "",
  country: "NO",
  venue: "Hall",
  address: "Street 1",
  latitude: 59.9,
  longitude: 10.7,
  instructorsPre: "",
};

describe("slug format", () => {
  test("accepts full dates and dates with unknown parts written xx", () => {
    for (const slug of ["2026-05-01-oslo", "xxxx-xx-xx-oslo", "2026-xx-xx-online-ttt"])
      assert.ok(SLUG_FORMAT.test(slug), slug);
  });
  test("refuses a slug without the date prefix or with capital XX", () => {
    for (const slug of ["oslo-2026", "2026-05-01", "XXXX-05-01-oslo", "26-05-01-oslo"])
      assert.ok(!SLUG_FORMAT.test(slug), slug);
  });
});

describe("form rules", () => {
  test("an end date before the start date conflicts; equal or missing dates do not", () => {
    assert.equal(endsBeforeStart("2026-05-02", "2026-05-01"), true);
    assert.equal(endsBeforeStart("2026-05-01", "2026-05-01"), false);
    assert.equal(endsBeforeStart(null, "2026-05-01"), false);
  });

  test("a github.com repository link is refused, a github.io website is not", () => {
    assert.equal(isGithubRepositoryUrl("https://github.com/carpentries/2026-05-01-oslo"), true);
    assert.equal(isGithubRepositoryUrl("https://carpentries.github.io/2026-05-01-oslo/"), false);
    assert.equal(isGithubRepositoryUrl("https://github.com/carpentries"), false);
  });

  test("open applications are refused without the TTT tag", () => {
    assert.equal(openApplicationsRefused(true, ["SWC"]), true);
    assert.equal(openApplicationsRefused(true, ["TTT"]), false);
    assert.equal(openApplicationsRefused(false, []), false);
  });

  test("curricula call for their carpentry's tag, Mix & Match for Circuits; inactive ones for none", () => {
    const dc = { active: true, carpentry: "DC", mixMatch: false };
    const mix = { active: true, carpentry: "", mixMatch: true };
    const retired = { active: false, carpentry: "LC", mixMatch: false };
    assert.deepEqual(missingCurriculumTags([dc, mix, retired], ["SWC"]), ["DC", "Circuits"]);
    assert.deepEqual(missingCurriculumTags([dc, dc], ["DC"]), []);
  });

  test("contacts are split on commas and semicolons and joined with semicolons", () => {
    assert.equal(joinContacts(["a@x.org, b@y.org", " c@z.org;", ""]), "a@x.org;b@y.org;c@z.org");
  });

  test("a reports link typed without a scheme is taken as https and must be a web address", () => {
    assert.equal(withDefaultScheme("example.org/r"), "https://example.org/r");
    assert.equal(withDefaultScheme("http://example.org/r"), "http://example.org/r");
    assert.equal(isHttpUrl("https://example.org/r"), true);
    assert.equal(isHttpUrl("https://not a url"), false);
  });
});

describe("save rules", () => {
  test("the reports link hashes the salted lowercase slug and keeps the slug's case", () => {
    const expected = createHash("sha1").update("front2026-05-01-osloback").digest("hex");
    assert.equal(
      reportsLink("2026-05-01-Oslo", REPORTS),
      `https://workshop-reports.carpentries.org/?key=${expected}&slug=2026-05-01-Oslo`,
    );
  });

  test("an empty URL is stored as no URL", () => {
    assert.equal(applySaveRules(SAVED, REPORTS).url, null);
  });

  test("an online event gets Internet as venue and address and loses its coordinates", () => {
    const saved = applySaveRules({ ...SAVED, country: "W3" }, REPORTS);
    assert.deepEqual(
      [saved.venue, saved.address, saved.latitude, saved.longitude],
      ["Internet", "Internet", null, null],
    );
  });

  test("an event in progress gets a fresh reports link; a completed one keeps its own", () => {
    assert.equal(applySaveRules(SAVED, REPORTS).instructorsPre, reportsLink(SAVED.slug, REPORTS));
    const done = applySaveRules({ ...SAVED, completed: true, instructorsPre: "https://kept.org/" }, REPORTS);
    assert.equal(done.instructorsPre, "https://kept.org/");
  });
});
