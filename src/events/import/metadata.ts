import { FrontMatterError, frontMatterBlock, parseFrontMatter } from "./front-matter.ts";

// A workshop website's metadata: read from its HTML <meta> tags or the YAML front matter of its
// index.md, then turned into event form values. Everything stays plain text; nothing is rendered.

export const METADATA_KEYS = [
  "slug",
  "startdate",
  "enddate",
  "country",
  "venue",
  "address",
  "latlng",
  "lat",
  "lng",
  "language",
  "eventbrite",
  "instructor",
  "helper",
  "contact",
] as const;

export type MetadataKey = (typeof METADATA_KEYS)[number];
export type RawMetadata = Partial<Record<MetadataKey, string>>;

const KEYS: ReadonlySet<string> = new Set(METADATA_KEYS);

function isMetadataKey(name: string): name is MetadataKey {
  return KEYS.has(name);
}

/** The workshop <meta name=… content=…> tags of an HTML page (comments and scripts skipped). */
export function metaTagMetadata(html: string): RawMetadata {
  const metadata: RawMetadata = {};
  const visible = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "");
  for (const tag of visible.matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attributes = parseAttributes(tag[1] ?? "");
    const name = attributes.get("name")?.trim().toLowerCase();
    const content = attributes.get("content");
    if (name && content !== undefined && isMetadataKey(name)) metadata[name] = content;
  }
  return metadata;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/**
 * The workshop keys of a page's YAML front matter: lists joined with `|`, nulls dropped. Undefined
 * when the page has no front matter or it cannot be read.
 */
export function frontMatterMetadata(text: string): RawMetadata | undefined {
  const block = frontMatterBlock(text);
  if (block === undefined) return undefined;
  let values: ReturnType<typeof parseFrontMatter>;
  try {
    values = parseFrontMatter(block);
  } catch (error) {
    if (error instanceof FrontMatterError) return undefined;
    throw error;
  }
  const metadata: RawMetadata = {};
  for (const [key, value] of values) {
    if (!isMetadataKey(key) || value === null) continue;
    metadata[key] = Array.isArray(value) ? value.join("|") : value;
  }
  return metadata;
}

export function isEmpty(metadata: RawMetadata | undefined): boolean {
  return metadata === undefined || Object.keys(metadata).length === 0;
}

/** Event form values (by form field name) from raw metadata, with the strict parsing of the spec. */
export function eventFormValues(metadata: RawMetadata, url: string): Record<string, string> {
  const [latitude, longitude] = coordinates(metadata);
  const instructors = listOf(metadata.instructor);
  const helpers = listOf(metadata.helper);
  return {
    slug: metadata.slug ?? "",
    start: isoDate(metadata.startdate),
    end: isoDate(metadata.enddate),
    country: twoLetterCode(metadata.country),
    venue: metadata.venue ?? "",
    address: metadata.address ?? "",
    latitude: latitude ?? "",
    longitude: longitude ?? "",
    reg_key: /^\s*\d+\s*$/.test(metadata.eventbrite ?? "")
      ? String(Number.parseInt(metadata.eventbrite ?? "", 10))
      : "",
    url,
    contact: listOf(metadata.contact).join(";"),
    comment: `INSTRUCTORS: ${instructors.join(", ")}\n\nHELPERS: ${helpers.join(", ")}`,
  };
}

function listOf(value: string | undefined): string[] {
  return (value ?? "")
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function twoLetterCode(value: string | undefined): string {
  return value && value.length >= 2 ? value.slice(0, 2).toUpperCase() : "";
}

/** A real calendar date written YYYY-MM-DD, or "". */
function isoDate(value: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value?.trim() ?? "");
  if (!match) return "";
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? match[0] : "";
}

function coordinates(metadata: RawMetadata): [string | undefined, string | undefined] {
  if (metadata.lat !== undefined && metadata.lng !== undefined)
    return [number(metadata.lat), number(metadata.lng)];
  const [lat, lng] = splitOnce(metadata.latlng ?? "", ",");
  return [number(lat), number(lng)];
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function number(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? "";
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  return String(Number.parseFloat(trimmed));
}
