import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { VNode } from "preact";
import { LoginPage } from "../../src/accounts/views/login.tsx";
import { renderInPage } from "../helpers/render.tsx";

const html = (node: VNode) => renderInPage(node);

describe("the login page's GitHub button", () => {
  test("is shown when GitHub login is configured, carrying next", () => {
    const out = html(<LoginPage values={{ next: "/workshops/log/?page=2" }} githubLogin />);
    assert.match(
      out,
      /href="\/login\/github\/\?next=%2Fworkshops%2Flog%2F%3Fpage%3D2"[^>]*>Log in with GitHub/,
    );
  });

  test("links without next when there is none", () => {
    assert.match(html(<LoginPage values={{}} githubLogin />), /href="\/login\/github\/"/);
  });

  test("is hidden when GitHub login is not configured", () => {
    assert.doesNotMatch(html(<LoginPage values={{}} />), /login\/github/);
  });
});
