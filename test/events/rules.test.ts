import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  attendance,
  eligibleForInstructorRecruitment,
  eventPath,
  mailto,
  repositoryUrl,
  SLUG_PATTERN,
  tagColour,
  websiteUrl,
} from "../../src/events/rules.ts";
import { humanReadableDate, todayIso } from "../../src/ui/time.ts";

describe("website_url and repository_url", () => {
  test("turn a GitHub Pages address into the website and its repository", () => {
    const url = "https://swcarpentry.github.io/2018-09-01-oslo/";
    assert.equal(websiteUrl(url), "https://swcarpentry.github.io/2018-09-01-oslo/");
    assert.equal(repositoryUrl(url), "https://github.com/swcarpentry/2018-09-01-oslo");
  });

  test("turn a github.com repository address (even with trailing text) into both forms", () => {
    const url = "http://github.com/swcarpentry/2018-09-01-oslo/tree/gh-pages";
    assert.equal(websiteUrl(url), "https://swcarpentry.github.io/2018-09-01-oslo/");
    assert.equal(repositoryUrl(url), "https://github.com/swcarpentry/2018-09-01-oslo");
  });

  test("accept the old github.com Pages domain without a trailing slash", () => {
    assert.equal(websiteUrl("https://user.github.com/repo"), "https://user.github.io/repo/");
  });

  test("leave any other address, and a missing one, unchanged", () => {
    assert.equal(websiteUrl("https://example.org/workshop/"), "https://example.org/workshop/");
    assert.equal(repositoryUrl("https://example.org/workshop/"), "https://example.org/workshop/");
    assert.equal(websiteUrl(null), null);
    assert.equal(repositoryUrl(null), null);
  });

  test("do not treat a user name with a dot as a GitHub Pages site", () => {
    assert.equal(websiteUrl("https://a.b.github.io/repo/"), "https://a.b.github.io/repo/");
  });
});

describe("mailto", () => {
  test("finds the addresses among names and angle brackets", () => {
    assert.deepEqual(mailto('Harry Potter <harry@hogwarts.edu>, "ron@hogwarts.edu"'), [
      "harry@hogwarts.edu",
      "ron@hogwarts.edu",
    ]);
  });

  test("splits the stored semicolon-joined contacts into separate addresses", () => {
    assert.deepEqual(mailto("a@x.org;b@y.org"), ["a@x.org", "b@y.org"]);
  });

  test("encodes an international domain with IDNA", () => {
    assert.deepEqual(mailto("anna@bücher.de"), ["anna@xn--bcher-kva.de"]);
  });

  test("keeps no token that is not an address", () => {
    assert.deepEqual(mailto("Call Harry at home, or @someone, or a@b"), []);
  });
});

describe("human_readable_date", () => {
  test("shows ??? for missing dates", () => {
    assert.equal(humanReadableDate(null, null), "??? - ???");
    assert.equal(humanReadableDate("2018-09-01", null), "Sep 01, 2018 - ???");
    assert.equal(humanReadableDate(null, "2018-09-01"), "??? - Sep 01, 2018");
  });

  test("names the month and year once when both dates share them", () => {
    assert.equal(humanReadableDate("2018-09-01", "2018-09-30"), "Sep 01 - 30, 2018");
  });

  test("names the year once when only the year is shared", () => {
    assert.equal(humanReadableDate("2018-09-01", "2018-12-01"), "Sep 01 - Dec 01, 2018");
  });

  test("writes both dates in full across years", () => {
    assert.equal(humanReadableDate("2018-09-01", "2019-12-01"), "Sep 01, 2018 - Dec 01, 2019");
  });

  test("never reorders a range that ends before it starts", () => {
    assert.equal(humanReadableDate("2018-09-30", "2018-09-01"), "Sep 30 - 01, 2018");
  });
});

describe("attendance", () => {
  test("is the larger of the typed-in number and the learner tasks", () => {
    assert.equal(attendance(10, 3), 10);
    assert.equal(attendance(2, 7), 7);
    assert.equal(attendance(0, 0), 0);
  });
});

describe("eligible_for_instructor_recruitment", () => {
  const today = "2026-03-10";
  const located = { start: "2026-03-10", venue: "Library", latitude: 1, longitude: 2 };

  test("is true for an event starting today with a venue and coordinates", () => {
    assert.equal(eligibleForInstructorRecruitment(located, [], today), true);
  });

  test("is false for an event that has started before today", () => {
    assert.equal(eligibleForInstructorRecruitment({ ...located, start: "2026-03-09" }, [], today), false);
  });

  test("is false for an event without a start", () => {
    assert.equal(eligibleForInstructorRecruitment({ ...located, start: null }, [], today), false);
  });

  test("is false without a venue or a coordinate, unless the event is online", () => {
    const noPlace = { ...located, venue: "", longitude: null };
    assert.equal(eligibleForInstructorRecruitment(noPlace, [], today), false);
    assert.equal(eligibleForInstructorRecruitment({ ...located, latitude: null }, ["SWC"], today), false);
    assert.equal(eligibleForInstructorRecruitment(noPlace, ["online"], today), true);
  });
});

describe("tag colours", () => {
  test("follow the start of the tag's name, in any case", () => {
    assert.equal(tagColour("SWC"), "primary");
    assert.equal(tagColour("DC"), "success");
    assert.equal(tagColour("online"), "info");
    assert.equal(tagColour("LC"), "warning");
    assert.equal(tagColour("TTT"), "danger");
    assert.equal(tagColour("itt"), "danger");
    assert.equal(tagColour("cancelled"), "secondary");
  });
});

describe("paths and dates", () => {
  test("an event's page is under /workshops/event/", () => {
    assert.equal(eventPath("2026-01-01-oslo"), "/workshops/event/2026-01-01-oslo/");
  });

  test("a slug holds only letters, digits, dashes and underscores", () => {
    assert.equal(SLUG_PATTERN.test("2026-01-01-oslo_B"), true);
    assert.equal(SLUG_PATTERN.test("2026-01-01 oslo"), false);
    assert.equal(SLUG_PATTERN.test("x.y"), false);
  });

  test("today is the UTC date", () => {
    assert.equal(todayIso(new Date("2026-03-10T23:30:00-05:00")), "2026-03-11");
  });
});
