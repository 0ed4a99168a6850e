/** Reading the uploaded CSV of persons and tasks: decoding, limits and the header's columns. */
import { CsvError, parse } from "csv-parse/sync";

/** The confirmation page posts every row back, so a file must fit the form body limit with room to spare. */
export const MAX_UPLOAD_BYTES = 100 * 1024;
export const MAX_UPLOAD_ROWS = 1000;
export const REQUIRED_COLUMNS = ["personal", "family", "email"] as const;
export const TEMPLATE_COLUMNS = [...REQUIRED_COLUMNS, "airport_iata", "event", "role"] as const;

type Column = (typeof TEMPLATE_COLUMNS)[number];

export interface UploadedRow {
  personal: string;
  family: string;
  email: string;
  airportIata: string;
  event: string;
  role: string;
}

export type CsvResult = { ok: true; rows: UploadedRow[] } | { ok: false; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Rows are numbered as a spreadsheet shows them: the header is row 1. */
export function parseBulkCsv(content: Uint8Array): CsvResult {
  if (content.length > MAX_UPLOAD_BYTES)
    return fail(
      `The file is larger than ${MAX_UPLOAD_BYTES / 1024} KiB. Please split it into smaller files.`,
    );
  const text = decodeUtf8(content);
  if (text === undefined) return fail("Please provide a file in utf-8 encoding.");
  if (text.trim() === "")
    return fail("The file is empty. It needs a header row and at least one row of data.");
  const records = parseRecords(text);
  if (!records.ok) return records;
  const [header = [], ...data] = records.rows;
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    return fail(`The following required fields were not found in the uploaded file: ${missing.join(", ")}`);
  return readRows(header, data);
}

function fail(error: string): CsvResult {
  return { ok: false, error };
}

/** UTF-8 with or without a byte-order mark; undefined when the bytes are not UTF-8. */
function decodeUtf8(content: Uint8Array): string | undefined {
  const hasBom = UTF8_BOM.every((byte, index) => content[index] === byte);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(hasBom ? content.subarray(3) : content);
  } catch {
    return undefined;
  }
}

function parseRecords(text: string): { ok: true; rows: string[][] } | { ok: false; error: string } {
  try {
    const rows = parse(text, {
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as string[][];
    return { ok: true, rows };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { records?: number }).records ?? 0;
    return { ok: false, error: `Error processing uploaded .CSV file: row ${row + 1}: ${error.message}` };
  }
}

function readRows(header: string[], data: string[][]): CsvResult {
  const rows: UploadedRow[] = [];
  for (const [index, cells] of data.entries()) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const rowNumber = index + 2;
    if (cells.length < header.length) {
      const column = header[cells.length];
      return fail(
        `Row ${rowNumber}, column ${column}: the row has ${cells.length} cells but the header has ${header.length}.`,
      );
    }
    rows.push(rowFromCells(header, cells));
    if (rows.length > MAX_UPLOAD_ROWS)
      return fail(`The file has more than ${MAX_UPLOAD_ROWS} rows. Please split it into smaller files.`);
  }
  if (rows.length === 0) return fail("The file has a header row but no rows of data.");
  return { ok: true, rows };
}

function rowFromCells(header: string[], cells: string[]): UploadedRow {
  const cell = (column: Column) => {
    const index = header.indexOf(column);
    return index === -1 ? "" : (cells[index] ?? "").trim();
  };
  return {
    personal: cell("personal"),
    family: cell("family"),
    email: cell("email").toLowerCase(),
    airportIata: cell("airport_iata"),
    event: cell("event"),
    role: cell("role"),
  };
}
