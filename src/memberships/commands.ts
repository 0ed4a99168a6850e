// Saving and deleting memberships (spec §2.4, §2.6, §2.10): each command checks what the form could
// not (organisation, registration code, members), then changes every row in one transaction with
// its history.
import { count, eq } from "drizzle-orm";
import { addAutomaticComment, addUserComment, type CommentAuthor } from "../comments/index.ts";
import type { Db, Executor } from "../db/client.ts";
import { uniqueViolation } from "../db/errors.ts";
import { recordChange, rowFields } from "../history/index.ts";
import { findOrganizationById } from "../organizations/index.ts";
import type { FieldErrors } from "../ui/forms.tsx";
import { codeConflictMessage, registrationCodeUses } from "./codes.ts";
import { hasBlockers, type MembershipBlockers, membershipBlockers } from "./detail-queries.ts";
import {
  type MembershipCreateInput,
  type MembershipEditInput,
  membershipColumns,
  ROLLED_PAIRS,
} from "./forms.ts";
import type { MembershipRow } from "./queries.ts";
import { membershipDisplay } from "./rules.ts";
import { member, memberRole, membership } from "./schema.ts";
import { MEMBER_ROLES } from "./seeds.ts";

export const MEMBERSHIP_CONTENT_TYPE = "workshops.membership";

type Author = { id: number } | null;

export type SaveOutcome = { ok: true; membership: MembershipRow } | { ok: false; errors: FieldErrors };

const CODE_TAKEN = "Another membership already uses this registration code.";
export const SEVERAL_MEMBERS =
  "This membership has several member organisations, so it must stay a consortium. Remove members until at most one remains, then untick this box.";

/** Rules 3 and 4 of §3.3: the code is used by no other membership, partnership or account benefit. */
async function codeProblems(db: Executor, code: string | null, exceptId?: number): Promise<FieldErrors> {
  if (code === null) return {};
  const uses = await registrationCodeUses(
    db,
    code,
    exceptId === undefined ? undefined : { kind: "membership", id: exceptId },
  );
  const message = codeConflictMessage("membership", uses);
  return message ? { registration_code: [message] } : {};
}

/** A unique violation on the code (someone saved the same code a moment ago) as a field error. */
function codeRace(error: unknown): SaveOutcome | undefined {
  const constraint = uniqueViolation(error);
  if (constraint === undefined || !constraint.includes("registration_code")) return undefined;
  return { ok: false, errors: { registration_code: [CODE_TAKEN] } };
}

/** One history version per membership row, in the transaction that changed them. */
export async function recordMemberships(
  tx: Executor,
  rows: readonly MembershipRow[],
  user: Author,
  comment?: string,
) {
  await recordChange(tx, {
    user,
    comment,
    objects: rows.map((row) => ({
      contentType: MEMBERSHIP_CONTENT_TYPE,
      id: row.id,
      repr: membershipDisplay(row),
      fields: rowFields(membership, row),
    })),
  });
}

/** The id of a member role AMY's code relies on, created if an installation lacks it. */
async function memberRoleIdByName(tx: Executor, name: string): Promise<number> {
  const seeded = MEMBER_ROLES.find((role) => role.name === name) ?? { name, verboseName: "" };
  await tx.insert(memberRole).values(seeded).onConflictDoNothing();
  const [row] = await tx.select({ id: memberRole.id }).from(memberRole).where(eq(memberRole.name, name));
  if (!row) throw new Error(`member role ${name} vanished`);
  return row.id;
}

/**
 * Creates a membership with its main organisation as its first member (the contract signatory of a
 * consortium), the optional comment and its first version.
 */
export async function createMembership(
  db: Db,
  input: MembershipCreateInput,
  user: Author,
): Promise<SaveOutcome> {
  const errors: FieldErrors = { ...(await codeProblems(db, input.registration_code)) };
  if (!(await findOrganizationById(db, input.main_organization))) {
    errors.main_organization = ["Select a valid choice. That choice is not one of the available choices."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(membership).values(membershipColumns(input)).returning();
      if (!created) throw new Error("membership not inserted");
      const roleId = await memberRoleIdByName(tx, input.consortium ? "contract_signatory" : "main");
      await tx
        .insert(member)
        .values({ membershipId: created.id, organizationId: input.main_organization, roleId });
      if (input.comment) {
        await addAutomaticComment(tx, {
          contentType: MEMBERSHIP_CONTENT_TYPE,
          objectPk: created.id,
          text: input.comment,
        });
      }
      await recordMemberships(tx, [created], user);
      return created;
    });
    return { ok: true, membership: row };
  } catch (error) {
    const outcome = codeRace(error);
    if (outcome) return outcome;
    throw error;
  }
}

export interface Neighbours {
  predecessor: MembershipRow | undefined;
  successor: MembershipRow | undefined;
}

async function memberCount(db: Executor, id: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(member).where(eq(member.membershipId, id));
  return row?.n ?? 0;
}

/** The user comment filed when the extensions were edited by hand (spec §2.6 step 2). */
export function extensionsChangedComment(extensions: readonly number[], agreementEnd: string): string {
  const values = extensions.length === 0 ? "none" : `${extensions.join(", ")} days`;
  return `Membership extensions changed to: ${values}. New agreement end date: ${agreementEnd}.`;
}

async function update(tx: Executor, id: number, values: Partial<MembershipRow>): Promise<MembershipRow> {
  const [row] = await tx.update(membership).set(values).where(eq(membership.id, id)).returning();
  if (!row) throw new Error(`membership ${id} vanished`);
  return row;
}

/**
 * Saves the edit form (spec §2.6): the fields, the end date moved by the change in extensions (with
 * a comment by the editor), and the carried-over amounts copied to the other side of each roll-over.
 */
export async function updateMembership(
  db: Db,
  row: MembershipRow,
  input: MembershipEditInput,
  neighbours: Neighbours,
  editor: CommentAuthor,
): Promise<SaveOutcome> {
  const errors: FieldErrors = { ...(await codeProblems(db, input.registration_code, row.id)) };
  if (!input.consortium && (await memberCount(db, row.id)) > 1) errors.consortium = [SEVERAL_MEMBERS];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const own: Partial<MembershipRow> = { ...membershipColumns(input), extensions: input.extensions };
  const successorValues: Partial<MembershipRow> = {};
  const predecessorValues: Partial<MembershipRow> = {};
  for (const pair of ROLLED_PAIRS) {
    const over = input.rolled[pair.over];
    const from = input.rolled[pair.from];
    if (neighbours.successor && over !== undefined) {
      own[pair.overColumn] = over;
      successorValues[pair.fromColumn] = over;
    }
    if (neighbours.predecessor && from !== undefined) {
      own[pair.fromColumn] = from;
      predecessorValues[pair.overColumn] = from;
    }
  }
  const author = { id: editor.id };
  try {
    const saved = await db.transaction(async (tx) => {
      const updated = await update(tx, row.id, own);
      const changed = [updated];
      if (input.extensionsChanged) {
        await addUserComment(tx, {
          contentType: MEMBERSHIP_CONTENT_TYPE,
          objectPk: row.id,
          text: extensionsChangedComment(updated.extensions, updated.agreementEnd),
          author: editor,
        });
      }
      if (neighbours.successor && Object.keys(successorValues).length > 0) {
        changed.push(await update(tx, neighbours.successor.id, successorValues));
      }
      if (neighbours.predecessor && Object.keys(predecessorValues).length > 0) {
        changed.push(await update(tx, neighbours.predecessor.id, predecessorValues));
      }
      await recordMemberships(tx, changed, author);
      return updated;
    });
    return { ok: true, membership: saved };
  } catch (error) {
    const outcome = codeRace(error);
    if (outcome) return outcome;
    throw error;
  }
}

export type DeleteOutcome = { deleted: true } | { deleted: false; blockers: MembershipBlockers };

/** Error codes of a row still referred to (NO ACTION and RESTRICT keys). */
const STILL_REFERENCED = new Set(["23503", "23001"]);

function stillReferenced(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && STILL_REFERENCED.has(code)) return true;
    current = cause;
  }
  return false;
}

/**
 * Deletes a membership nothing protects (its members go with it; a predecessor forgets it was rolled
 * over), keeping its last state in the history. Otherwise reports what is in the way.
 */
export async function deleteMembership(db: Db, row: MembershipRow, user: Author): Promise<DeleteOutcome> {
  const blockers = await membershipBlockers(db, row.id);
  if (hasBlockers(blockers)) return { deleted: false, blockers };
  try {
    await db.transaction(async (tx) => {
      await recordMemberships(tx, [row], user, "Deleted.");
      await tx.delete(membership).where(eq(membership.id, row.id));
    });
  } catch (error) {
    // Something came to refer to it between the check and the delete.
    if (!stillReferenced(error)) throw error;
    return { deleted: false, blockers: await membershipBlockers(db, row.id) };
  }
  return { deleted: true };
}
