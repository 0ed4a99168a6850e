import { desc, eq, sql } from "drizzle-orm";
import { anyContains } from "../../lookups/index.ts";
import {
  consortiumPath,
  membershipDisplay,
  membershipPath,
  partnershipDisplay,
  partnershipPath,
} from "../../memberships/rules.ts";
import { consortium, membership, partnership, partnershipTier } from "../../memberships/schema.ts";
import type { SearchSection } from "../registry.ts";
import { totalOf } from "./total.ts";

const total = sql<number>`count(*) over ()`.mapWith(Number);

export const membershipsSearch: SearchSection = {
  key: "memberships",
  title: "Memberships",
  async search(db, term, limit) {
    const rows = await db
      .select({
        id: membership.id,
        name: membership.name,
        variant: membership.variant,
        agreementStart: membership.agreementStart,
        agreementEnd: membership.agreementEnd,
        consortium: membership.consortium,
        total,
      })
      .from(membership)
      .where(anyContains(term, [membership.name, membership.registrationCode]))
      .orderBy(desc(membership.agreementStart), desc(membership.id))
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: membershipPath(row.id), text: membershipDisplay(row) })),
    };
  },
};

/** Shown only while the service offering is on, as in AMY. */
export const partnershipsSearch: SearchSection = {
  key: "partnerships",
  title: "Partnerships",
  flag: "serviceOffering",
  async search(db, term, limit) {
    const rows = await db
      .select({
        id: partnership.id,
        name: partnership.name,
        tierName: partnershipTier.name,
        agreementStart: partnership.agreementStart,
        agreementEnd: partnership.agreementEnd,
        partnerConsortiumId: partnership.partnerConsortiumId,
        total,
      })
      .from(partnership)
      .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
      .where(anyContains(term, [partnership.name, partnership.agreementLink, partnership.registrationCode]))
      .orderBy(partnership.name, partnership.id)
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: partnershipPath(row.id), text: partnershipDisplay(row) })),
    };
  },
};

/** Shown only while the service offering is on, as in AMY. */
export const consortiumsSearch: SearchSection = {
  key: "consortiums",
  title: "Consortiums",
  flag: "serviceOffering",
  async search(db, term, limit) {
    const rows = await db
      .select({ id: consortium.id, name: consortium.name, total })
      .from(consortium)
      .where(anyContains(term, [consortium.name, consortium.description]))
      .orderBy(consortium.name, consortium.id)
      .limit(limit);
    return {
      count: totalOf(rows),
      items: rows.map((row) => ({ href: consortiumPath(row.id), text: row.name })),
    };
  },
};
