import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { access, hasPermission } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { parseForm, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { columnValues, formSchema, formValues } from "./forms.ts";
import {
  countRows,
  fieldOfConstraint,
  findRow,
  isRetired,
  listRows,
  type ReferenceRow,
  saveRow,
  setRetired,
  takenUniqueFields,
} from "./queries.ts";
import { parseRowId, violatedUniqueConstraint } from "./rules.ts";
import {
  ALL_REFERENCE_TABLES,
  basePath,
  listPath,
  permissionOf,
  type ReferenceTable,
  rowPath,
} from "./tables.ts";
import { ReferenceFormPage } from "./views/form.tsx";
import { ReferenceIndexPage } from "./views/index-page.tsx";
import { ReferenceListPage } from "./views/list.tsx";

type IdParams = { Params: { id: string } };
type Query = { Querystring: Record<string, unknown> };

const addPermission = (spec: ReferenceTable) => permissionOf(spec, "add");
const changePermission = (spec: ReferenceTable) => permissionOf(spec, "change");
const may = (request: FastifyRequest, permission: string) =>
  request.user !== null && hasPermission(request.user, permission);
const labelOf = (spec: ReferenceTable, row: ReferenceRow) => String(row[spec.display] ?? "");

export async function referenceRoutes(app: FastifyInstance) {
  app.get("/reference/", { config: { access: access.admin } }, async (request, reply) => {
    const tables = [];
    for (const spec of ALL_REFERENCE_TABLES) {
      tables.push({ spec, ...(await countRows(app.db, spec)), canAdd: may(request, addPermission(spec)) });
    }
    return reply.page("Reference data", <ReferenceIndexPage tables={tables} />);
  });
  for (const spec of ALL_REFERENCE_TABLES) tableRoutes(app, spec);
}

function tableRoutes(app: FastifyInstance, spec: ReferenceTable) {
  const base = basePath(spec);
  const canAdd = { config: { access: access.permission(addPermission(spec)) } };
  const canChange = { config: { access: access.permission(changePermission(spec)) } };

  const loadRow = async (param: string): Promise<ReferenceRow> => {
    const id = parseRowId(param, spec.idKind);
    const row = id === undefined ? undefined : await findRow(app.db, spec, id);
    if (!row) throw new NotFoundError(`There is no ${spec.singular} with this id.`);
    return row;
  };

  const showForm = (
    reply: FastifyReply,
    options: { values: Record<string, string>; errors?: FieldErrors; existing?: ReferenceRow },
  ) => {
    const { existing } = options;
    const label = existing ? labelOf(spec, existing) : "";
    return reply.page(
      existing ? `Edit the ${spec.singular} “${label}”` : `Add a ${spec.singular}`,
      <ReferenceFormPage
        spec={spec}
        action={existing ? rowPath(spec, existing.id, "edit") : `${base}add/`}
        values={options.values}
        errors={options.errors}
        existing={existing && { id: existing.id, label, retired: isRetired(spec, existing) }}
      />,
    );
  };

  /** Validates and saves a submission; bad input re-shows the form with its errors and saves nothing. */
  const save = async (request: FastifyRequest, reply: FastifyReply, existing?: ReferenceRow) => {
    const form = parseForm(formSchema(spec.fields), request.body);
    const rejected = (errors: FieldErrors) => {
      flash(request, "error", "Please correct the errors below.");
      return showForm(reply, { values: submittedValues(request.body), errors, existing });
    };
    if (!form.ok) return rejected(form.errors);
    const values = columnValues(spec.fields, form.data);
    const taken = await takenUniqueFields(app.db, spec, values, existing?.id);
    if (taken.length > 0) return rejected(uniqueErrors(spec, taken));
    let saved: ReferenceRow;
    try {
      saved = await saveRow(app.db, spec, values, existing?.id);
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === undefined) throw error;
      const field = fieldOfConstraint(spec, constraint);
      return rejected(
        field
          ? uniqueErrors(spec, [field])
          : { __all__: [`This ${spec.singular} clashes with another one.`] },
      );
    }
    flash(
      request,
      "success",
      `The ${spec.singular} “${labelOf(spec, saved)}” was ${existing ? "saved" : "added"}.`,
    );
    return reply.redirect(listPath(spec), 303);
  };

  if (!spec.listElsewhere) {
    app.get<Query>(base, { config: { access: access.admin } }, async (request, reply) => {
      const counts = await countRows(app.db, spec);
      const info = resolvePage(parsePageRequest(request.query), counts.all);
      const rows = await listRows(app.db, spec, { limit: info.perPage, offset: info.offset });
      return reply.page(
        spec.title,
        <ReferenceListPage
          spec={spec}
          rows={rows.map((row) => ({ row, label: labelOf(spec, row), retired: isRetired(spec, row) }))}
          info={info}
          query={new URLSearchParams(request.url.split("?")[1] ?? "")}
          canAdd={may(request, addPermission(spec))}
          canChange={may(request, changePermission(spec))}
        />,
      );
    });
  }

  app.get(`${base}add/`, canAdd, async (_request, reply) =>
    showForm(reply, { values: formValues(spec.fields, {}) }),
  );
  app.post(`${base}add/`, canAdd, async (request, reply) => save(request, reply));

  app.get<IdParams>(`${base}:id/edit/`, canChange, async (request, reply) => {
    const existing = await loadRow(request.params.id);
    return showForm(reply, { values: formValues(spec.fields, existing), existing });
  });
  app.post<IdParams>(`${base}:id/edit/`, canChange, async (request, reply) =>
    save(request, reply, await loadRow(request.params.id)),
  );

  if (spec.retire === "none") return;
  for (const retired of [true, false]) {
    app.post<IdParams>(`${base}:id/${retired ? "retire" : "restore"}/`, canChange, async (request, reply) => {
      const row = await loadRow(request.params.id);
      await setRetired(app.db, spec, row.id, retired);
      const outcome = retired ? "retired: it is no longer offered in forms" : "restored";
      flash(request, "success", `The ${spec.singular} “${labelOf(spec, row)}” was ${outcome}.`);
      return reply.redirect(spec.listElsewhere ? rowPath(spec, row.id, "edit") : base, 303);
    });
  }
}

function uniqueErrors(spec: ReferenceTable, fieldNames: readonly string[]): FieldErrors {
  return Object.fromEntries(
    fieldNames.map((name) => {
      const label = spec.fields.find((field) => field.name === name)?.label.toLowerCase() ?? name;
      return [name, [`Another ${spec.singular} already has this ${label}.`]];
    }),
  );
}
