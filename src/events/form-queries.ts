/** Events: what the event form reads from the database (choices, links, and checks that need rows). */
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { ADMINISTRATOR_DOMAINS, organizationDisplay } from "../organizations/index.ts";
import { organization } from "../organizations/schema.ts";
import { personDisplay } from "../people/index.ts";
import { listActiveChoices } from "../reference/index.ts";
import { curriculum, language, tag } from "../reference/schema.ts";
import type { Choice, FieldErrors } from "../ui/forms.tsx";
import {
  missingCurriculumTags,
  missingTagsMessage,
  OPEN_APPLICATIONS_MESSAGE,
  openApplicationsRefused,
} from "./form-rules.ts";
import type { EventFormData, EventLinks } from "./forms.ts";
import {
  accountBenefitChoice,
  accountBenefitOfUnit,
  eventCategoryChoices,
  membershipChoice,
  membershipExists,
} from "./offering-queries.ts";
import { event, eventCurriculum, eventLesson, eventTag } from "./schema.ts";

export type EventRow = typeof event.$inferSelect;

const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

export async function findEventBySlug(db: Executor, slug: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(event).where(eq(event.slug, slug));
  return row;
}

export async function findEventById(db: Executor, id: number): Promise<EventRow | undefined> {
  const [row] = await db.select().from(event).where(eq(event.id, id));
  return row;
}

export async function findEventLinks(db: Executor, eventId: number): Promise<Required<EventLinks>> {
  const tags = await db.select({ id: eventTag.tagId }).from(eventTag).where(eq(eventTag.eventId, eventId));
  const curricula = await db
    .select({ id: eventCurriculum.curriculumId })
    .from(eventCurriculum)
    .where(eq(eventCurriculum.eventId, eventId));
  const lessons = await db
    .select({ id: eventLesson.lessonId })
    .from(eventLesson)
    .where(eq(eventLesson.eventId, eventId));
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((x, y) => x - y);
  return { tagIds: ids(tags), curriculumIds: ids(curricula), lessonIds: ids(lessons) };
}

export async function replaceEventLinks(tx: Executor, eventId: number, links: EventLinks): Promise<void> {
  await tx.delete(eventTag).where(eq(eventTag.eventId, eventId));
  if (links.tagIds.length > 0)
    await tx.insert(eventTag).values(links.tagIds.map((tagId) => ({ eventId, tagId })));
  await tx.delete(eventCurriculum).where(eq(eventCurriculum.eventId, eventId));
  if (links.curriculumIds.length > 0)
    await tx
      .insert(eventCurriculum)
      .values(links.curriculumIds.map((curriculumId) => ({ eventId, curriculumId })));
  if (links.lessonIds === undefined) return;
  await tx.delete(eventLesson).where(eq(eventLesson.eventId, eventId));
  if (links.lessonIds.length > 0)
    await tx.insert(eventLesson).values(links.lessonIds.map((lessonId) => ({ eventId, lessonId })));
}

/** Curricula an event may be given: active and not "don't know yet", plus those it already has. */
export async function curriculumChoices(db: Executor, keep: readonly number[] = []): Promise<Choice[]> {
  const offered = and(eq(curriculum.active, true), eq(curriculum.unknown, false));
  const rows = await db
    .select({ id: curriculum.id, name: curriculum.name })
    .from(curriculum)
    .where(keep.length > 0 ? or(offered, inArray(curriculum.id, [...keep])) : offered)
    .orderBy(asc(curriculum.slug), asc(curriculum.id));
  return rows.map((row) => ({ value: String(row.id), label: row.name }));
}

export interface EventFormChoices {
  tags: Choice[];
  curricula: Choice[];
  lessons: Choice[];
  /** Active event categories, plus the event's own. */
  eventCategories: Choice[];
  /** The chosen option of each autocomplete field, so it shows before any typing. */
  selected: Record<
    "host" | "sponsor" | "administrator" | "assigned_to" | "language" | "membership" | "allocated_benefit",
    Choice[]
  >;
}

export async function eventFormChoices(
  db: Executor,
  chosen: {
    tags: number[];
    curricula: number[];
    lessons: number[];
    values: Record<string, string>;
    /** The stored event's category, offered even when no longer active. */
    keepCategory: string | null;
    today: string;
  },
): Promise<EventFormChoices> {
  const idOf = (name: string) =>
    /^\d{1,9}$/.test(chosen.values[name] ?? "") ? Number(chosen.values[name]) : 0;
  return {
    tags: await listActiveChoices(db, "tags", { keep: chosen.tags }),
    curricula: await curriculumChoices(db, chosen.curricula),
    lessons: await listActiveChoices(db, "lessons", { keep: chosen.lessons }),
    eventCategories: await eventCategoryChoices(db, chosen.keepCategory),
    selected: {
      host: await organizationChoice(db, idOf("host")),
      sponsor: await organizationChoice(db, idOf("sponsor")),
      administrator: await organizationChoice(db, idOf("administrator")),
      assigned_to: await personChoice(db, idOf("assigned_to")),
      language: await languageChoice(db, idOf("language")),
      membership: await membershipChoice(db, chosen.values.membership),
      allocated_benefit: await accountBenefitChoice(db, chosen.values.allocated_benefit, chosen.today),
    },
  };
}

async function organizationChoice(db: Executor, id: number): Promise<Choice[]> {
  const rows = await db.select().from(organization).where(eq(organization.id, id));
  return rows.map((row) => ({ value: String(row.id), label: organizationDisplay(row) }));
}

async function personChoice(db: Executor, id: number): Promise<Choice[]> {
  const rows = await db.select().from(person).where(eq(person.id, id));
  return rows.map((row) => ({ value: String(row.id), label: personDisplay(row) }));
}

async function languageChoice(db: Executor, id: number): Promise<Choice[]> {
  const rows = await db.select().from(language).where(eq(language.id, id));
  return rows.map((row) => ({ value: String(row.id), label: row.name }));
}

const exists = async (
  db: Executor,
  table: typeof organization | typeof person | typeof language,
  id: number,
) => (await db.select({ id: table.id }).from(table).where(eq(table.id, id))).length > 0;

/**
 * The rules that need the database: unique slug and URL, chosen rows that exist and are offered,
 * open applications only on TTT events, and the tags the curricula call for.
 */
export async function eventDatabaseErrors(
  db: Executor,
  data: EventFormData,
  stored?: { id: number; links: Required<EventLinks>; eventCategoryId: string | null },
): Promise<FieldErrors | undefined> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const others = stored ? ne(event.id, stored.id) : undefined;
  if (
    (
      await db
        .select({ id: event.id })
        .from(event)
        .where(and(eq(event.slug, data.slug), others))
    ).length
  )
    add("slug", "Event with this Slug already exists.");
  if (
    data.url &&
    (
      await db
        .select({ id: event.id })
        .from(event)
        .where(and(eq(event.url, data.url), others))
    ).length
  )
    add("url", "Event with this URL already exists.");
  for (const field of ["host", "sponsor"] as const)
    if (!(await exists(db, organization, data[field]))) add(field, INVALID_CHOICE);
  const [administrator] = await db
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.id, data.administrator), inArray(organization.domain, ADMINISTRATOR_DOMAINS)));
  if (!administrator) add("administrator", INVALID_CHOICE);
  if (data.assigned_to !== null && !(await exists(db, person, data.assigned_to)))
    add("assigned_to", INVALID_CHOICE);
  if (data.language !== null && !(await exists(db, language, data.language))) add("language", INVALID_CHOICE);
  await checkMultiChoices(db, data, stored?.links, add);
  await checkTagRules(db, data, add);
  await checkOfferingChoices(db, data, stored?.eventCategoryId ?? null, add);
  return Object.keys(errors).length > 0 ? errors : undefined;
}

async function checkMultiChoices(
  db: Executor,
  data: EventFormData,
  current: Required<EventLinks> | undefined,
  add: (field: string, message: string) => void,
) {
  const offered = {
    tags: await listActiveChoices(db, "tags", { keep: current?.tagIds ?? [] }),
    curricula: await curriculumChoices(db, current?.curriculumIds ?? []),
    lessons: await listActiveChoices(db, "lessons", { keep: current?.lessonIds ?? [] }),
  };
  for (const field of ["tags", "curricula", "lessons"] as const) {
    const values = new Set(offered[field].map((choice) => choice.value));
    const unknown = data[field].filter((id) => !values.has(String(id)));
    if (unknown.length > 0)
      add(field, `Select a valid choice. ${unknown.join(", ")} is not one of the available choices.`);
  }
}

async function checkTagRules(
  db: Executor,
  data: EventFormData,
  add: (field: string, message: string) => void,
) {
  const tagNames =
    data.tags.length > 0
      ? (await db.select({ name: tag.name }).from(tag).where(inArray(tag.id, data.tags))).map(
          (row) => row.name,
        )
      : [];
  if (openApplicationsRefused(data.open_TTT_applications, tagNames))
    add("open_TTT_applications", OPEN_APPLICATIONS_MESSAGE);
  if (data.curricula.length === 0) return;
  const curricula = await db
    .select({ active: curriculum.active, carpentry: curriculum.carpentry, mixMatch: curriculum.mixMatch })
    .from(curriculum)
    .where(inArray(curriculum.id, data.curricula));
  const missing = missingCurriculumTags(curricula, tagNames);
  if (missing.length > 0) add("tags", missingTagsMessage(missing));
}

/**
 * The membership exists, the allocated benefit is an account benefit for events (a seat benefit is
 * for tasks), and the category is active or the one the event already has.
 */
async function checkOfferingChoices(
  db: Executor,
  data: EventFormData,
  storedCategory: string | null,
  add: (field: string, message: string) => void,
) {
  if (data.membership !== null && !(await membershipExists(db, data.membership)))
    add("membership", INVALID_CHOICE);
  if (data.allocated_benefit !== null && !(await accountBenefitOfUnit(db, data.allocated_benefit, "event")))
    add("allocated_benefit", INVALID_CHOICE);
  if (data.event_category !== null) {
    const offered = await eventCategoryChoices(db, storedCategory);
    if (!offered.some((choice) => choice.value === data.event_category))
      add("event_category", INVALID_CHOICE);
  }
}
