import { asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { event } from "../../../events/schema.ts";
import { eventCategory } from "../../schema.ts";
import type { EventCategoryFilters, EventCategoryOrderKey } from "./rules.ts";

export type EventCategoryRow = typeof eventCategory.$inferSelect;
export type EventCategoryValues = Pick<EventCategoryRow, "name" | "description" | "active">;

const ORDER_COLUMNS = {
  name: eventCategory.name,
  description: eventCategory.description,
  created_at: eventCategory.createdAt,
  last_updated_at: eventCategory.lastUpdatedAt,
} satisfies Record<EventCategoryOrderKey, unknown>;

function condition(filters: EventCategoryFilters): SQL | undefined {
  return filters.active === undefined ? undefined : eq(eventCategory.active, filters.active);
}

export async function countEventCategories(db: Executor, filters: EventCategoryFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(eventCategory).where(condition(filters));
  return row?.n ?? 0;
}

/** One page of the list, by name unless told otherwise. */
export function listEventCategories(
  db: Executor,
  filters: EventCategoryFilters,
  page: { limit: number; offset: number },
): Promise<EventCategoryRow[]> {
  const order = filters.order.map((term) =>
    term.descending ? desc(ORDER_COLUMNS[term.key]) : asc(ORDER_COLUMNS[term.key]),
  );
  return db
    .select()
    .from(eventCategory)
    .where(condition(filters))
    .orderBy(...(order.length > 0 ? order : [asc(eventCategory.name)]), asc(eventCategory.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function findEventCategory(db: Executor, id: string): Promise<EventCategoryRow | undefined> {
  const [row] = await db.select().from(eventCategory).where(eq(eventCategory.id, id));
  return row;
}

export async function insertEventCategory(
  db: Executor,
  values: EventCategoryValues,
): Promise<EventCategoryRow> {
  const [row] = await db.insert(eventCategory).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateEventCategoryRow(
  db: Executor,
  id: string,
  values: EventCategoryValues,
): Promise<EventCategoryRow> {
  const [row] = await db
    .update(eventCategory)
    .set({ ...values, lastUpdatedAt: new Date() })
    .where(eq(eventCategory.id, id))
    .returning();
  if (!row) throw new Error(`event category ${id} vanished`);
  return row;
}

export async function deleteEventCategoryRow(db: Executor, id: string): Promise<void> {
  await db.delete(eventCategory).where(eq(eventCategory.id, id));
}

/** The events in this category (they keep it from being deleted). */
export function eventsInCategory(db: Executor, id: string): Promise<{ slug: string }[]> {
  return db
    .select({ slug: event.slug })
    .from(event)
    .where(eq(event.eventCategoryId, id))
    .orderBy(asc(event.slug));
}
