import { stringify } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";

/** Sends rows as a CSV download (the first row is the header). */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  rows: readonly (readonly unknown[])[],
): FastifyReply {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`)
    .send(stringify(rows as unknown[][]));
}
