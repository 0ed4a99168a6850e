import { sql } from "drizzle-orm";
import type { Seeder } from "../db/seed.ts";
import { accountBenefitDiscount, benefit, memberRole, membershipPersonRole } from "./schema.ts";

// Rows this area's code relies on. Roles are matched by name, so they are (re)created by name; the
// default benefit and discount keep AMY's fixed ids and are only inserted into an empty table, so an
// admin's edits and deletions stick.

export const MEMBER_ROLES = [
  { name: "main", verboseName: "Main Organisation" },
  { name: "contract_signatory", verboseName: "Contract Signatory" },
  { name: "workshop_coordinator", verboseName: "Workshop Coordinator" },
];

export const MEMBERSHIP_PERSON_ROLES = [
  { name: "default", verboseName: "Default" },
  { name: "billing_contact", verboseName: "Billing Contact" },
  { name: "programmatic_contact", verboseName: "Programmatic Contact" },
];

export const INSTRUCTOR_TRAINING_BENEFIT = {
  id: "641e0a4c-0626-43f8-ae4f-ccf507b87791",
  name: "Instructor Training",
  description: "Seat at an instructor training",
  unitType: "seat",
  credits: 1,
};

export const FULL_DISCOUNT = { id: "b2c3d4e5-f6a7-8901-bcde-f12345678901", name: "Full Discount" };

export const membershipsSeeder: Seeder = {
  name: "memberships reference data",
  async run(tx) {
    await tx.insert(memberRole).values(MEMBER_ROLES).onConflictDoNothing();
    await tx.insert(membershipPersonRole).values(MEMBERSHIP_PERSON_ROLES).onConflictDoNothing();
    const [benefits] = await tx.select({ n: sql<number>`count(*)::int` }).from(benefit);
    if (benefits?.n === 0) await tx.insert(benefit).values(INSTRUCTOR_TRAINING_BENEFIT);
    const [discounts] = await tx.select({ n: sql<number>`count(*)::int` }).from(accountBenefitDiscount);
    if (discounts?.n === 0) await tx.insert(accountBenefitDiscount).values(FULL_DISCOUNT);
  },
};
