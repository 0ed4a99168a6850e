import { and, eq, inArray, sql } from "drizzle-orm";
import { addPersonToGroup, hashPassword, insertPerson } from "../../src/accounts/index.ts";
import { contentType, permission, personPermission } from "../../src/accounts/schema.ts";
import { CURRENT_SITE_ID } from "../../src/comments/index.ts";
import { comment } from "../../src/comments/schema.ts";
import { communityRole, communityRoleConfig } from "../../src/community-roles/schema.ts";
import type { Db } from "../../src/db/client.ts";
import { event, eventTag, task } from "../../src/events/schema.ts";
import { organization } from "../../src/organizations/schema.ts";
import { award } from "../../src/people/schema.ts";
import { badge, role, tag } from "../../src/reference/schema.ts";

export const PASSWORD = "correct horse battery staple";
let sequence = 0;

export interface PersonOptions {
  username?: string;
  email?: string | null;
  personal?: string;
  family?: string;
  password?: string;
  encodedPassword?: string;
  isActive?: boolean;
  isSuperuser?: boolean;
  groups?: string[];
  permissions?: string[];
}

/** A person who can log in with PASSWORD unless told otherwise. */
export async function makePerson(db: Db, options: PersonOptions = {}) {
  sequence++;
  const username = options.username ?? `person${sequence}_${process.pid}`;
  const person = await insertPerson(db, {
    username,
    personal: options.personal ?? "Test",
    family: options.family ?? `Person${sequence}`,
    email: options.email === undefined ? `${username}@example.org` : options.email,
    password: options.encodedPassword ?? (await hashPassword(options.password ?? PASSWORD)),
    isActive: options.isActive ?? true,
    isSuperuser: options.isSuperuser ?? false,
  });
  for (const group of options.groups ?? []) await addPersonToGroup(db, person.id, group);
  if (options.permissions?.length) await grantPermissions(db, person.id, options.permissions);
  return person;
}

async function grantPermissions(db: Db, personId: number, names: string[]) {
  const rows = await db
    .select({ id: permission.id })
    .from(permission)
    .innerJoin(contentType, sql`${contentType.id} = ${permission.contentTypeId}`)
    .where(inArray(sql`${contentType.appLabel} || '.' || ${permission.codename}`, names));
  if (rows.length !== names.length) throw new Error(`unknown permission among ${names.join(", ")}`);
  await db.insert(personPermission).values(rows.map((row) => ({ personId, permissionId: row.id })));
}

export const makeAdmin = (db: Db, options: PersonOptions = {}) =>
  makePerson(db, { groups: ["administrators"], ...options });
export const makeSuperuser = (db: Db, options: PersonOptions = {}) =>
  makePerson(db, { isSuperuser: true, ...options });

export async function makeOrganization(
  db: Db,
  options: { domain?: string; fullname?: string; country?: string } = {},
) {
  sequence++;
  const domain = options.domain ?? `org${sequence}-${process.pid}.example.org`;
  const [row] = await db
    .insert(organization)
    .values({
      domain,
      fullname: options.fullname ?? `Organisation ${sequence}`,
      country: options.country ?? null,
    })
    .returning();
  if (!row) throw new Error("organisation not inserted");
  return row;
}

/** The id of a seeded reference row (tag, role, badge…) by its name. */
export async function referenceId(db: Db, table: typeof tag | typeof role | typeof badge, name: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.name, name));
  if (!row) throw new Error(`no reference row named ${name}`);
  return row.id;
}

export interface EventOptions {
  slug?: string;
  membershipId?: number | null;
  allocatedBenefitId?: string | null;
  hostId?: number;
  administratorDomain?: string;
  start?: string | null;
  end?: string | null;
  tags?: string[];
}

export async function makeEvent(db: Db, options: EventOptions = {}) {
  sequence++;
  const hostId = options.hostId ?? (await makeOrganization(db)).id;
  const administratorId = options.administratorDomain
    ? (await db.select().from(organization).where(eq(organization.domain, options.administratorDomain)))[0]
        ?.id
    : null;
  const [row] = await db
    .insert(event)
    .values({
      slug:
        options.slug ??
        `2026-01-${String((sequence % 28) + 1).padStart(2, "0")}-event${sequence}-${process.pid}`,
      hostId,
      administratorId,
      start: options.start === undefined ? "2026-01-10" : options.start,
      end: options.end === undefined ? "2026-01-11" : options.end,
      membershipId: options.membershipId ?? null,
      allocatedBenefitId: options.allocatedBenefitId ?? null,
    })
    .returning();
  if (!row) throw new Error("event not inserted");
  for (const name of options.tags ?? []) {
    await db.insert(eventTag).values({ eventId: row.id, tagId: await referenceId(db, tag, name) });
  }
  return row;
}

export interface TaskOptions {
  personId: number;
  eventId: number;
  role?: string;
  seatMembershipId?: number | null;
  seatPublic?: boolean;
  allocatedBenefitId?: string | null;
}

export async function makeTask(db: Db, options: TaskOptions) {
  const [row] = await db
    .insert(task)
    .values({
      personId: options.personId,
      eventId: options.eventId,
      roleId: await referenceId(db, role, options.role ?? "instructor"),
      seatMembershipId: options.seatMembershipId ?? null,
      seatPublic: options.seatPublic ?? true,
      allocatedBenefitId: options.allocatedBenefitId ?? null,
    })
    .returning();
  if (!row) throw new Error("task not inserted");
  return row;
}

export async function makeAward(
  db: Db,
  options: { personId: number; badge?: string; awarded?: string; eventId?: number; awardedById?: number },
) {
  const [row] = await db
    .insert(award)
    .values({
      personId: options.personId,
      badgeId: await referenceId(db, badge, options.badge ?? "instructor"),
      awarded: options.awarded ?? "2026-01-15",
      eventId: options.eventId ?? null,
      awardedById: options.awardedById ?? null,
    })
    .returning();
  if (!row) throw new Error("award not inserted");
  return row;
}

/** A community role of the named configuration (created on first use), e.g. "instructor". */
export async function makeCommunityRole(db: Db, options: { personId: number; config?: string }) {
  const name = options.config ?? "instructor";
  const [existing] = await db.select().from(communityRoleConfig).where(eq(communityRoleConfig.name, name));
  const config =
    existing ??
    (
      await db
        .insert(communityRoleConfig)
        .values({
          name,
          displayName: name,
          linkToAward: false,
          linkToMembership: false,
          additionalUrl: false,
        })
        .returning()
    )[0];
  if (!config) throw new Error("community role config not inserted");
  const [row] = await db
    .insert(communityRole)
    .values({ configId: config.id, personId: options.personId })
    .returning();
  if (!row) throw new Error("community role not inserted");
  return row;
}

/** A comment on a record named by its content type ("workshops.person") and primary key. */
export async function makeComment(
  db: Db,
  options: { on: string; objectPk: string | number; comment?: string; userId?: number; userName?: string },
) {
  const [appLabel = "", model = ""] = options.on.split(".");
  const [type] = await db
    .select({ id: contentType.id })
    .from(contentType)
    .where(and(eq(contentType.appLabel, appLabel), eq(contentType.model, model)));
  if (!type) throw new Error(`no content type ${options.on}`);
  const [row] = await db
    .insert(comment)
    .values({
      contentTypeId: type.id,
      objectPk: String(options.objectPk),
      siteId: CURRENT_SITE_ID,
      userId: options.userId ?? null,
      userName: options.userName ?? "",
      comment: options.comment ?? "A comment",
    })
    .returning();
  if (!row) throw new Error("comment not inserted");
  return row;
}

/** A community role configuration, optionally limited to a badge and auto-assigned on award. */
export async function makeCommunityRoleConfig(
  db: Db,
  options: { name?: string; badge?: string; autoassign?: boolean } = {},
) {
  sequence++;
  const name = options.name ?? `role-config-${sequence}`;
  const [row] = await db
    .insert(communityRoleConfig)
    .values({
      name,
      displayName: name,
      linkToAward: options.badge !== undefined,
      awardBadgeLimitId: options.badge ? await referenceId(db, badge, options.badge) : null,
      autoassignWhenAwardCreated: options.autoassign ?? false,
      linkToMembership: false,
      additionalUrl: false,
    })
    .returning();
  if (!row) throw new Error("community role config not inserted");
  return row;
}

/** A community role of a given configuration, optionally linked to an award and with an end. */
export async function makeCommunityRoleOf(
  db: Db,
  options: { configId: number; personId: number; awardId?: number; start?: string; end?: string | null },
) {
  const [row] = await db
    .insert(communityRole)
    .values({
      configId: options.configId,
      personId: options.personId,
      awardId: options.awardId ?? null,
      start: options.start ?? "2026-01-01",
      end: options.end ?? null,
    })
    .returning();
  if (!row) throw new Error("community role not inserted");
  return row;
}
