import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { authorName, commentHtml, commentRedirect, isLocalPath } from "../../src/comments/rules.ts";

describe("where a new comment sends its author", () => {
  test("inserts ?c=<id> before the anchor of next", () => {
    assert.equal(
      commentRedirect("/fiscal/organization/example.org/#comments", "/x/", 12),
      "/fiscal/organization/example.org/?c=12#comments",
    );
    assert.equal(commentRedirect("/page/?tab=2#comments", "/x/", 3), "/page/?tab=2&c=3#comments");
    assert.equal(commentRedirect("/page/", "/x/", 3), "/page/?c=3");
  });

  test("ignores a next that leaves the site, going to the object's comments instead", () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      assert.equal(commentRedirect(next, "/object/", 5), "/object/?c=5#comments", next);
    }
    assert.ok(isLocalPath("/fiscal/organizations/"));
  });
});

describe("a comment's text", () => {
  test("is Markdown, with line breaks kept", () => {
    assert.equal(commentHtml("**Hi**\nthere"), "<p><strong>Hi</strong><br>\nthere</p>\n");
  });

  test("cannot carry HTML or script links into the page", () => {
    const html = commentHtml('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="a()">');
    assert.doesNotMatch(html, /<script|<img|href="javascript/);
    assert.match(html, /&lt;script&gt;/);
  });
});

test("an author is named by full name, else username, within 50 characters", () => {
  assert.equal(
    authorName({ personal: "Ada", middle: "", family: "Lovelace", username: "ada" }),
    "Ada Lovelace",
  );
  assert.equal(authorName({ personal: " ", middle: "", family: "", username: "ada" }), "ada");
  assert.equal(authorName({ personal: "A".repeat(60), middle: "", family: "", username: "a" }).length, 50);
});
