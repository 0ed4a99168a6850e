import { and, asc, countDistinct, desc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import { person } from "../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../community-roles/schema.ts";
import type { Executor } from "../db/client.ts";
import { rawRows, rowsAsArray } from "../db/raw-rows.ts";
import { countTableRows } from "../db/row-counts.ts";
import { eventTag, task } from "../events/schema.ts";
import { badge, role, tag } from "../reference/schema.ts";
import { award } from "./schema.ts";

export interface PersonListFilters {
  badgeIds: number[];
  taughtTagIds: number[];
  orderBy: string | undefined;
}

export const PERSON_ORDERINGS: Record<string, SQL[]> = {
  email: [asc(person.email)],
  "-email": [desc(person.email)],
  lastname: [asc(person.family), asc(person.middle), asc(person.personal)],
  "-lastname": [desc(person.family), desc(person.middle), desc(person.personal)],
  firstname: [asc(person.personal), asc(person.middle), asc(person.family)],
  "-firstname": [desc(person.personal), desc(person.middle), desc(person.family)],
};

function listConditions(filters: PersonListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.badgeIds.length > 0)
    conditions.push(
      exists(
        sql`(select 1 from ${award} where ${award.personId} = ${person.id} and ${inArray(award.badgeId, filters.badgeIds)})`,
      ),
    );
  if (filters.taughtTagIds.length > 0)
    conditions.push(
      exists(
        sql`(select 1 from ${task} join ${role} on ${role.id} = ${task.roleId} join ${eventTag} on ${eventTag.eventId} = ${task.eventId}
             where ${task.personId} = ${person.id} and ${role.name} = 'instructor' and ${inArray(eventTag.tagId, filters.taughtTagIds)})`,
      ),
    );
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function countPersonsListed(db: Executor, filters: PersonListFilters): Promise<number> {
  if (filters.badgeIds.length > 0 && filters.taughtTagIds.length === 0)
    return countBadgeHolders(db, filters.badgeIds);
  return countTableRows(db, person, listConditions(filters));
}

/** Every award names a person, so the holders are counted from the awards' (badge, person) index alone. */
async function countBadgeHolders(db: Executor, badgeIds: number[]): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(award.personId) })
    .from(award)
    .where(inArray(award.badgeId, badgeIds));
  return row?.n ?? 0;
}

export interface PersonBadges {
  /** INSTRUCTOR, TRAINER: the badges the list shows, upper-cased. */
  badges: string[];
  /** Whether each of the person's instructor community roles is active today. */
  instructorRoles: boolean[];
}

const IMPORTANT_BADGES = ["instructor", "trainer"];

/** One page of persons with their important badges and instructor roles, in one statement. */
export async function listPersons(
  db: Executor,
  filters: PersonListFilters,
  page: { limit: number; offset: number },
  today: string,
) {
  const ordering = (filters.orderBy && PERSON_ORDERINGS[filters.orderBy]) || [
    asc(person.family),
    asc(person.personal),
  ];
  // The page's ids first: with no columns but the sort keys, a deep page is skipped through the
  // index alone; only the page's own rows are read from the table.
  const pageIds = db
    .select({ id: person.id })
    .from(person)
    .where(listConditions(filters))
    .orderBy(...ordering, asc(person.id))
    .limit(page.limit)
    .offset(page.offset);
  const importantBadges = db
    .select({ name: sql`upper(${badge.name})` })
    .from(award)
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .where(and(eq(award.personId, person.id), inArray(badge.name, IMPORTANT_BADGES)))
    .orderBy(badge.name);
  const instructorRoles = db
    .select({
      active: sql`(${communityRole.inactivationId} is null
        and (${communityRole.start} is null or ${communityRole.start} <= ${today})
        and (${communityRole.end} is null or ${communityRole.end} > ${today}))`,
    })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .where(and(eq(communityRole.personId, person.id), eq(communityRoleConfig.name, "instructor")))
    .orderBy(communityRole.id);
  return db
    .select({
      id: person.id,
      personal: person.personal,
      middle: person.middle,
      family: person.family,
      email: person.email,
      badges: sql<string[]>`array(${importantBadges})`,
      instructorRoles: sql<boolean[]>`array(${instructorRoles})`,
    })
    .from(person)
    .where(inArray(person.id, pageIds))
    .orderBy(...ordering, asc(person.id));
}

/** The badges and tags the filters offer, in one statement. */
export async function filterChoices(db: Executor) {
  const badges = db.select({ id: badge.id, title: badge.title }).from(badge).orderBy(badge.title);
  const tags = db.select({ id: tag.id, name: tag.name }).from(tag).orderBy(tag.priority, tag.name);
  const [row] = await rawRows<{
    badges: { id: number; title: string }[];
    tags: { id: number; name: string }[];
  }>(db, sql`select ${rowsAsArray(badges)} as badges, ${rowsAsArray(tags)} as tags`);
  const { badges: badgeRows = [], tags: tagRows = [] } = row ?? {};
  return {
    badges: badgeRows.map((badgeRow) => ({ value: String(badgeRow.id), label: badgeRow.title })),
    tags: tagRows.map((tagRow) => ({ value: String(tagRow.id), label: tagRow.name })),
  };
}
