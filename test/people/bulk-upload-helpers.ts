import type { LightMyRequestResponse } from "fastify";
import { type Client, csrfTokenIn } from "../helpers/app.ts";

export const UPLOAD = "/workshops/persons/bulk_upload/";
export const CONFIRM = "/workshops/persons/bulk_upload/confirm/";
export const HEADER = "personal,family,email,airport_iata,event,role";

/** Uploads a file the way a browser sends the upload form (multipart, with the page's CSRF token). */
export async function upload(
  client: Client,
  content: string | Uint8Array | undefined,
  filename = "people.csv",
  token?: string,
): Promise<LightMyRequestResponse> {
  const csrf = token ?? csrfTokenIn((await client.get(UPLOAD)).body);
  const boundary = "----amyboundary7MA4YWxkTrZu0gW";
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n${csrf}\r\n`,
    ),
  ];
  if (content !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({
    method: "POST",
    url: UPLOAD,
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
}

/** Posts the confirmation form with repeated cell names, as the page's form sends them. */
export async function postConfirm(
  client: Client,
  cells: Record<string, string[]>,
  button: "verify" | "confirm" | "cancel",
): Promise<LightMyRequestResponse> {
  const page = await client.get(CONFIRM);
  const body = new URLSearchParams({ csrfmiddlewaretoken: csrfTokenIn(page.body), [button]: "1" });
  for (const [name, values] of Object.entries(cells)) for (const value of values) body.append(name, value);
  return client.request({
    method: "POST",
    url: CONFIRM,
    payload: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** The cells the confirmation page shows, by field name, in row order. */
export function cellsOn(html: string): Record<string, string[]> {
  const cells: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    cells[name] = [...(cells[name] ?? []), decode(value)];
  };
  for (const match of html.matchAll(/<input form="bulk-confirm" name="(\w+)" value(?:="([^"]*)")?/g))
    add(match[1] ?? "", match[2] ?? "");
  for (const select of html.matchAll(/<select form="bulk-confirm" name="role"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(select[1] ?? "");
    add("role", selected?.[1] ?? "");
  }
  return cells;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
