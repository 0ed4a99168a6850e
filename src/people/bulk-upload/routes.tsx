import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { access } from "../../server/access.ts";
import { sendCsv } from "../../server/csv.ts";
import { NotFoundError } from "../../server/errors.ts";
import { flash } from "../../server/render.tsx";
import { saveBatch, verifyBatch } from "./commands.ts";
import { MAX_UPLOAD_BYTES, parseBulkCsv, TEMPLATE_COLUMNS } from "./csv.ts";
import { listRoles } from "./queries.ts";
import {
  applyEdits,
  type BulkRow,
  EDITED_FIELDS,
  type EditedLists,
  hasErrors,
  newBulkRow,
  type VerifiedRow,
} from "./rules.ts";
import { ConfirmPage } from "./views/confirm.tsx";
import { UploadPage } from "./views/upload.tsx";

declare module "fastify" {
  interface Session {
    "bulk-add-people"?: BulkRow[];
  }
}

const UPLOAD = "/workshops/persons/bulk_upload/";
const CONFIRM = "/workshops/persons/bulk_upload/confirm/";
const BULK_ACCESS = access.permission("workshops.add_person", "workshops.change_person");
const NO_DATA = "Could not locate CSV data, please upload again.";
const NO_DATA_FOR_ACTION = "Could not locate CSV data, please try the upload again.";
const FIX_ERRORS = "Please make sure to fix all errors listed below.";

interface UploadedFile {
  filename: string;
  content: Buffer;
}

export async function bulkUploadRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    throwFileSizeLimit: false,
    // One byte over the limit tells an oversized file from one exactly at it.
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5, parts: 10 },
    async onFile(part) {
      const upload: UploadedFile = { filename: part.filename, content: await part.toBuffer() };
      (part as { value?: unknown }).value = upload;
    },
  });
  const config = { access: BULK_ACCESS };

  app.get(UPLOAD, { config }, async (_request, reply) => showUpload(app, reply));

  app.post(UPLOAD, { config }, async (request, reply) => {
    const file = (request.body as { file?: unknown } | undefined)?.file;
    if (!isUploadedFile(file) || (file.filename === "" && file.content.length === 0))
      return showUpload(app, reply, "Choose a CSV file to upload.");
    const parsed = parseBulkCsv(file.content);
    if (!parsed.ok) return showUpload(app, reply, parsed.error);
    const verified = await verifyBatch(app.db, parsed.rows.map(newBulkRow), true);
    request.session["bulk-add-people"] = verified.map((item) => item.row);
    return reply.redirect(CONFIRM, 303);
  });

  app.get(`${UPLOAD}template/`, { config: { access: access.admin } }, async (_request, reply) =>
    sendCsv(reply, "BulkPersonAddTemplate.csv", [TEMPLATE_COLUMNS]),
  );

  app.get(CONFIRM, { config }, async (request, reply) => {
    const rows = storedRows(request);
    if (!rows) return noData(request, reply, NO_DATA);
    return showConfirm(app, reply, await verifyBatch(app.db, rows));
  });

  app.post(CONFIRM, { config }, async (request, reply) => {
    const stored = storedRows(request);
    if (!stored) return noData(request, reply, NO_DATA);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const rows = applyEdits(stored, editedLists(body));
    if ("verify" in body) return verifyAndShow(app, request, reply, rows);
    if ("confirm" in body && !("cancel" in body)) return confirmAndSave(app, request, reply, rows);
    request.session["bulk-add-people"] = undefined;
    flash(request, "info", "The uploaded rows were discarded; nothing was saved.");
    return reply.redirect(UPLOAD, 303);
  });

  app.post<{ Params: { n: string } }>(`${UPLOAD}:n/remove/`, { config }, async (request, reply) =>
    changeRow(request, reply, (rows, index) => rows.filter((_row, at) => at !== index)),
  );

  app.post<{ Params: { n: string; pid: string } }>(
    `${UPLOAD}:n/match_person/:pid`,
    { config },
    async (request, reply) => {
      const personId = Number(request.params.pid);
      if (!/^\d{1,9}$/.test(request.params.pid) || personId === 0) throw new NotFoundError();
      return changeRow(request, reply, (rows, index) =>
        rows.map((row, at) => (at === index ? { ...row, existingPersonId: personId } : row)),
      );
    },
  );

  app.post<{ Params: { n: string } }>(`${UPLOAD}:n/match_person/`, { config }, async (request, reply) =>
    // The matched person's username goes too, so the new person gets one of their own.
    changeRow(request, reply, (rows, index) =>
      rows.map((row, at) => (at === index ? { ...row, existingPersonId: 0, username: "" } : row)),
    ),
  );
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).content);
}

function storedRows(request: FastifyRequest): BulkRow[] | undefined {
  const rows = request.session["bulk-add-people"];
  return rows && rows.length > 0 ? rows : undefined;
}

function noData(request: FastifyRequest, reply: FastifyReply, message: string) {
  flash(request, "warning", message);
  return reply.redirect(UPLOAD, request.method === "GET" ? 302 : 303);
}

function editedLists(body: Record<string, unknown>): EditedLists {
  const lists: EditedLists = {};
  for (const field of EDITED_FIELDS) {
    const value = body[field];
    if (typeof value === "string") lists[field] = [value];
    else if (Array.isArray(value)) lists[field] = value.filter((item) => typeof item === "string");
  }
  return lists;
}

async function showUpload(app: FastifyInstance, reply: FastifyReply, error?: string) {
  const roles = await listRoles(app.db);
  return reply.page("Bulk upload of persons and tasks", <UploadPage roles={roles} error={error} />);
}

async function showConfirm(app: FastifyInstance, reply: FastifyReply, verified: VerifiedRow[]) {
  const roles = await listRoles(app.db);
  return reply.page(
    "Review the uploaded persons and tasks",
    <ConfirmPage rows={verified} roleNames={roles.map((role) => role.name)} />,
  );
}

async function verifyAndShow(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  rows: BulkRow[],
) {
  const verified = await verifyBatch(app.db, rows);
  request.session["bulk-add-people"] = verified.map((item) => item.row);
  if (hasErrors(verified)) flash(request, "error", FIX_ERRORS);
  return showConfirm(app, reply, verified);
}

async function confirmAndSave(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  rows: BulkRow[],
) {
  if (!request.user) throw new Error("the access rule lets only logged-in admins here");
  const outcome = await saveBatch(app.db, rows, { id: request.user.id });
  if (!outcome.ok) {
    request.session["bulk-add-people"] = outcome.verified.map((item) => item.row);
    flash(request, "error", `Error saving data to the database: ${outcome.details}. ${FIX_ERRORS}`);
    return showConfirm(app, reply, outcome.verified);
  }
  request.session["bulk-add-people"] = undefined;
  flash(request, "success", `Successfully created ${outcome.persons} persons and ${outcome.tasks} tasks.`);
  return reply.redirect(UPLOAD, 303);
}

/** Applies a change to the stored rows when row `n` exists; the page then shows them again. */
function changeRow(
  request: FastifyRequest<{ Params: { n: string } }>,
  reply: FastifyReply,
  change: (rows: BulkRow[], index: number) => BulkRow[],
) {
  if (!/^\d{1,6}$/.test(request.params.n)) throw new NotFoundError();
  const rows = storedRows(request);
  if (!rows) return noData(request, reply, NO_DATA_FOR_ACTION);
  const index = Number(request.params.n);
  if (index >= rows.length) flash(request, "error", `Could not find specified entry #${index}`);
  else request.session["bulk-add-people"] = change(rows, index);
  return reply.redirect(CONFIRM, 303);
}
