// Pure rules of the history: what a version stores, which two versions to compare, and how they differ.

/** Never written to the history, whatever a caller passes: the primary key and secrets. */
const NOT_RECORDED = new Set(["id", "password"]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The fields as a version stores them: JSON values, without the primary key or the password. */
export function snapshotOf(fields: Record<string, unknown>): Record<string, Json> {
  const snapshot: Record<string, Json> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!NOT_RECORDED.has(name)) snapshot[name] = toJson(value);
  }
  return snapshot;
}

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  }
  if (typeof value === "bigint") return value.toString();
  return value as Json;
}

/** django-reversion's "json" format: Django's serializer output for one object. */
export function serializeVersion(model: string, pk: string, fields: Record<string, unknown>): string {
  return JSON.stringify([{ model, pk, fields: snapshotOf(fields) }]);
}

/** The fields of a stored version; an unreadable one counts as having none. */
export function parseVersionFields(serialized: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(serialized);
    const fields = Array.isArray(parsed)
      ? (parsed[0] as { fields?: unknown } | undefined)?.fields
      : undefined;
    return fields && typeof fields === "object" && !Array.isArray(fields)
      ? (fields as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export interface Comparison {
  older: number;
  newer: number;
  /** The requested version is the object's first: there is nothing older to compare with. */
  isNew: boolean;
  /** The ids asked for were not numbers: the default comparison is shown instead. */
  badIds: boolean;
}

/**
 * Which two versions of an object to compare. By default the requested one and the one before it;
 * `version_id1` and `version_id2` choose others (in either order). `"not-found"` when a chosen id is
 * not a version of this object.
 */
export function chooseComparison(
  versionIds: readonly number[],
  requested: number,
  query: { version_id1?: unknown; version_id2?: unknown },
): Comparison | "not-found" {
  const asked = [query.version_id1, query.version_id2];
  if (asked.every((value) => value === undefined)) return defaultComparison(versionIds, requested, false);
  const ids = asked.map(versionIdOf);
  if (ids.some((id) => id === undefined)) return defaultComparison(versionIds, requested, true);
  const [first, second] = ids as [number, number];
  if (!versionIds.includes(first) || !versionIds.includes(second)) return "not-found";
  return { older: Math.min(first, second), newer: Math.max(first, second), isNew: false, badIds: false };
}

function defaultComparison(versionIds: readonly number[], requested: number, badIds: boolean): Comparison {
  const previous = Math.max(...versionIds.filter((id) => id < requested));
  if (!Number.isFinite(previous)) return { older: requested, newer: requested, isNew: true, badIds };
  return { older: previous, newer: requested, isNew: false, badIds };
}

function versionIdOf(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export interface DiffPart {
  text: string;
  mark?: "removed" | "added";
}

export interface ListItem {
  text: string;
  change: "same" | "added" | "removed";
}

export type FieldDiff =
  | { kind: "text"; field: string; label: string; changed: boolean; before: DiffPart[]; after: DiffPart[] }
  | { kind: "list"; field: string; label: string; changed: boolean; items: ListItem[] };

/** One row per field of either version (never the primary key), in the newer version's order. */
export function diffFields(older: Record<string, unknown>, newer: Record<string, unknown>): FieldDiff[] {
  const names = [...new Set([...Object.keys(newer), ...Object.keys(older)])].filter(
    (name) => !NOT_RECORDED.has(name),
  );
  return names.map((field) => {
    const before = older[field];
    const after = newer[field];
    const label = fieldLabel(field);
    if (Array.isArray(before) || Array.isArray(after)) {
      const items = diffLists(asList(before), asList(after));
      return { kind: "list", field, label, items, changed: items.some((item) => item.change !== "same") };
    }
    const [beforeText, afterText] = [displayValue(before), displayValue(after)];
    return {
      kind: "text",
      field,
      label,
      changed: beforeText !== afterText,
      ...diffWords(beforeText, afterText),
    };
  });
}

/** "last_login" → "Last login". */
export function fieldLabel(field: string): string {
  const words = field.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(displayValue);
}

/** Items kept, added and removed (many-to-many fields hold lists of related ids). */
function diffLists(before: string[], after: string[]): ListItem[] {
  const kept = after.map((text) => ({ text, change: before.includes(text) ? "same" : "added" }) as const);
  const removed = before
    .filter((text) => !after.includes(text))
    .map((text) => ({ text, change: "removed" }) as const);
  return [...kept, ...removed];
}

// Beyond this many token pairs a changed text is shown as replaced whole, to bound the work.
const MAX_DIFF_CELLS = 250_000;

/** A word-level diff: the old text with removed words marked, the new one with added words marked. */
export function diffWords(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  if (before === after) return { before: plain(before), after: plain(after) };
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return { before: marked(before, "removed"), after: marked(after, "added") };
  }
  const common = longestCommonSubsequence(a, b);
  return { before: markTokens(a, common.inA, "removed"), after: markTokens(b, common.inB, "added") };
}

function plain(text: string): DiffPart[] {
  return text ? [{ text }] : [];
}

function marked(text: string, mark: "removed" | "added"): DiffPart[] {
  return text ? [{ text, mark }] : [];
}

/** Words and the whitespace between them, so the marked text reads exactly as the original. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== "");
}

/** Which tokens of each side belong to their longest common subsequence. */
function longestCommonSubsequence(a: string[], b: string[]): { inA: boolean[]; inB: boolean[] } {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      const below = lengths[i + 1] as number[];
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return { inA, inB };
}

/** Joins runs of tokens that share a mark; whitespace between two changed words stays marked. */
function markTokens(list: string[], common: boolean[], mark: "removed" | "added"): DiffPart[] {
  const parts: DiffPart[] = [];
  list.forEach((text, index) => {
    const part: DiffPart = common[index] ? { text } : { text, mark };
    const last = parts.at(-1);
    if (last && last.mark === part.mark) last.text += text;
    else parts.push(part);
  });
  return parts;
}
