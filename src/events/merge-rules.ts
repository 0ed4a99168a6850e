/** Merging two events: the pure decisions (which event survives, which values and items it keeps). */
import { joinContacts } from "./form-rules.ts";
import type { event } from "./schema.ts";

type EventRow = typeof event.$inferSelect;

export type Side = "obj_a" | "obj_b";
export type MergeChoice = Side | "combine";

export const SIDES = ["obj_a", "obj_b"] as const;
export const WITH_COMBINE = ["obj_a", "obj_b", "combine"] as const;

/** Values taken from one of the two events (form field name → column); some may be combined. */
export const SIMPLE_FIELDS = [
  { name: "slug", key: "slug", label: "Slug" },
  { name: "completed", key: "completed", label: "Completed" },
  { name: "assigned_to", key: "assignedToId", label: "Assigned to" },
  { name: "start", key: "start", label: "Start" },
  { name: "end", key: "end", label: "End" },
  { name: "host", key: "hostId", label: "Host site" },
  { name: "sponsor", key: "sponsorId", label: "Organiser" },
  { name: "administrator", key: "administratorId", label: "Administrator" },
  { name: "public_status", key: "publicStatus", label: "Public status" },
  { name: "url", key: "url", label: "URL" },
  { name: "language", key: "languageId", label: "Language" },
  { name: "reg_key", key: "regKey", label: "Eventbrite key" },
  { name: "manual_attendance", key: "manualAttendance", label: "Manual attendance" },
  { name: "contact", key: "contact", label: "Additional contacts", combine: true },
  { name: "country", key: "country", label: "Country" },
  { name: "venue", key: "venue", label: "Venue", combine: true },
  { name: "address", key: "address", label: "Address", combine: true },
  { name: "latitude", key: "latitude", label: "Latitude" },
  { name: "longitude", key: "longitude", label: "Longitude" },
  { name: "learners_pre", key: "learnersPre", label: "Learners' pre-survey" },
  { name: "learners_post", key: "learnersPost", label: "Learners' post-survey" },
  { name: "instructors_pre", key: "instructorsPre", label: "Workshop reports link" },
  { name: "instructors_post", key: "instructorsPost", label: "Instructors' post-survey" },
  { name: "learners_longterm", key: "learnersLongterm", label: "Learners' long-term survey" },
  { name: "open_TTT_applications", key: "openTttApplications", label: "TTT open applications" },
  { name: "membership", key: "membershipId", label: "Membership" },
  { name: "allocated_benefit", key: "allocatedBenefitId", label: "Allocated benefit" },
  { name: "event_category", key: "eventCategoryId", label: "Event category" },
] as const satisfies readonly { name: string; key: keyof EventRow; label: string; combine?: boolean }[];

/** Related records, kept from one side or combined. */
export const COLLECTIONS = [
  { name: "tags", label: "Tags" },
  { name: "curricula", label: "Curricula" },
  { name: "lessons", label: "Lessons" },
  { name: "task_set", label: "Tasks" },
  { name: "comments", label: "Comments" },
] as const;

export type SimpleFieldName = (typeof SIMPLE_FIELDS)[number]["name"];
export type CollectionName = (typeof COLLECTIONS)[number]["name"];
export type MergeChoices = { id: Side } & Record<SimpleFieldName | CollectionName, MergeChoice>;

export function canCombine(name: string): boolean {
  return (
    COLLECTIONS.some((item) => item.name === name) ||
    SIMPLE_FIELDS.some((field) => field.name === name && "combine" in field)
  );
}

/** The `id` choice names the event that survives ("base"); the other is merged into it and deleted. */
export function mergeRoles<T>(idChoice: Side, a: T, b: T): { base: T; merging: T } {
  return idChoice === "obj_a" ? { base: a, merging: b } : { base: b, merging: a };
}

type MergedFields = { [K in (typeof SIMPLE_FIELDS)[number]["key"]]: EventRow[K] };

/** The surviving event's values: each from the chosen side; combined texts are A's then B's. */
export function mergedFields(choices: MergeChoices, a: EventRow, b: EventRow): MergedFields {
  const merged: Record<string, unknown> = {};
  for (const field of SIMPLE_FIELDS) {
    const choice = choices[field.name];
    if (choice !== "combine") merged[field.key] = (choice === "obj_a" ? a : b)[field.key];
    else if (field.key === "contact") merged[field.key] = joinContacts([a.contact, b.contact]);
    else merged[field.key] = `${a[field.key]}${b[field.key]}`;
  }
  return merged as MergedFields;
}

/** The ids a many-to-many keeps: one side's, or both. */
export function mergedIds(choice: MergeChoice, a: readonly number[], b: readonly number[]): number[] {
  if (choice === "obj_a") return [...a];
  if (choice === "obj_b") return [...b];
  return [...new Set([...a, ...b])];
}

/** Seen from the surviving event: keep its own items, take the merging event's instead, or add them. */
export type CollectionPlan = "keep-base" | "take-merging" | "combine";

export function collectionPlan(choice: MergeChoice, idChoice: Side): CollectionPlan {
  if (choice === "combine") return "combine";
  return choice === idChoice ? "keep-base" : "take-merging";
}

/** Splits the merging event's tasks into those to move and those the base already has (same person and role). */
export function splitDuplicateTasks<T extends { personId: number; roleId: number }>(
  mergingTasks: readonly T[],
  baseTasks: readonly T[],
): { move: T[]; drop: T[] } {
  const key = (item: T) => `${item.personId}:${item.roleId}`;
  const taken = new Set(baseTasks.map(key));
  const move: T[] = [];
  const drop: T[] = [];
  for (const item of mergingTasks) {
    if (taken.has(key(item))) drop.push(item);
    else {
      taken.add(key(item));
      move.push(item);
    }
  }
  return { move, drop };
}

/** The merged event may not count against both a membership and an account benefit. */
export function membershipAndBenefitClash(merged: {
  membershipId: number | null;
  allocatedBenefitId: string | null;
}): Record<string, string[]> {
  return merged.membershipId !== null && merged.allocatedBenefitId !== null
    ? {
        allocated_benefit: [
          "The merged event would have both a membership and an allocated benefit; take one of them from the side without it.",
        ],
      }
    : {};
}

const MAX_LENGTHS = { venue: 255, address: 350, contact: 255 } as const;

/** Combined texts that would not fit their column, as field errors. */
export function combinedTooLong(merged: {
  venue: string;
  address: string;
  contact: string;
}): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [name, max] of Object.entries(MAX_LENGTHS))
    if (merged[name as keyof typeof MAX_LENGTHS].length > max)
      errors[name] = [`Combined, this is longer than ${max} characters; choose one side.`];
  return errors;
}
