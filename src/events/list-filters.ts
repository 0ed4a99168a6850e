import type { Choice, FieldErrors } from "../ui/forms.tsx";
import type { EventState } from "./queries.ts";

// The events list's query string, read as AMY's EventFilter reads it: an invalid value is ignored
// (the other filters still apply) and reported beside its field.

export const STATE_CHOICES: (Choice & { value: EventState })[] = [
  { value: "active", label: "Active" },
  { value: "past_events", label: "Past" },
  { value: "ongoing_events", label: "Ongoing" },
  { value: "upcoming_events", label: "Upcoming" },
  { value: "unpublished_events", label: "Unpublished" },
  { value: "published_events", label: "Published" },
  { value: "metadata_changed", label: "Detected changes in metadata" },
];

export const ORDER_CHOICES: Choice[] = [
  { value: "slug", label: "Slug (A–Z)" },
  { value: "-slug", label: "Slug (Z–A)" },
  { value: "start", label: "Start date (oldest first)" },
  { value: "-start", label: "Start date (newest first)" },
  { value: "end", label: "End date (oldest first)" },
  { value: "-end", label: "End date (newest first)" },
];

export const COMPLETED_CHOICES: Choice[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

export type EventOrdering = "slug" | "-slug" | "start" | "-start" | "end" | "-end";

export interface EventListFilters {
  assignedTo?: number | undefined;
  host?: number | undefined;
  administrator?: number | undefined;
  state?: EventState | undefined;
  tagIds: number[];
  country?: string | undefined;
  continentId?: number | undefined;
  completed?: boolean | undefined;
  orderBy?: EventOrdering | undefined;
}

/** What each filter may be set to; the persons, organisations and countries are those events use. */
export interface EventFilterChoices {
  assignedTo: Choice[];
  host: Choice[];
  administrator: Choice[];
  tags: Choice[];
  country: Choice[];
  continent: Choice[];
}

const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

function values(query: Record<string, unknown>, name: string): string[] {
  const value = query[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((item): item is string => typeof item === "string" && item !== "");
}

/** Reads the filters; each invalid one is left out and given an error. */
export function parseEventListFilters(
  query: Record<string, unknown>,
  choices: EventFilterChoices,
): { filters: EventListFilters; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const pick = (name: string, allowed: readonly Choice[]): string | undefined => {
    const [value] = values(query, name);
    if (value === undefined) return undefined;
    if (allowed.some((choice) => choice.value === value)) return value;
    errors[name] = [INVALID_CHOICE];
    return undefined;
  };
  const asNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const tags = values(query, "tags");
  const knownTags = tags.filter((id) => choices.tags.some((choice) => choice.value === id));
  if (knownTags.length < tags.length) errors.tags = [INVALID_CHOICE];
  const completed = values(query, "completed")[0];
  return {
    filters: {
      assignedTo: asNumber(pick("assigned_to", choices.assignedTo)),
      host: asNumber(pick("host", choices.host)),
      administrator: asNumber(pick("administrator", choices.administrator)),
      state: pick("state", STATE_CHOICES) as EventState | undefined,
      tagIds: knownTags.map(Number),
      country: pick("country", choices.country),
      continentId: asNumber(pick("continent", choices.continent)),
      // "unknown" (or anything else) does not filter, as AMY's tri-state boolean filter.
      completed: completed === "true" ? true : completed === "false" ? false : undefined,
      orderBy: pick("order_by", ORDER_CHOICES) as EventOrdering | undefined,
    },
    errors,
  };
}
