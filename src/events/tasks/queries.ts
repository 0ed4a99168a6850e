import { and, asc, desc, eq, ne, type SQL } from "drizzle-orm";
import { person } from "../../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../../community-roles/schema.ts";
import type { Executor } from "../../db/client.ts";
import { countTableRows } from "../../db/row-counts.ts";
import type { MembershipDisplayFields } from "../../memberships/rules.ts";
import { membership } from "../../memberships/schema.ts";
import { organization } from "../../organizations/schema.ts";
import { role, tag } from "../../reference/schema.ts";
import { event, eventTag, task } from "../schema.ts";
import type { CommunityRoleSpan, TaskListFilters, TaskOrdering } from "./rules.ts";

export type TaskValues = {
  eventId: number;
  personId: number;
  roleId: number;
  seatMembershipId?: number | null;
  /** Left out when the form does not offer the field: the stored value stays. */
  allocatedBenefitId?: string | null;
  seatPublic?: boolean;
};

const summaryColumns = {
  id: task.id,
  eventId: task.eventId,
  eventSlug: event.slug,
  personId: task.personId,
  personal: person.personal,
  middle: person.middle,
  family: person.family,
  email: person.email,
  roleId: task.roleId,
  roleName: role.name,
  roleVerboseName: role.verboseName,
  seatPublic: task.seatPublic,
  seatOpenTraining: task.seatOpenTraining,
  seatMembershipId: task.seatMembershipId,
  allocatedBenefitId: task.allocatedBenefitId,
  seatMembership: {
    name: membership.name,
    variant: membership.variant,
    agreementStart: membership.agreementStart,
    agreementEnd: membership.agreementEnd,
    consortium: membership.consortium,
  },
};

export interface TaskSummary {
  id: number;
  eventId: number;
  eventSlug: string;
  personId: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
  roleId: number;
  roleName: string;
  roleVerboseName: string;
  seatPublic: boolean;
  seatOpenTraining: boolean;
  seatMembershipId: number | null;
  allocatedBenefitId: string | null;
  /** What `membershipDisplay` needs of the seat membership, if any. */
  seatMembership: MembershipDisplayFields | null;
}

function summaries(db: Executor) {
  return db
    .select(summaryColumns)
    .from(task)
    .innerJoin(event, eq(event.id, task.eventId))
    .innerJoin(person, eq(person.id, task.personId))
    .innerJoin(role, eq(role.id, task.roleId))
    .leftJoin(membership, eq(membership.id, task.seatMembershipId));
}

function filterCondition(filters: TaskListFilters): SQL | undefined {
  return and(
    filters.eventId === undefined ? undefined : eq(task.eventId, filters.eventId),
    filters.roleId === undefined ? undefined : eq(task.roleId, filters.roleId),
  );
}

const ORDER: Record<TaskOrdering, SQL[]> = {
  event: [asc(event.slug)],
  "-event": [desc(event.slug)],
  person: [asc(person.family)],
  "-person": [desc(person.family)],
  role: [asc(role.name)],
  "-role": [desc(role.name)],
};
// AMY's default ordering: role name, then newest event first (undated events first, as PostgreSQL sorts).
const DEFAULT_ORDER = [asc(role.name), desc(event.start)];

export async function countTasks(db: Executor, filters: TaskListFilters): Promise<number> {
  return countTableRows(db, task, filterCondition(filters));
}

export function listTasks(
  db: Executor,
  filters: TaskListFilters,
  page: { limit: number; offset: number },
): Promise<TaskSummary[]> {
  const order = filters.orderBy ? ORDER[filters.orderBy] : DEFAULT_ORDER;
  return summaries(db)
    .where(filterCondition(filters))
    .orderBy(...order, asc(task.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function findTask(db: Executor, id: number): Promise<TaskSummary | undefined> {
  const [row] = await summaries(db).where(eq(task.id, id));
  return row;
}

export interface TaskEventFacts {
  id: number;
  slug: string;
  start: string | null;
  end: string | null;
  openTttApplications: boolean;
  administratorDomain: string | null;
  tags: string[];
}

/** What the task rules need to know about an event: its stored tags and its administrator. */
export async function findTaskEventFacts(db: Executor, id: number): Promise<TaskEventFacts | undefined> {
  const [row] = await db
    .select({
      id: event.id,
      slug: event.slug,
      start: event.start,
      end: event.end,
      openTttApplications: event.openTttApplications,
      administratorDomain: organization.domain,
    })
    .from(event)
    .leftJoin(organization, eq(organization.id, event.administratorId))
    .where(eq(event.id, id));
  if (!row) return undefined;
  const tags = await db
    .select({ name: tag.name })
    .from(eventTag)
    .innerJoin(tag, eq(tag.id, eventTag.tagId))
    .where(eq(eventTag.eventId, id));
  return { ...row, tags: tags.map((found) => found.name) };
}

export async function findPersonName(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
    })
    .from(person)
    .where(eq(person.id, id));
  return row;
}

export async function findRole(db: Executor, id: number) {
  const [row] = await db
    .select({ id: role.id, name: role.name, verboseName: role.verboseName, retiredAt: role.retiredAt })
    .from(role)
    .where(eq(role.id, id));
  return row;
}

export async function findEventSlug(db: Executor, id: number): Promise<string | undefined> {
  const [row] = await db.select({ slug: event.slug }).from(event).where(eq(event.id, id));
  return row?.slug;
}

/** The person's community roles of one configuration (e.g. "instructor"), as spans of time. */
export async function communityRolesOf(
  db: Executor,
  personId: number,
  configName: string,
): Promise<CommunityRoleSpan[]> {
  const rows = await db
    .select({
      start: communityRole.start,
      end: communityRole.end,
      inactivationId: communityRole.inactivationId,
    })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .where(and(eq(communityRole.personId, personId), eq(communityRoleConfig.name, configName)));
  return rows.map((row) => ({ start: row.start, end: row.end, inactivated: row.inactivationId !== null }));
}

/** Whether another task already joins this event, person and role. */
export async function duplicateTaskExists(
  db: Executor,
  values: TaskValues,
  exceptId?: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: task.id })
    .from(task)
    .where(
      and(
        eq(task.eventId, values.eventId),
        eq(task.personId, values.personId),
        eq(task.roleId, values.roleId),
        exceptId === undefined ? undefined : ne(task.id, exceptId),
      ),
    );
  return row !== undefined;
}

export async function insertTask(db: Executor, values: TaskValues): Promise<typeof task.$inferSelect> {
  const [row] = await db.insert(task).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateTaskRow(
  db: Executor,
  id: number,
  values: TaskValues,
): Promise<typeof task.$inferSelect> {
  const [row] = await db.update(task).set(values).where(eq(task.id, id)).returning();
  if (!row) throw new Error(`task ${id} vanished`);
  return row;
}

export async function deleteTaskRow(db: Executor, id: number): Promise<void> {
  await db.delete(task).where(eq(task.id, id));
}
