import type { Db } from "../../db/client.ts";
import {
  deleteAwardRow,
  insertAward,
  insertCommunityRoles,
  listConfigsForBadge,
  listRolesLinkedToAward,
  listRolesOfPerson,
} from "./queries.ts";
import { configsToAutoAssign, databaseErrorCode, STILL_REFERENCED, UNIQUE_VIOLATION } from "./rules.ts";

// Awards are not versioned in AMY, so these commands record no history.

export interface NewAward {
  personId: number;
  badgeId: number;
  awarded: string;
  eventId: number | null;
  awardedById: number | null;
}

export type CreateAwardOutcome = { ok: true; awardId: number } | { ok: false; reason: "duplicate" };

/**
 * Awards a badge and, in the same transaction, gives the person the community roles configured to
 * follow this badge (unless they already hold a running role of that kind).
 */
export async function createAward(db: Db, values: NewAward, today: string): Promise<CreateAwardOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const created = await insertAward(tx, values);
      const configs = await listConfigsForBadge(tx, values.badgeId);
      const held = await listRolesOfPerson(
        tx,
        values.personId,
        configs.map((config) => config.id),
      );
      const roleConfigIds = configsToAutoAssign(configs, held, today);
      await insertCommunityRoles(
        tx,
        roleConfigIds.map((configId) => ({
          configId,
          personId: values.personId,
          awardId: created.id,
          start: today,
        })),
      );
      return { ok: true as const, awardId: created.id };
    });
  } catch (error) {
    if (databaseErrorCode(error) === UNIQUE_VIOLATION) return { ok: false, reason: "duplicate" };
    throw error;
  }
}

export type DeleteAwardOutcome =
  | { ok: true }
  | { ok: false; blockingRoles: Awaited<ReturnType<typeof listRolesLinkedToAward>> };

/** Deletes an award unless a community role still points at it (the database refuses then). */
export async function deleteAward(db: Db, awardId: number): Promise<DeleteAwardOutcome> {
  try {
    await deleteAwardRow(db, awardId);
    return { ok: true };
  } catch (error) {
    if (!STILL_REFERENCED.includes(databaseErrorCode(error) ?? "")) throw error;
    return { ok: false, blockingRoles: await listRolesLinkedToAward(db, awardId) };
  }
}
