import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { h, type VNode } from "preact";
import {
  FORMSET_ABSOLUTE_MAX,
  markDuplicates,
  NOT_EDITABLE_MESSAGE,
  type PostedRow,
  parseFormset,
  planFormset,
  planIsValid,
  REQUIRED_MESSAGE,
  rowsToShow,
  STALE_ROW_MESSAGE,
  type StoredRow,
  TAMPERED_MESSAGE,
  wantsAnotherRow,
} from "../../src/ui/formset.ts";
import { AddRowButton, type FormsetCell, FormsetSelect, FormsetTable } from "../../src/ui/formset-table.tsx";
import { renderInPage } from "../helpers/render.tsx";

const FIELDS = ["organization", "role"] as const;

function management(total: number, initial: number) {
  return {
    "form-TOTAL_FORMS": String(total),
    "form-INITIAL_FORMS": String(initial),
    "form-MIN_NUM_FORMS": "0",
    "form-MAX_NUM_FORMS": "1000",
  };
}

function parsed(body: Record<string, unknown>): PostedRow[] {
  const result = parseFormset(body, { fields: FIELDS });
  if (!result.ok) throw new Error(result.error);
  return result.rows;
}

const stored: StoredRow[] = [
  { id: "10", values: { organization: "1", role: "1" } },
  { id: "11", values: { organization: "2", role: "1" } },
];

function row(
  index: number,
  values: Partial<PostedRow> & { organization?: string; role?: string },
): PostedRow {
  return {
    index,
    initial: values.initial ?? false,
    id: values.id ?? "",
    editable: values.editable ?? false,
    delete: values.delete ?? false,
    values: { organization: values.organization ?? "", role: values.role ?? "" },
  };
}

describe("reading a posted formset", () => {
  test("reads each row's fields, id, EDITABLE and DELETE, trimming the values", () => {
    const rows = parsed({
      ...management(2, 1),
      "form-0-id": "10",
      "form-0-organization": " 1 ",
      "form-0-role": "1",
      "form-0-DELETE": "on",
      "form-1-organization": "3",
      "form-1-role": "2",
      "form-1-EDITABLE": "on",
      "form-1-membership": "999",
    });
    assert.deepEqual(rows, [
      {
        index: 0,
        initial: true,
        id: "10",
        editable: false,
        delete: true,
        values: { organization: "1", role: "1" },
      },
      {
        index: 1,
        initial: false,
        id: "",
        editable: true,
        delete: false,
        values: { organization: "3", role: "2" },
      },
    ]);
  });

  test("reads a checkbox posted as 'false' or empty as unticked, anything else as ticked", () => {
    const rows = parsed({
      ...management(3, 0),
      "form-0-EDITABLE": "false",
      "form-1-EDITABLE": "",
      "form-2-EDITABLE": "True",
    });
    assert.deepEqual(
      rows.map((r) => r.editable),
      [false, false, true],
    );
  });

  test("takes the first value of a repeated field", () => {
    const rows = parsed({ ...management(1, 0), "form-0-organization": ["4", "5"] });
    assert.equal(rows[0]?.values.organization, "4");
  });

  test("refuses a post without management data", () => {
    assert.deepEqual(parseFormset({ "form-0-organization": "1" }, { fields: FIELDS }), {
      ok: false,
      error: TAMPERED_MESSAGE,
    });
    assert.equal(
      parseFormset({ ...management(1, 0), "form-TOTAL_FORMS": "-1" }, { fields: FIELDS }).ok,
      false,
    );
    assert.equal(
      parseFormset({ ...management(1, 0), "form-INITIAL_FORMS": "x" }, { fields: FIELDS }).ok,
      false,
    );
    assert.equal(parseFormset(undefined, { fields: FIELDS }).ok, false);
  });

  test("refuses more rows than the absolute maximum before reading any", () => {
    const result = parseFormset(management(FORMSET_ABSOLUTE_MAX + 1, 0), { fields: FIELDS });
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.error, /at most 1000 rows/);
    assert.equal(parseFormset(management(999_999_999, 0), { fields: FIELDS }).ok, false);
    assert.equal(parseFormset(management(FORMSET_ABSOLUTE_MAX, 0), { fields: FIELDS }).ok, true);
    assert.equal(parseFormset(management(3, 0), { fields: FIELDS, absoluteMax: 2 }).ok, false);
  });

  test("uses another prefix when told", () => {
    const result = parseFormset(
      { "owners-TOTAL_FORMS": "1", "owners-INITIAL_FORMS": "0", "owners-0-person": "7" },
      { fields: ["person"], prefix: "owners" },
    );
    assert.equal(result.ok && result.rows[0]?.values.person, "7");
  });

  test("knows the Add another button", () => {
    assert.equal(wantsAnotherRow({ add_row: "1" }), true);
    assert.equal(wantsAnotherRow({ save: "1" }), false);
    assert.equal(wantsAnotherRow(undefined), false);
  });
});

describe("the EDITABLE rule", () => {
  const options = { fields: FIELDS, canDelete: true };

  test("leaves an unchanged stored row alone, EDITABLE or not", () => {
    const plan = planFormset(
      [row(0, { initial: true, id: "10", organization: "1", role: "1" })],
      stored,
      options,
    );
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, []);
  });

  test("refuses a changed stored row not marked EDITABLE", () => {
    const plan = planFormset(
      [row(0, { initial: true, id: "10", organization: "3", role: "1" })],
      stored,
      options,
    );
    assert.equal(planIsValid(plan), false);
    assert.deepEqual(plan.rowErrors.get(0)?.row, [NOT_EDITABLE_MESSAGE]);
  });

  test("updates a changed stored row marked EDITABLE", () => {
    const plan = planFormset(
      [row(0, { initial: true, id: "10", organization: "3", role: "1", editable: true })],
      stored,
      options,
    );
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, [
      {
        kind: "update",
        index: 0,
        id: "10",
        values: { organization: "3", role: "1" },
        before: { organization: "1", role: "1" },
      },
    ]);
  });

  test("refuses a new row with content not marked EDITABLE", () => {
    const plan = planFormset([row(0, { organization: "3", role: "1" })], stored, options);
    assert.deepEqual(plan.rowErrors.get(0)?.row, [NOT_EDITABLE_MESSAGE]);
  });

  test("ignores a blank new row, even marked EDITABLE or DELETE", () => {
    const plan = planFormset(
      [row(0, { editable: true }), row(1, { delete: true }), row(2, {})],
      stored,
      options,
    );
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, []);
  });

  test("creates a new row marked EDITABLE", () => {
    const plan = planFormset([row(0, { organization: "3", role: "2", editable: true })], stored, options);
    assert.deepEqual(plan.changes, [{ kind: "create", index: 0, values: { organization: "3", role: "2" } }]);
  });

  test("deletes a row marked DELETE whatever its EDITABLE and other values say", () => {
    const plan = planFormset(
      [row(0, { initial: true, id: "10", organization: "", role: "zzz", delete: true })],
      stored,
      options,
    );
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, [
      { kind: "delete", index: 0, id: "10", before: { organization: "1", role: "1" } },
    ]);
  });

  test("ignores DELETE where deleting is not allowed, so the row is judged as any other", () => {
    const plan = planFormset(
      [row(0, { initial: true, id: "10", organization: "1", role: "1", delete: true })],
      stored,
      { ...options, canDelete: false },
    );
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, []);
  });

  test("requires every field of a changed row", () => {
    const plan = planFormset([row(0, { organization: "3", editable: true })], stored, options);
    assert.deepEqual(plan.rowErrors.get(0)?.fields, { role: [REQUIRED_MESSAGE] });
    const relaxed = planFormset([row(0, { organization: "3", editable: true })], stored, {
      ...options,
      optional: ["role"],
    });
    assert.ok(planIsValid(relaxed));
  });

  test("refuses a stored row id that is not one of the parent's rows, or given twice", () => {
    const plan = planFormset(
      [
        row(0, { initial: true, id: "99", organization: "1", role: "1" }),
        row(1, { initial: true, id: "10", organization: "1", role: "1" }),
        row(2, { initial: true, id: "10", organization: "1", role: "1" }),
      ],
      stored,
      options,
    );
    assert.deepEqual(plan.rowErrors.get(0)?.row, [STALE_ROW_MESSAGE]);
    assert.equal(plan.rowErrors.has(1), false);
    assert.deepEqual(plan.rowErrors.get(2)?.row, [STALE_ROW_MESSAGE]);
  });

  test("quietly skips deleting a row that is already gone", () => {
    const plan = planFormset([row(0, { initial: true, id: "99", delete: true })], stored, options);
    assert.ok(planIsValid(plan));
    assert.deepEqual(plan.changes, []);
  });
});

describe("row limits", () => {
  test("counts the rows as they will be: stored ones kept, new ones added, deleted ones gone", () => {
    const options = { fields: FIELDS, canDelete: true, maxRows: 2 };
    const add = row(0, { organization: "3", role: "1", editable: true });
    assert.deepEqual(planFormset([add], stored, options).formErrors, ["At most 2 rows are allowed."]);
    const swap = [row(0, { initial: true, id: "10", delete: true }), { ...add, index: 1 }];
    assert.deepEqual(planFormset(swap, stored, options).formErrors, []);
  });

  test("counts stored rows missing from the post, so a crafted post cannot get past the maximum", () => {
    const plan = planFormset(
      [row(0, { organization: "3", role: "1", editable: true })],
      [stored[0] as StoredRow],
      {
        fields: FIELDS,
        canDelete: false,
        maxRows: 1,
      },
    );
    assert.deepEqual(plan.formErrors, ["At most 1 row is allowed."]);
  });

  test("checks a minimum", () => {
    const plan = planFormset([], [], { fields: FIELDS, canDelete: true, minRows: 1 });
    assert.deepEqual(plan.formErrors, ["At least 1 row is needed."]);
  });
});

describe("duplicates", () => {
  const options = { fields: FIELDS, canDelete: true };
  const DUPLICATE = "Already there.";

  test("marks a new row repeating a stored row", () => {
    const plan = planFormset([row(0, { organization: "1", role: "1", editable: true })], stored, options);
    markDuplicates(plan, FIELDS, DUPLICATE);
    assert.deepEqual(plan.rowErrors.get(0)?.row, [DUPLICATE]);
  });

  test("marks the second of two equal new rows", () => {
    const plan = planFormset(
      [
        row(0, { organization: "5", role: "1", editable: true }),
        row(1, { organization: "5", role: "1", editable: true }),
      ],
      stored,
      options,
    );
    markDuplicates(plan, FIELDS, DUPLICATE);
    assert.equal(plan.rowErrors.has(0), false);
    assert.deepEqual(plan.rowErrors.get(1)?.row, [DUPLICATE]);
  });

  test("accepts the same organisation with another role", () => {
    const plan = planFormset([row(0, { organization: "1", role: "2", editable: true })], stored, options);
    markDuplicates(plan, FIELDS, DUPLICATE);
    assert.ok(planIsValid(plan));
  });

  test("does not count a row against itself, and lets a deleted row's values be added again", () => {
    const plan = planFormset(
      [
        row(0, { initial: true, id: "10", organization: "1", role: "1", delete: true }),
        row(1, { initial: true, id: "11", organization: "2", role: "1" }),
        row(2, { organization: "1", role: "1", editable: true }),
      ],
      stored,
      options,
    );
    markDuplicates(plan, FIELDS, DUPLICATE);
    assert.ok(planIsValid(plan));
  });

  test("marks a changed row taking another stored row's values, even when that one changes too", () => {
    const plan = planFormset(
      [
        row(0, { initial: true, id: "10", organization: "2", role: "1", editable: true }),
        row(1, { initial: true, id: "11", organization: "1", role: "1", editable: true }),
      ],
      stored,
      options,
    );
    markDuplicates(plan, FIELDS, DUPLICATE);
    assert.equal(planIsValid(plan), false);
  });
});

describe("rows to show", () => {
  test("lists the stored rows first, then blank new rows", () => {
    const rows = rowsToShow(stored, 1, FIELDS);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => [r.initial, r.id, r.editable]),
      [
        [true, "10", false],
        [true, "11", false],
        [false, "", true],
      ],
    );
    assert.deepEqual(rows[2]?.values, { organization: "", role: "" });
  });
});

describe("the formset table", () => {
  const columns = [
    {
      field: "organization",
      label: "Organisation",
      render: (cell: FormsetCell) =>
        h(FormsetSelect, {
          cell,
          choices: [{ value: "1", label: "Alpha" }],
          lookup: "/select_lookups/organizations/",
        }),
    },
  ];

  test("carries the management fields, each row's id and parent, and EDITABLE hidden on new rows", () => {
    const out = renderInPage(
      h(FormsetTable, {
        caption: "Members",
        columns,
        rows: rowsToShow([{ id: "10", values: { organization: "1" } }], 1, ["organization"]),
        canDelete: true,
        parent: { field: "membership", value: "7" },
        maxRows: 1,
      }) as VNode,
    );
    assert.match(out, /name="form-TOTAL_FORMS" value="2"/);
    assert.match(out, /name="form-INITIAL_FORMS" value="1"/);
    assert.match(out, /name="form-MIN_NUM_FORMS" value="0"/);
    assert.match(out, /name="form-MAX_NUM_FORMS" value="1"/);
    assert.match(out, /name="form-0-id" value="10"/);
    assert.match(out, /name="form-0-membership" value="7"/);
    assert.match(out, /type="checkbox"[^>]*name="form-0-EDITABLE"/);
    assert.match(out, /type="checkbox"[^>]*name="form-0-DELETE"/);
    assert.match(out, /type="hidden" name="form-1-EDITABLE" value="on"/);
    assert.doesNotMatch(out, /name="form-1-DELETE"/);
    assert.match(out, /<option value="1" selected>Alpha<\/option>/);
    assert.match(out, /data-lookup="\/select_lookups\/organizations\/"/);
    assert.match(
      out,
      /<label class="visually-hidden" for="id_form-1-organization">Organisation \(row 2\)<\/label>/,
    );
  });

  test("shows row errors and field errors beside their row, and formset errors above", () => {
    const out = renderInPage(
      h(FormsetTable, {
        caption: "Members",
        columns,
        rows: rowsToShow([], 1, ["organization"]),
        canDelete: false,
        errors: new Map([[0, { row: ["Bad row."], fields: { organization: ["Pick one."] } }]]),
        formErrors: ["Too many."],
      }) as VNode,
    );
    assert.match(out, /Row 1: Bad row\./);
    assert.match(out, /id="id_form-0-organization_errors"[^>]*><div>Pick one\.<\/div>/);
    assert.match(out, /aria-describedby="id_form-0_errors id_form-0-organization_errors"/);
    assert.match(out, /role="alert"[^>]*><p class="mb-0">Too many\.<\/p>/);
    assert.doesNotMatch(out, /<th scope="col">Delete<\/th>/);
  });

  test("adds a row through a plain submit button", () => {
    const out = renderInPage(h(AddRowButton, { label: "Add another" }) as VNode);
    assert.match(out, /<button type="submit" name="add_row" value="1"[^>]*>Add another<\/button>/);
  });
});
