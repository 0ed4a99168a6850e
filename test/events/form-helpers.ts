import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { event } from "../../src/events/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { curriculum, tag } from "../../src/reference/schema.ts";
import { type Client, csrfTokenIn } from "../helpers/app.ts";

/** Posts a form with repeated keys (multi-selects), the way a browser sends them. */
export async function postForm(
  client: Client,
  url: string,
  fields: Record<string, string | string[]>,
  pageUrl = url,
) {
  const page = await client.get(pageUrl);
  const body = new URLSearchParams({ csrfmiddlewaretoken: csrfTokenIn(page.body) });
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return client.request({
    method: "POST",
    url,
    payload: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

export async function tagId(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: tag.id }).from(tag).where(eq(tag.name, name));
  assert.ok(row, `tag ${name}`);
  return String(row.id);
}

export async function curriculumId(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: curriculum.id }).from(curriculum).where(eq(curriculum.slug, slug));
  assert.ok(row, `curriculum ${slug}`);
  return String(row.id);
}

export async function mixMatchCurriculumId(db: Db): Promise<string> {
  const [row] = await db.select({ id: curriculum.id }).from(curriculum).where(eq(curriculum.mixMatch, true));
  assert.ok(row);
  return String(row.id);
}

export async function administratorId(db: Db, domain = "software-carpentry.org"): Promise<string> {
  const [row] = await db
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.domain, domain));
  assert.ok(row, `administrator ${domain}`);
  return String(row.id);
}

export async function storedEvent(db: Db, slug: string) {
  const [row] = await db.select().from(event).where(eq(event.slug, slug));
  return row;
}

/** The messages shown beside a field on a re-shown form. */
export function fieldErrorsOf(html: string, field: string): string {
  const match = new RegExp(`id="id_${field}_errors"[^>]*>(.*?)</div></div>`, "s").exec(html);
  return match?.[1] ?? "";
}
