import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { person } from "../../accounts/schema.ts";
import { communityRole, communityRoleConfig } from "../../community-roles/schema.ts";
import type { Executor } from "../../db/client.ts";
import { event } from "../../events/schema.ts";
import { badge } from "../../reference/schema.ts";
import type { PersonName } from "../rules.ts";
import { award } from "../schema.ts";
import { type AwardOrdering, type BadgeAwardsFilter, isOfferedBadge } from "./rules.ts";

export type BadgeRow = typeof badge.$inferSelect;
type Page = { limit: number; offset: number };

export async function countBadges(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(badge);
  return row?.total ?? 0;
}

/** Badges by name, each with how many people hold it. */
export async function listBadgesWithAwardCounts(db: Executor, page: Page) {
  return db
    .select({
      id: badge.id,
      name: badge.name,
      title: badge.title,
      criteria: badge.criteria,
      awardCount: count(award.id),
    })
    .from(badge)
    .leftJoin(award, eq(award.badgeId, badge.id))
    .groupBy(badge.id)
    .orderBy(badge.name)
    .limit(page.limit)
    .offset(page.offset);
}

export async function findBadgeByName(db: Executor, name: string): Promise<BadgeRow | undefined> {
  const [row] = await db.select().from(badge).where(eq(badge.name, name));
  return row;
}

export async function findBadgeById(db: Executor, id: number): Promise<BadgeRow | undefined> {
  const [row] = await db.select().from(badge).where(eq(badge.id, id));
  return row;
}

/** The badges the award form offers (see `isOfferedBadge`), by title, then name. */
export async function listOfferedBadges(db: Executor) {
  const rows = await db
    .select({ id: badge.id, name: badge.name, title: badge.title, retiredAt: badge.retiredAt })
    .from(badge)
    .orderBy(badge.title, badge.name);
  return rows.filter(isOfferedBadge);
}

const personName = { personal: person.personal, middle: person.middle, family: person.family };
const awarder = alias(person, "awarded_by");

function badgeAwardsCondition(badgeId: number, filter: BadgeAwardsFilter): SQL | undefined {
  return and(
    eq(award.badgeId, badgeId),
    filter.awardedAfter ? gte(award.awarded, filter.awardedAfter) : undefined,
    filter.awardedBefore ? lte(award.awarded, filter.awardedBefore) : undefined,
    filter.eventId !== undefined ? eq(award.eventId, filter.eventId) : undefined,
  );
}

const ORDER: Record<AwardOrdering, SQL[]> = {
  awarded: [asc(award.awarded), asc(award.id)],
  "-awarded": [desc(award.awarded), desc(award.id)],
  person__family: [asc(person.family), asc(person.personal), asc(award.id)],
  "-person__family": [desc(person.family), desc(person.personal), desc(award.id)],
};

export async function countAwardsOfBadge(db: Executor, badgeId: number, filter: BadgeAwardsFilter) {
  const [row] = await db.select({ total: count() }).from(award).where(badgeAwardsCondition(badgeId, filter));
  return row?.total ?? 0;
}

/** One page of a badge's holders, with the event and the awarding person when there are. */
export async function listAwardsOfBadge(
  db: Executor,
  badgeId: number,
  filter: BadgeAwardsFilter,
  page: Page,
) {
  return db
    .select({
      id: award.id,
      awarded: award.awarded,
      person: { id: person.id, ...personName },
      eventSlug: event.slug,
      awardedBy: {
        id: awarder.id,
        personal: awarder.personal,
        middle: awarder.middle,
        family: awarder.family,
      },
    })
    .from(award)
    .innerJoin(person, eq(person.id, award.personId))
    .leftJoin(event, eq(event.id, award.eventId))
    .leftJoin(awarder, eq(awarder.id, award.awardedById))
    .where(badgeAwardsCondition(badgeId, filter))
    .orderBy(...ORDER[filter.orderBy])
    .limit(page.limit)
    .offset(page.offset);
}
export type BadgeAwardRow = Awaited<ReturnType<typeof listAwardsOfBadge>>[number];

/** An award with what its display name needs. */
export async function findAwardSummary(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: award.id,
      awarded: award.awarded,
      personId: award.personId,
      person: { ...personName, email: person.email },
      badgeId: award.badgeId,
      badgeName: badge.name,
      badgeTitle: badge.title,
      eventSlug: event.slug,
    })
    .from(award)
    .innerJoin(person, eq(person.id, award.personId))
    .innerJoin(badge, eq(badge.id, award.badgeId))
    .leftJoin(event, eq(event.id, award.eventId))
    .where(eq(award.id, id));
  return row;
}
export type AwardSummary = NonNullable<Awaited<ReturnType<typeof findAwardSummary>>>;

export async function findPersonName(db: Executor, id: number): Promise<PersonName | undefined> {
  const [row] = await db
    .select({ ...personName, email: person.email })
    .from(person)
    .where(eq(person.id, id));
  return row;
}

export async function findEventSlug(db: Executor, id: number): Promise<string | undefined> {
  const [row] = await db.select({ slug: event.slug }).from(event).where(eq(event.id, id));
  return row?.slug;
}

export async function awardExists(db: Executor, personId: number, badgeId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: award.id })
    .from(award)
    .where(and(eq(award.personId, personId), eq(award.badgeId, badgeId)));
  return row !== undefined;
}

export async function insertAward(db: Executor, values: typeof award.$inferInsert) {
  const [row] = await db.insert(award).values(values).returning();
  if (!row) throw new Error("award not inserted");
  return row;
}

export async function deleteAwardRow(db: Executor, id: number): Promise<void> {
  await db.delete(award).where(eq(award.id, id));
}

/** Community role configurations limited to this badge. */
export async function listConfigsForBadge(db: Executor, badgeId: number) {
  return db
    .select({
      id: communityRoleConfig.id,
      autoassignWhenAwardCreated: communityRoleConfig.autoassignWhenAwardCreated,
    })
    .from(communityRoleConfig)
    .where(eq(communityRoleConfig.awardBadgeLimitId, badgeId));
}

/** The person's roles of the given configurations, to tell which still run. */
export async function listRolesOfPerson(db: Executor, personId: number, configIds: readonly number[]) {
  if (configIds.length === 0) return [];
  return db
    .select({ configId: communityRole.configId, end: communityRole.end })
    .from(communityRole)
    .where(and(eq(communityRole.personId, personId), inArray(communityRole.configId, [...configIds])));
}

export async function insertCommunityRoles(
  db: Executor,
  rows: { configId: number; personId: number; awardId: number; start: string }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(communityRole).values(rows);
}

/** The community roles that point at an award (they keep it from being deleted). */
export async function listRolesLinkedToAward(db: Executor, awardId: number) {
  return db
    .select({
      id: communityRole.id,
      configName: communityRoleConfig.displayName,
      start: communityRole.start,
      end: communityRole.end,
    })
    .from(communityRole)
    .innerJoin(communityRoleConfig, eq(communityRoleConfig.id, communityRole.configId))
    .where(eq(communityRole.awardId, awardId))
    .orderBy(communityRole.id);
}
