import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ExtendDatesForm } from "../../src/memberships/views/extend-form.tsx";
import { renderInPage } from "../helpers/render.tsx";

describe("extend-dates form", () => {
  test("shows the agreement dates read-only and the extension computed from the submitted date", () => {
    const html = renderInPage(
      <ExtendDatesForm
        action="/fiscal/membership/1/extend/"
        agreementStart="2025-01-01"
        agreementEnd="2025-12-31"
        values={{ new_agreement_end: "2026-01-30" }}
        errors={{ new_agreement_end: ["Bad date"] }}
        cancelHref="/fiscal/membership/1/"
      />,
    );
    assert.match(html, /name="new_agreement_end"[^>]*value="2026-01-30"/);
    assert.match(html, /id="id_extension"[^>]*value="30"/);
    assert.match(html, /id="id_agreement_start"[^>]*value="2025-01-01"/);
    assert.doesNotMatch(html, /name="agreement_end"/);
    assert.doesNotMatch(html, /name="extension"/);
    assert.match(html, /Bad date/);
    assert.match(html, /name="comment"/);
    assert.match(html, /name="csrfmiddlewaretoken"/);
  });

  test("starts from the current end date and a zero extension", () => {
    const html = renderInPage(
      <ExtendDatesForm
        action="/fiscal/partnerships/1/extend/"
        agreementStart="2025-01-01"
        agreementEnd="2025-12-31"
        values={{}}
        cancelHref="/fiscal/partnerships/1/"
      />,
    );
    assert.match(html, /name="new_agreement_end"[^>]*value="2025-12-31"/);
    assert.match(html, /id="id_extension"[^>]*value="0"/);
  });
});
