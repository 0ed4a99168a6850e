import { parse } from "yaml";

// The YAML front matter of a workshop's index.md. Only a mapping's scalar and list-of-scalar values
// are kept (as text); a nested mapping or anything else is dropped, and a block that is not a
// mapping, or not valid YAML, is rejected as a whole.

export type FrontMatterValue = string | string[] | null;

export class FrontMatterError extends Error {}

/** The front matter between the first two `---` lines, or undefined when there is none. */
export function frontMatterBlock(text: string): string | undefined {
  const parts = text.replace(/^\uFEFF/, "").split(/^---[ \t]*\r?$/m);
  return parts.length >= 3 ? parts[1] : undefined;
}

/** Parses the block; throws FrontMatterError when it is not a YAML mapping. */
export function parseFrontMatter(block: string): Map<string, FrontMatterValue> {
  let document: unknown;
  try {
    // Plain data only: no custom tags, no aliases expanded past a small limit.
    document = parse(block, { schema: "core", maxAliasCount: 10, uniqueKeys: false });
  } catch (error) {
    throw new FrontMatterError(error instanceof Error ? error.message : "not valid YAML", { cause: error });
  }
  if (document === null || typeof document !== "object" || Array.isArray(document))
    throw new FrontMatterError("the front matter is not a mapping of keys to values");
  const values = new Map<string, FrontMatterValue>();
  for (const [key, value] of Object.entries(document)) {
    const text = asText(value);
    if (text !== undefined) values.set(key, text);
  }
  return values;
}

function asText(value: unknown): FrontMatterValue | undefined {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) {
    const items = value.map(asText);
    return items.every((item): item is string => typeof item === "string") ? items : undefined;
  }
  return undefined;
}
