// Pure rules of the event-category pages: the list's filters and what blocks a deletion.
import type { BlockingGroup } from "../../../ui/blocked-delete.tsx";
import { INVALID_CHOICE, type OrderTerm, parseOrdering, parseTriState } from "../list-filters.ts";

export const EVENT_CATEGORY_CONTENT_TYPE = "workshops.eventcategory";
export const EVENT_CATEGORIES_PATH = "/offering/event-categories/";
export const EVENT_CATEGORY_CREATE_PATH = "/offering/event-categories/create/";

export const VIEW = "workshops.view_eventcategory";
export const ADD = "workshops.add_eventcategory";
export const CHANGE = "workshops.change_eventcategory";
export const DELETE = "workshops.delete_eventcategory";

export type EventCategoryOrderKey = "name" | "description" | "created_at" | "last_updated_at";

/** `last_modified_at` (broken in AMY) sorts by the last update. */
const ORDER_FIELDS: Record<string, EventCategoryOrderKey> = {
  name: "name",
  description: "description",
  created_at: "created_at",
  last_updated_at: "last_updated_at",
  last_modified_at: "last_updated_at",
};

export interface EventCategoryFilters {
  active: boolean | undefined;
  order: OrderTerm<EventCategoryOrderKey>[];
}

export function parseEventCategoryFilters(query: { active?: string; order_by?: string }): {
  filters: EventCategoryFilters;
  errors: Record<string, string[]>;
} {
  const { terms, valid } = parseOrdering(query.order_by, ORDER_FIELDS);
  return {
    filters: { active: parseTriState(query.active), order: terms },
    errors: valid ? {} : { order_by: [INVALID_CHOICE] },
  };
}

export function eventCategoryBlockers(events: readonly { slug: string }[]): BlockingGroup[] {
  return [
    {
      label: "Events",
      items: events.map((row) => ({
        text: row.slug,
        href: `/workshops/event/${encodeURIComponent(row.slug)}/`,
      })),
    },
  ];
}

/** `Event Category "Workshop"`. */
export const eventCategoryTitle = (name: string): string => `Event Category "${name}"`;
