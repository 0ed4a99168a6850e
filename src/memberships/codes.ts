// Registration ("member") codes: one code names at most one membership, partnership or account
// benefit across all three (spec §3.10), and the public forms check a code is usable (§4.7).
// Matching is exact and case-sensitive; an empty code matches nothing.
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { todayIso } from "../ui/time.ts";
import { membershipFigures } from "./accounting.ts";
import {
  accountBenefitDisplays,
  allocationUsed,
  type MembershipRow,
  oneMembershipUsage,
  type PartnershipWithTier,
} from "./queries.ts";
import { activeOnDate, membershipDisplay, partnershipDisplay } from "./rules.ts";
import { accountBenefit, membership, partnership, partnershipTier } from "./schema.ts";

export type AccountBenefitRow = typeof accountBenefit.$inferSelect;

export type CodeOwnerKind = "membership" | "partnership" | "accountBenefit";

/** The record a form is editing, left out of the search for other users of its code. */
export type CodeOwner =
  | { kind: "membership"; id: number }
  | { kind: "partnership"; id: number }
  | { kind: "accountBenefit"; id: string };

export interface CodeUse<Id> {
  id: Id;
  display: string;
}

export interface RegistrationCodeUses {
  membership?: CodeUse<number>;
  partnership?: CodeUse<number>;
  accountBenefit?: CodeUse<string>;
}

// ---------------------------------------------------------------------------------------------
// The "X or none from code" getters

export async function membershipFromCode(db: Executor, code: string): Promise<MembershipRow | undefined> {
  if (code === "") return undefined;
  const [row] = await db.select().from(membership).where(eq(membership.registrationCode, code)).limit(1);
  return row;
}

export async function partnershipFromCode(
  db: Executor,
  code: string,
): Promise<PartnershipWithTier | undefined> {
  if (code === "") return undefined;
  const [row] = await db
    .select({ partnership, tierName: partnershipTier.name, tierCredits: partnershipTier.credits })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(eq(partnership.registrationCode, code))
    .limit(1);
  return row ? { ...row.partnership, tierName: row.tierName, tierCredits: row.tierCredits } : undefined;
}

export async function accountBenefitFromCode(
  db: Executor,
  code: string,
): Promise<AccountBenefitRow | undefined> {
  if (code === "") return undefined;
  const [row] = await db
    .select()
    .from(accountBenefit)
    .where(eq(accountBenefit.registrationCode, code))
    .limit(1);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Uniqueness across memberships, partnerships and account benefits

/** Which membership, partnership and account benefit already use the code, apart from `exclude`. */
export async function registrationCodeUses(
  db: Executor,
  code: string,
  exclude?: CodeOwner,
): Promise<RegistrationCodeUses> {
  const uses: RegistrationCodeUses = {};
  if (code === "") return uses;

  const [member] = await db
    .select()
    .from(membership)
    .where(
      and(
        eq(membership.registrationCode, code),
        exclude?.kind === "membership" ? ne(membership.id, exclude.id) : undefined,
      ),
    )
    .limit(1);
  if (member) uses.membership = { id: member.id, display: membershipDisplay(member) };

  const [partner] = await db
    .select({ partnership, tierName: partnershipTier.name })
    .from(partnership)
    .leftJoin(partnershipTier, eq(partnershipTier.id, partnership.tierId))
    .where(
      and(
        eq(partnership.registrationCode, code),
        exclude?.kind === "partnership" ? ne(partnership.id, exclude.id) : undefined,
      ),
    )
    .limit(1);
  if (partner) {
    uses.partnership = {
      id: partner.partnership.id,
      display: partnershipDisplay({ ...partner.partnership, tierName: partner.tierName }),
    };
  }

  const [benefitRow] = await db
    .select({ id: accountBenefit.id })
    .from(accountBenefit)
    .where(
      and(
        eq(accountBenefit.registrationCode, code),
        exclude?.kind === "accountBenefit" ? ne(accountBenefit.id, exclude.id) : undefined,
      ),
    )
    .limit(1);
  if (benefitRow) {
    const displays = await accountBenefitDisplays(db, [benefitRow.id], todayIso());
    uses.accountBenefit = { id: benefitRow.id, display: displays.get(benefitRow.id) ?? benefitRow.id };
  }
  return uses;
}

const SAME_KIND_MESSAGE: Record<CodeOwnerKind, string> = {
  membership: "Another membership already uses this registration code.",
  partnership: "Another partnership already uses this registration code.",
  accountBenefit: "Another account benefit already uses this registration code.",
};

const usedBy = (what: string, display: string) =>
  `This registration code is already used by ${what} "${display}". Registration codes must be unique.`;

/**
 * The error for the `registration_code` field of a membership, partnership or account-benefit form,
 * or undefined when the code is free. A code used by another kind of record wins over a code used
 * by the same kind (as in AMY, where the form's own check runs before the uniqueness check); of the
 * other two kinds, the membership and partnership forms name the account benefit first, and the
 * account-benefit form names the partnership first.
 */
export function codeConflictMessage(kind: CodeOwnerKind, uses: RegistrationCodeUses): string | undefined {
  const accountBenefitUse = uses.accountBenefit && usedBy("account benefit", uses.accountBenefit.display);
  const partnershipUse = uses.partnership && usedBy("partnership", uses.partnership.display);
  const membershipUse = uses.membership && usedBy("membership", uses.membership.display);
  switch (kind) {
    case "membership":
      return accountBenefitUse ?? partnershipUse ?? (uses.membership && SAME_KIND_MESSAGE.membership);
    case "partnership":
      return accountBenefitUse ?? membershipUse ?? (uses.partnership && SAME_KIND_MESSAGE.partnership);
    case "accountBenefit":
      return partnershipUse ?? membershipUse ?? (uses.accountBenefit && SAME_KIND_MESSAGE.accountBenefit);
  }
}

// ---------------------------------------------------------------------------------------------
// Validity on a date (spec §4.7)

export interface CodeCheck {
  valid: boolean;
  reason?: string;
}

const VALID: CodeCheck = { valid: true };
const invalid = (reason: string): CodeCheck => ({ valid: false, reason });
const inactive = (what: string, start: string, end: string) =>
  invalid(`${what} is not active on this date (it runs from ${start} to ${end}).`);

function checkMembership(
  row: MembershipRow,
  date: string,
  graceBefore: number,
  graceAfter: number,
): CodeCheck {
  return activeOnDate(row, date, graceBefore, graceAfter)
    ? VALID
    : inactive("The membership", row.agreementStart, row.agreementEnd);
}

async function checkMembershipTraining(
  db: Executor,
  row: MembershipRow,
  date: string,
  graceBefore: number,
  graceAfter: number,
): Promise<CodeCheck> {
  const active = checkMembership(row, date, graceBefore, graceAfter);
  if (!active.valid) return active;
  const figures = membershipFigures(row, await oneMembershipUsage(db, row.id, date));
  return figures.publicSeatsRemaining + figures.inhouseSeatsRemaining > 0
    ? VALID
    : invalid("The membership has no instructor training seats left.");
}

function checkPartnership(
  row: { agreementStart: string; agreementEnd: string },
  date: string,
  graceBefore: number,
  graceAfter: number,
): CodeCheck {
  return activeOnDate(row, date, graceBefore, graceAfter)
    ? VALID
    : inactive("The partnership", row.agreementStart, row.agreementEnd);
}

async function checkAccountBenefit(
  db: Executor,
  row: AccountBenefitRow,
  date: string,
  graceBefore: number,
  graceAfter: number,
): Promise<CodeCheck> {
  const dates = { agreementStart: row.startDate, agreementEnd: row.endDate };
  if (!activeOnDate(dates, date, graceBefore, graceAfter)) {
    return inactive("The account benefit", row.startDate, row.endDate);
  }
  if (row.frozen) return invalid("The account benefit is frozen.");
  const used = (await allocationUsed(db, [row.id])).get(row.id) ?? 0;
  return used < row.allocation ? VALID : invalid("The account benefit has no allocation left.");
}

const notFound = (what: string) => invalid(`No ${what} has this registration code.`);

/** A membership has the code and is active on `date`, give or take the grace days. */
export async function membershipCodeValid(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  const row = await membershipFromCode(db, code);
  return row ? checkMembership(row, date, graceBefore, graceAfter) : notFound("membership");
}

/** As `membershipCodeValid`, and the membership still has instructor-training seats left. */
export async function membershipCodeValidTraining(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  const row = await membershipFromCode(db, code);
  return row ? checkMembershipTraining(db, row, date, graceBefore, graceAfter) : notFound("membership");
}

/** A partnership has the code and runs on `date`, give or take the grace days (credits are not checked). */
export async function partnershipCodeValid(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  const row = await partnershipFromCode(db, code);
  return row ? checkPartnership(row, date, graceBefore, graceAfter) : notFound("partnership");
}

/** An account benefit has the code, is valid on `date` (with grace), is not frozen and has units left. */
export async function accountBenefitCodeValid(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  const row = await accountBenefitFromCode(db, code);
  return row ? checkAccountBenefit(db, row, date, graceBefore, graceAfter) : notFound("account benefit");
}

/**
 * Valid when the code's membership, partnership or account benefit passes its check. Otherwise the
 * reason is the first one about a record that has the code (its dates, seats, frozen state or
 * allocation), or that nothing has the code.
 */
async function anyMemberCode(
  db: Executor,
  code: string,
  date: string,
  graceBefore: number,
  graceAfter: number,
  training: boolean,
): Promise<CodeCheck> {
  const results: CodeCheck[] = [];
  const member = await membershipFromCode(db, code);
  if (member) {
    results.push(
      training
        ? await checkMembershipTraining(db, member, date, graceBefore, graceAfter)
        : checkMembership(member, date, graceBefore, graceAfter),
    );
  }
  const partner = await partnershipFromCode(db, code);
  if (partner) results.push(checkPartnership(partner, date, graceBefore, graceAfter));
  const benefitRow = await accountBenefitFromCode(db, code);
  if (benefitRow) results.push(await checkAccountBenefit(db, benefitRow, date, graceBefore, graceAfter));
  return (
    results.find((result) => result.valid) ??
    results[0] ??
    invalid("No membership, partnership or account benefit has this registration code.")
  );
}

/** The code of an active membership, partnership or usable account benefit (workshop requests). */
export function anyMemberCodeValid(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  return anyMemberCode(db, code, date, graceBefore, graceAfter, false);
}

/** As `anyMemberCodeValid`, a membership also needing training seats left (training applications). */
export function anyMemberCodeValidTraining(
  db: Executor,
  code: string,
  date: string,
  graceBefore = 0,
  graceAfter = 0,
): Promise<CodeCheck> {
  return anyMemberCode(db, code, date, graceBefore, graceAfter, true);
}
