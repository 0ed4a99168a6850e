import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { VNode } from "preact";
import { BlockedDeletePage } from "../../src/ui/blocked-delete.tsx";
import { CheckboxField, Field, PostForm, SelectField, TextAreaField } from "../../src/ui/forms.tsx";
import { PaginationNav } from "../../src/ui/pagination-nav.tsx";
import { DataTable, SortableHeader } from "../../src/ui/table.tsx";
import { renderInPage } from "../helpers/render.tsx";

const html = (node: VNode) => renderInPage(node);

describe("form pieces", () => {
  test("a post form carries the CSRF token and an optional confirmation", () => {
    const out = html(
      <PostForm action="/a/" confirm="Really?">
        <button type="submit">Go</button>
      </PostForm>,
    );
    assert.match(out, /name="csrfmiddlewaretoken" value="token123"/);
    assert.match(out, /data-confirm="Really\?"/);
  });

  test("a field shows its value, its errors and ties them to the input", () => {
    const out = html(<Field name="email" label="Email" value="a@b" errors={{ email: ["Bad address."] }} />);
    assert.match(out, /value="a@b"/);
    assert.match(out, /aria-invalid="true"/);
    assert.match(out, /aria-describedby="id_email_errors"/);
    assert.match(out, /id="id_email_errors"[^>]*><div>Bad address\.<\/div>/);
  });

  test("values are escaped", () => {
    const out = html(<TextAreaField name="notes" label="Notes" value={"<script>alert(1)</script>"} />);
    assert.doesNotMatch(out, /<script>/);
    assert.match(out, /&lt;script>/);
  });

  test("a select marks the selected choices and can search a lookup", () => {
    const out = html(
      <SelectField
        name="badges"
        label="Badges"
        multiple
        lookup="/select_lookups/badges/"
        choices={[
          { value: "1", label: "Instructor" },
          { value: "2", label: "Trainer" },
        ]}
        selected={["2"]}
      />,
    );
    assert.match(out, /data-lookup="\/select_lookups\/badges\/"/);
    assert.match(out, /<option value="1">Instructor<\/option>/);
    assert.match(out, /<option value="2" selected>Trainer<\/option>/);
  });

  test("a checkbox keeps its state", () => {
    assert.match(html(<CheckboxField name="is_active" label="Active" checked />), /checked/);
  });
});

describe("list pieces", () => {
  test("a sortable header toggles the order and drops the page", () => {
    const query = new URLSearchParams("order_by=email&page=3&badges=1");
    const out = html(
      <SortableHeader label="Email" field="email" current="email" path="/workshops/persons/" query={query} />,
    );
    assert.match(out, /aria-sort="ascending"/);
    assert.match(out, /href="\/workshops\/persons\/\?order_by=-email&amp;badges=1"/);
  });

  test("an empty table shows its sentence", () => {
    assert.match(
      html(
        <DataTable head={null} rowCount={0} empty="No persons.">
          {null}
        </DataTable>,
      ),
      /No persons\./,
    );
  });

  test("pagination links keep the filters", () => {
    const out = html(
      <PaginationNav
        info={{ page: 2, perPage: 25, totalItems: 80, totalPages: 4, offset: 25 }}
        path="/workshops/persons/"
        query={new URLSearchParams("badges=1&page=2")}
      />,
    );
    assert.match(out, /href="\/workshops\/persons\/\?badges=1&amp;page=3" rel="next"/);
    assert.match(out, /aria-current="page">2</);
  });

  test("a blocked delete lists what blocks it, linked", () => {
    const out = html(
      <BlockedDeletePage
        subject="Ada Lovelace"
        groups={[
          { label: "Tasks", items: [{ text: "2024-01-01-ttt: learner", href: "/workshops/task/1/" }] },
        ]}
        back="/workshops/person/1/"
      />,
    );
    assert.match(out, /<h2 class="h5">Tasks<\/h2>/);
    assert.match(out, /href="\/workshops\/task\/1\/"/);
  });
});
