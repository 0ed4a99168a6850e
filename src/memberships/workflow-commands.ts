// The membership workflows (spec §2.7 members, §2.8 persons, §2.9 extend, §2.11 roll-over): each
// checks what its form could not, then changes every row in one transaction, with the comment and
// the history the change leaves.
import { and, eq, inArray } from "drizzle-orm";
import { addAutomaticComment, addUserComment, type CommentAuthor } from "../comments/index.ts";
import type { Db, Executor } from "../db/client.ts";
import { uniqueViolation } from "../db/errors.ts";
import { recordChange, rowFields } from "../history/index.ts";
import { organizationDisplay } from "../organizations/index.ts";
import { personDisplay } from "../people/index.ts";
import type { FieldErrors } from "../ui/forms.tsx";
import {
  addRowError,
  type FormsetPlan,
  markDuplicates,
  type PostedRow,
  planFormset,
  planIsValid,
  type RowChange,
} from "../ui/formset.ts";
import { membershipFigures } from "./accounting.ts";
import { codeConflictMessage, registrationCodeUses } from "./codes.ts";
import { MEMBERSHIP_CONTENT_TYPE, recordMemberships } from "./commands.ts";
import { extendDates, extensionComment } from "./extension.ts";
import { membershipColumns, ROLLED_PAIRS } from "./forms.ts";
import { type MembershipRow, oneMembershipUsage } from "./queries.ts";
import { membershipDisplay } from "./rules.ts";
import { member, memberRole, membership, membershipPersonRole, membershipTask } from "./schema.ts";
import {
  CHOOSE_ORGANIZATION,
  CHOOSE_PERSON,
  CHOOSE_ROLE,
  MEMBER_DUPLICATE,
  MEMBER_FIELDS,
  PERSON_DUPLICATE,
  PERSON_FIELDS,
  postedId,
  type RolledMaxima,
  type RollOverInput,
} from "./workflow-forms.ts";
import {
  lockMembership,
  membershipLinks,
  organizationsByIds,
  personsByIds,
  storedMembers,
  storedMembershipTasks,
} from "./workflow-queries.ts";

const MEMBER_CONTENT_TYPE = "workshops.member";
const MEMBERSHIP_TASK_CONTENT_TYPE = "fiscal.membershiptask";

export const ONLY_ONE_MEMBER =
  "A membership that is not a consortium lists exactly one organisation. To list several, first tick “Consortium” on the membership's edit page.";
const CHANGED_MEANWHILE =
  "These rows were changed by someone else while you were editing. Reload the page and try again.";

type Author = CommentAuthor;

export type FormsetOutcome = { ok: true } | { ok: false; plan: FormsetPlan };

const asText = (id: number) => String(id);

/** The ids a plan's new and changed rows name in `field`, and the rows naming something unreadable. */
function idsIn(plan: FormsetPlan, field: string, message: string): number[] {
  const ids = new Set<number>();
  for (const change of plan.changes) {
    if (change.kind === "delete") continue;
    const text = change.values[field] ?? "";
    if (text === "") continue;
    const id = postedId(text);
    if (id === undefined) addRowError(plan, change.index, message, field);
    else ids.add(id);
  }
  return [...ids];
}

/** Marks the new and changed rows naming an id that is not among `known`. */
function markUnknown(plan: FormsetPlan, field: string, known: ReadonlySet<number>, message: string): void {
  for (const change of plan.changes) {
    if (change.kind === "delete") continue;
    const id = postedId(change.values[field]);
    if (id !== undefined && !known.has(id)) addRowError(plan, change.index, message, field);
  }
}

async function roleIds(db: Executor, table: typeof memberRole | typeof membershipPersonRole, ids: number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** The stored row a delete or an update names. */
const rowId = (change: RowChange) => (change.kind === "create" ? 0 : Number(change.id));

function numberValues(change: Extract<RowChange, { values: unknown }>, fields: readonly [string, string]) {
  return [Number(change.values[fields[0]]), Number(change.values[fields[1]])] as const;
}

// ---------------------------------------------------------------------------------------------
// Members (§2.7)

/** The "members changed" comment (§2.7), or undefined when no organisation came, went or changed. */
export function membersChangedComment(
  today: string,
  lines: { added: string[]; removed: string[]; replaced: string[] },
): string | undefined {
  const bullets = [
    ...lines.added.map((display) => `- Added ${display}`),
    ...lines.removed.map((display) => `- Removed ${display}`),
    ...lines.replaced.map((display) => `- Replaced with ${display}`),
  ];
  if (bullets.length === 0) return undefined;
  return `Members changed on ${today}:\n\n${bullets.join("\n")}`;
}

/**
 * Saves the members formset of a membership: all rows or none. A membership that is not a
 * consortium keeps exactly one row and cannot delete it (its DELETE boxes are ignored).
 */
export async function saveMembers(
  db: Db,
  target: MembershipRow,
  rows: readonly PostedRow[],
  author: Author,
  today: string,
): Promise<FormsetOutcome> {
  const stored = await storedMembers(db, target.id);
  const plan = planFormset(
    rows,
    stored.map((row) => ({
      id: asText(row.id),
      values: { organization: asText(row.organizationId), role: asText(row.roleId) },
    })),
    {
      fields: MEMBER_FIELDS,
      canDelete: target.consortium,
      ...(target.consortium ? {} : { maxRows: 1, tooManyMessage: ONLY_ONE_MEMBER }),
    },
  );
  const organizationIds = idsIn(plan, "organization", CHOOSE_ORGANIZATION);
  const organizations = await organizationsByIds(db, organizationIds);
  markUnknown(plan, "organization", new Set(organizations.map((row) => row.id)), CHOOSE_ORGANIZATION);
  markUnknown(plan, "role", await roleIds(db, memberRole, idsIn(plan, "role", CHOOSE_ROLE)), CHOOSE_ROLE);
  markDuplicates(plan, MEMBER_FIELDS, MEMBER_DUPLICATE);
  if (!planIsValid(plan)) return { ok: false, plan };

  const displays = new Map<number, string>([
    ...stored.map((row): [number, string] => [row.organizationId, organizationDisplay(row)]),
    ...organizations.map((row): [number, string] => [row.id, organizationDisplay(row)]),
  ]);
  const display = (id: number) => displays.get(id) ?? String(id);
  const lines = { added: [] as string[], removed: [] as string[], replaced: [] as string[] };
  return applyChanges(db, plan, async (tx) => {
    const saved: (typeof member.$inferSelect)[] = [];
    const deleted: (typeof member.$inferSelect)[] = [];
    for (const change of ordered(plan.changes)) {
      const where = and(eq(member.id, rowId(change)), eq(member.membershipId, target.id));
      if (change.kind === "delete") {
        const [row] = await tx.delete(member).where(where).returning();
        if (row) {
          deleted.push(row);
          lines.removed.push(display(row.organizationId));
        }
        continue;
      }
      const [organizationId, roleId] = numberValues(change, MEMBER_FIELDS);
      if (change.kind === "update") {
        const [row] = await tx.update(member).set({ organizationId, roleId }).where(where).returning();
        if (!row) throw new ChangedMeanwhile();
        saved.push(row);
        if (change.before.organization !== change.values.organization)
          lines.replaced.push(display(organizationId));
      } else {
        const [row] = await tx
          .insert(member)
          .values({ membershipId: target.id, organizationId, roleId })
          .returning();
        if (row) saved.push(row);
        lines.added.push(display(organizationId));
      }
    }
    const text = membersChangedComment(today, lines);
    if (text) {
      await addUserComment(tx, { contentType: MEMBERSHIP_CONTENT_TYPE, objectPk: target.id, text, author });
    }
    await recordRows(
      tx,
      { contentType: MEMBER_CONTENT_TYPE, table: member },
      saved,
      deleted,
      author,
      (row) => `${display(row.organizationId)} in ${membershipDisplay(target)}`,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Persons (§2.8)

/** Saves the persons (membership tasks) formset of a membership: all rows or none. */
export async function saveMembershipPersons(
  db: Db,
  target: MembershipRow,
  rows: readonly PostedRow[],
  author: Author,
): Promise<FormsetOutcome> {
  const stored = await storedMembershipTasks(db, target.id);
  const plan = planFormset(
    rows,
    stored.map((row) => ({
      id: asText(row.id),
      values: { person: asText(row.personId), role: asText(row.roleId) },
    })),
    { fields: PERSON_FIELDS, canDelete: true },
  );
  const postedPersons = idsIn(plan, "person", CHOOSE_PERSON);
  const persons = await personsByIds(db, [
    ...new Set([...postedPersons, ...stored.map((row) => row.personId)]),
  ]);
  markUnknown(plan, "person", new Set(persons.map((row) => row.id)), CHOOSE_PERSON);
  markUnknown(
    plan,
    "role",
    await roleIds(db, membershipPersonRole, idsIn(plan, "role", CHOOSE_ROLE)),
    CHOOSE_ROLE,
  );
  markDuplicates(plan, PERSON_FIELDS, PERSON_DUPLICATE);
  if (!planIsValid(plan)) return { ok: false, plan };

  return applyChanges(db, plan, async (tx) => {
    const saved: (typeof membershipTask.$inferSelect)[] = [];
    const deleted: (typeof membershipTask.$inferSelect)[] = [];
    for (const change of ordered(plan.changes)) {
      const where = and(eq(membershipTask.id, rowId(change)), eq(membershipTask.membershipId, target.id));
      if (change.kind === "delete") {
        const [row] = await tx.delete(membershipTask).where(where).returning();
        if (row) deleted.push(row);
        continue;
      }
      const [personId, roleId] = numberValues(change, PERSON_FIELDS);
      const [row] =
        change.kind === "update"
          ? await tx.update(membershipTask).set({ personId, roleId }).where(where).returning()
          : await tx.insert(membershipTask).values({ membershipId: target.id, personId, roleId }).returning();
      if (!row) throw new ChangedMeanwhile();
      saved.push(row);
    }
    const names = new Map(persons.map((row) => [row.id, personDisplay(row)]));
    await recordRows(
      tx,
      { contentType: MEMBERSHIP_TASK_CONTENT_TYPE, table: membershipTask },
      saved,
      deleted,
      author,
      (row) => `${names.get(row.personId) ?? row.personId} in ${membershipDisplay(target)}`,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Shared by the two formsets

class ChangedMeanwhile extends Error {}

/** Deletions first, then updates, then new rows: a row may take the values of one deleted just before. */
function ordered(changes: readonly RowChange[]): RowChange[] {
  const rank = { delete: 0, update: 1, create: 2 } as const;
  return [...changes].sort((a, b) => rank[a.kind] - rank[b.kind] || a.index - b.index);
}

/** Runs the changes in one transaction; a concurrent edit that breaks a rule undoes them all. */
async function applyChanges(
  db: Db,
  plan: FormsetPlan,
  apply: (tx: Executor) => Promise<void>,
): Promise<FormsetOutcome> {
  try {
    await db.transaction(apply);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile) && uniqueViolation(error) === undefined) throw error;
    plan.formErrors.push(CHANGED_MEANWHILE);
    return { ok: false, plan };
  }
}

async function recordRows<Row extends { id: number }>(
  tx: Executor,
  kind: { contentType: string; table: typeof member | typeof membershipTask },
  saved: readonly Row[],
  deleted: readonly Row[],
  author: Author,
  repr: (row: Row) => string,
) {
  const object = (row: Row) => ({
    contentType: kind.contentType,
    id: row.id,
    repr: repr(row),
    fields: rowFields(kind.table, row as never),
  });
  if (saved.length > 0) await recordChange(tx, { user: author, objects: saved.map(object) });
  if (deleted.length > 0)
    await recordChange(tx, { user: author, comment: "Deleted.", objects: deleted.map(object) });
}

// ---------------------------------------------------------------------------------------------
// Extend (§2.9)

/**
 * Moves the end date to `newEnd`, records the days added in `extensions`, and files the user comment
 * of §2.9 (days, today, new end, `----`, the user's text). Undefined when the end date moved
 * meanwhile so that `newEnd` is no longer later.
 */
export async function extendMembership(
  db: Db,
  target: MembershipRow,
  input: { new_agreement_end: string; comment: string },
  author: Author,
  today: string,
): Promise<MembershipRow | undefined> {
  return db.transaction(async (tx) => {
    const current = await lockMembership(tx, target.id);
    if (!current || input.new_agreement_end <= current.agreementEnd) return undefined;
    const extended = extendDates(current, input.new_agreement_end);
    const [row] = await tx
      .update(membership)
      .set({ agreementEnd: extended.agreementEnd, extensions: extended.extensions })
      .where(eq(membership.id, target.id))
      .returning();
    if (!row) return undefined;
    await addUserComment(tx, {
      contentType: MEMBERSHIP_CONTENT_TYPE,
      objectPk: row.id,
      text: extensionComment("membership", extended.days, today, extended.agreementEnd, input.comment),
      author,
    });
    await recordMemberships(tx, [row], author, `Extended by ${extended.days} days.`);
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Roll-over (§2.11)

/** The most the successor may carry over: what the membership has left, never below 0. */
export async function rolledMaxima(db: Executor, row: MembershipRow, today: string): Promise<RolledMaxima> {
  const figures = membershipFigures(row, await oneMembershipUsage(db, row.id, today));
  return {
    workshops_without_admin_fee_rolled_from_previous: Math.max(figures.workshopsWithoutAdminFeeRemaining, 0),
    public_instructor_training_seats_rolled_from_previous: Math.max(figures.publicSeatsRemaining, 0),
    inhouse_instructor_training_seats_rolled_from_previous: Math.max(figures.inhouseSeatsRemaining, 0),
  };
}

export type RollOverOutcome =
  | { ok: true; old: MembershipRow; created: MembershipRow }
  | { ok: false; errors: FieldErrors }
  | { ok: false; alreadyRolledOver: true };

const CODE_TAKEN = "Another membership already uses this registration code.";

/**
 * Creates the successor of `old` from the roll-over form, in one transaction: the new membership
 * (a consortium exactly when the old one is), the carried amounts on both sides, the link from old
 * to new, copies of the members (always, unless the old one is a consortium and the box is unticked)
 * and of the person roles (when ticked), the form's comment on the new membership, and the history.
 */
export async function rollOverMembership(
  db: Db,
  old: MembershipRow,
  input: RollOverInput,
  author: Author,
): Promise<RollOverOutcome> {
  if (input.registration_code !== null) {
    const message = codeConflictMessage(
      "membership",
      await registrationCodeUses(db, input.registration_code),
    );
    if (message) return { ok: false, errors: { registration_code: [message] } };
  }
  const rolled = {
    workshopsWithoutAdminFeeRolledFromPrevious: input.workshops_without_admin_fee_rolled_from_previous,
    publicInstructorTrainingSeatsRolledFromPrevious:
      input.public_instructor_training_seats_rolled_from_previous,
    inhouseInstructorTrainingSeatsRolledFromPrevious:
      input.inhouse_instructor_training_seats_rolled_from_previous,
  };
  try {
    return await db.transaction(async (tx): Promise<RollOverOutcome> => {
      const current = await lockMembership(tx, old.id);
      if (!current || current.rolledToMembershipId !== null) return { ok: false, alreadyRolledOver: true };
      const [created] = await tx
        .insert(membership)
        .values({ ...membershipColumns({ ...input, consortium: current.consortium }), ...rolled })
        .returning();
      if (!created) throw new Error("membership not inserted");
      const given: Partial<MembershipRow> = { rolledToMembershipId: created.id };
      for (const pair of ROLLED_PAIRS) given[pair.overColumn] = created[pair.fromColumn];
      const [updated] = await tx.update(membership).set(given).where(eq(membership.id, old.id)).returning();
      if (!updated) throw new Error(`membership ${old.id} vanished`);
      const links = await membershipLinks(tx, old.id);
      if ((input.copy_members || !current.consortium) && links.members.length > 0) {
        await tx.insert(member).values(links.members.map((row) => ({ ...row, membershipId: created.id })));
      }
      if (input.copy_membership_tasks && links.tasks.length > 0) {
        await tx
          .insert(membershipTask)
          .values(links.tasks.map((row) => ({ ...row, membershipId: created.id })));
      }
      if (input.comment) {
        await addAutomaticComment(tx, {
          contentType: MEMBERSHIP_CONTENT_TYPE,
          objectPk: created.id,
          text: input.comment,
        });
      }
      await recordMemberships(
        tx,
        [created, updated],
        author,
        `Rolled over from ${membershipDisplay(updated)}.`,
      );
      return { ok: true, old: updated, created };
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint?.includes("registration_code"))
      return { ok: false, errors: { registration_code: [CODE_TAKEN] } };
    throw error;
  }
}
