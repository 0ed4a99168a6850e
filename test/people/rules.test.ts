import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  BLUESKY_PATTERN,
  countRoles,
  firstFreeUsername,
  fullName,
  GITHUB_PATTERN,
  MASTODON_PATTERN,
  nullIfBlank,
  ORCID_PATTERN,
  personDisplay,
  UsernameExhaustedError,
  usernameCandidates,
  usernameStem,
} from "../../src/people/rules.ts";

describe("usernames", () => {
  test("follow AMY's examples", () => {
    assert.equal(usernameStem("Hermione", "Granger"), "granger_hermione");
    assert.equal(usernameStem("Grzegorz", "Brzęczyszczykiewicz"), "brzczyszczykiewicz_grzegorz");
    assert.equal(usernameStem("Andy", "Blanking-Crush"), "blanking-crush_andy");
    assert.equal(usernameStem("Marie", "Skłodowska-Curie"), "skodowska-curie_marie");
    assert.equal(usernameStem("", ""), "_");
    assert.equal(usernameStem(" Mary Ann ", "de la Cruz"), "de-la-cruz_mary-ann");
  });

  test("add _2, _3 … when taken, up to _100", () => {
    assert.equal(firstFreeUsername("potter_harry", new Set()), "potter_harry");
    assert.equal(firstFreeUsername("potter_harry", new Set(["potter_harry"])), "potter_harry_2");
    assert.equal(
      firstFreeUsername("potter_harry", new Set(["potter_harry", "potter_harry_2"])),
      "potter_harry_3",
    );
    assert.throws(() => firstFreeUsername("x", new Set(usernameCandidates("x"))), UsernameExhaustedError);
  });
});

describe("names", () => {
  test("full name skips an empty middle name", () => {
    assert.equal(fullName({ personal: "Ada", middle: "", family: "Lovelace" }), "Ada Lovelace");
    assert.equal(fullName({ personal: "Ada", middle: "King", family: "Lovelace" }), "Ada King Lovelace");
  });

  test("the display string adds the email when there is one", () => {
    assert.equal(
      personDisplay({ personal: "Ada", family: "Lovelace", email: "ada@example.org" }),
      "Ada Lovelace <ada@example.org>",
    );
    assert.equal(personDisplay({ personal: "Ada", family: "Lovelace", email: null }), "Ada Lovelace");
  });

  test("blank values become null", () => {
    assert.equal(nullIfBlank("  "), null);
    assert.equal(nullIfBlank(" x "), "x");
    assert.equal(nullIfBlank(undefined), null);
  });
});

describe("handles", () => {
  test("GitHub usernames: letters, digits and single inner hyphens", () => {
    for (const ok of ["octocat", "a-b-c", "A1"]) assert.match(ok, GITHUB_PATTERN);
    for (const bad of ["-lead", "trail-", "dou--ble", "under_score", "dot.ted"])
      assert.doesNotMatch(bad, GITHUB_PATTERN);
  });

  test("Bluesky handles are domain names without @", () => {
    assert.match("alice.bsky.social", BLUESKY_PATTERN);
    for (const bad of ["@alice.bsky.social", "alice", "alice.b"]) assert.doesNotMatch(bad, BLUESKY_PATTERN);
  });

  test("Mastodon handles are user@instance", () => {
    assert.match("user@mastodon.social", MASTODON_PATTERN);
    for (const bad of ["@user@mastodon.social", "https://mastodon.social/@user", "user"]) {
      assert.doesNotMatch(bad, MASTODON_PATTERN);
    }
  });

  test("ORCID must be the full https URI", () => {
    assert.match("https://orcid.org/0000-0002-1825-009X", ORCID_PATTERN);
    for (const bad of ["0000-0002-1825-0097", "http://orcid.org/0000-0002-1825-0097"]) {
      assert.doesNotMatch(bad, ORCID_PATTERN);
    }
  });
});

describe("task counts", () => {
  test("instructors at trainings count as trainers; other roles as themselves; unknown roles not at all", () => {
    const tasks = [
      { roleName: "instructor", atTraining: false },
      { roleName: "instructor", atTraining: false },
      { roleName: "instructor", atTraining: true },
      { roleName: "supporting-instructor", atTraining: true },
      { roleName: "helper", atTraining: false },
      { roleName: "learner", atTraining: true },
      { roleName: "host", atTraining: false },
    ];
    assert.deepEqual(countRoles(tasks), { instructor: 2, trainer: 1, supporting: 1, helper: 1, learner: 1 });
    assert.deepEqual(countRoles([]), { instructor: 0, trainer: 0, supporting: 0, helper: 0, learner: 0 });
  });
});
