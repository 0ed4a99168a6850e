import type { Db, Executor } from "../../db/client.ts";
import { uniqueViolation } from "../../db/errors.ts";
import { recordChange, rowFields } from "../../history/index.ts";
import { fullName } from "../../people/index.ts";
import type { FieldErrors } from "../../ui/forms.tsx";
import { recordEventVersion } from "../commands.ts";
import { benefitMustGo } from "../form-rules.ts";
import { accountBenefitOfUnit, membershipExists } from "../offering-queries.ts";
import { task } from "../schema.ts";
import { TASK_BENEFIT_REMOVED_MESSAGE, type TaskInput } from "./forms.ts";
import {
  communityRolesOf,
  deleteTaskRow,
  duplicateTaskExists,
  findPersonName,
  findRole,
  findTask,
  findTaskEventFacts,
  insertTask,
  type TaskSummary,
  type TaskValues,
  updateTaskRow,
} from "./queries.ts";
import {
  communityRoleToCheck,
  DUPLICATE_TASK,
  instructorRoleProblem,
  seatProblems,
  summaryDisplay,
  TASK_CONTENT_TYPE,
} from "./rules.ts";
import { findSeatMembershipFacts } from "./seat-queries.ts";
import { seatWarningsAfterUpdate, seatWarningsBeforeCreate } from "./seat-rules.ts";

type Author = { id: number } | null;
/** A saved task comes with warnings to show (seats, a removed benefit); they never block the save. */
export type SaveOutcome =
  | { ok: true; task: TaskSummary; warnings: string[] }
  | { ok: false; errors: FieldErrors };

/** Whether the form offers the allocated-benefit field (the service offering is on). */
export interface TaskFormOptions {
  allocatedBenefit: boolean;
}

const INVALID_CHOICE = "Choose one of the options offered.";

/**
 * The rules a form cannot check alone: the chosen records exist (a retired role only when the task
 * already has it; a seat-type account benefit), the instructor's community role, the seat rules
 * against the event's stored tags, and uniqueness.
 */
async function taskProblems(
  db: Executor,
  input: TaskInput,
  context: { today: string; existing?: TaskSummary },
): Promise<FieldErrors> {
  const [facts, chosenPerson, chosenRole, membershipFound, benefitFound] = await Promise.all([
    findTaskEventFacts(db, input.event),
    findPersonName(db, input.person),
    findRole(db, input.role),
    input.seat_membership === null ? true : membershipExists(db, input.seat_membership),
    input.allocated_benefit === null ? true : accountBenefitOfUnit(db, input.allocated_benefit, "seat"),
  ]);
  const errors: FieldErrors = {};
  if (!facts) errors.event = [INVALID_CHOICE];
  if (!chosenPerson) errors.person = [INVALID_CHOICE];
  if (!membershipFound) errors.seat_membership = [INVALID_CHOICE];
  if (!benefitFound) errors.allocated_benefit = [INVALID_CHOICE];
  const roleUsable =
    chosenRole && (chosenRole.retiredAt === null || chosenRole.id === context.existing?.roleId);
  if (!roleUsable) errors.role = [INVALID_CHOICE];
  if (!facts || !chosenPerson || !chosenRole || !roleUsable || !membershipFound || !benefitFound)
    return errors;

  const communityRole = communityRoleToCheck(facts.administratorDomain);
  const roleProblem = instructorRoleProblem({
    roleName: chosenRole.name,
    personName: fullName(chosenPerson),
    communityRole,
    roles: await communityRolesOf(db, chosenPerson.id, communityRole),
    today: context.today,
  });
  const seats = seatProblems({
    seatOpenTraining: context.existing?.seatOpenTraining ?? false,
    seatMembership: input.seat_membership !== null,
    roleName: chosenRole.name,
    eventTags: facts.tags,
    openTttApplications: facts.openTttApplications,
  });
  if (roleProblem) errors.role = [roleProblem];
  if (seats.role) errors.role = [...(errors.role ?? []), ...seats.role];
  if (seats.seat_membership) errors.seat_membership = seats.seat_membership;
  // The open-training seat is not on the form: its problem is shown above the form.
  if (seats.seat_open_training) errors.__all__ = seats.seat_open_training;
  if (Object.keys(errors).length > 0) return errors;
  const key = { eventId: input.event, personId: input.person, roleId: input.role };
  if (await duplicateTaskExists(db, key, context.existing?.id)) errors.__all__ = [DUPLICATE_TASK];
  return errors;
}

function valuesOf(input: TaskInput, options: TaskFormOptions): TaskValues {
  return {
    eventId: input.event,
    personId: input.person,
    roleId: input.role,
    seatMembershipId: input.seat_membership,
    ...(options.allocatedBenefit ? { allocatedBenefitId: input.allocated_benefit } : {}),
  };
}

async function record(tx: Executor, row: typeof task.$inferSelect, user: Author, comment?: string) {
  const summary = await findTask(tx, row.id);
  if (!summary) throw new Error(`task ${row.id} vanished`);
  // AMY re-saves the event with each task, so the event's history shows the change too.
  await recordEventVersion(tx, row.eventId, user);
  await recordChange(tx, {
    user,
    comment,
    objects: [
      {
        contentType: TASK_CONTENT_TYPE,
        id: row.id,
        repr: summaryDisplay(summary),
        fields: rowFields(task, row),
      },
    ],
  });
  return summary;
}

/** New tasks take a public seat (the form no longer offers in-house seats); warnings use the figures before the save. */
export async function createTask(
  db: Db,
  input: TaskInput,
  user: Author,
  today: string,
  options: TaskFormOptions,
): Promise<SaveOutcome> {
  const errors = await taskProblems(db, input, { today });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const warnings = await createWarnings(db, input, today);
  const values = { ...valuesOf(input, options), seatPublic: true };
  return saved(() => db.transaction(async (tx) => record(tx, await insertTask(tx, values), user)), warnings);
}

async function createWarnings(db: Executor, input: TaskInput, today: string): Promise<string[]> {
  if (input.seat_membership === null) return [];
  const [seatMembership, facts] = await Promise.all([
    findSeatMembershipFacts(db, input.seat_membership, today),
    findTaskEventFacts(db, input.event),
  ]);
  return seatMembership && facts ? seatWarningsBeforeCreate(seatMembership, facts, today) : [];
}

/** Runs the save; another request that saved the same task first meets the same error as the check. */
async function saved(save: () => Promise<TaskSummary>, warnings: string[] = []): Promise<SaveOutcome> {
  try {
    return { ok: true, task: await save(), warnings };
  } catch (error) {
    if (uniqueViolation(error) === undefined) throw error;
    return { ok: false, errors: { __all__: [DUPLICATE_TASK] } };
  }
}

/**
 * Saves the changes; a benefit that would stay beside a seat membership (possible only while the
 * form hides the benefit) is removed, with a warning, and the seat figures after the save may warn.
 */
export async function updateTask(
  db: Db,
  existing: TaskSummary,
  input: TaskInput,
  user: Author,
  today: string,
  options: TaskFormOptions,
): Promise<SaveOutcome> {
  const errors = await taskProblems(db, input, { today, existing });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const values = valuesOf(input, options);
  const dropBenefit = benefitMustGo(
    input.seat_membership,
    values.allocatedBenefitId === undefined ? existing.allocatedBenefitId : values.allocatedBenefitId,
  );
  if (dropBenefit) values.allocatedBenefitId = null;
  const outcome = await saved(() =>
    db.transaction(async (tx) => record(tx, await updateTaskRow(tx, existing.id, values), user)),
  );
  if (!outcome.ok) return outcome;
  if (dropBenefit) outcome.warnings.push(TASK_BENEFIT_REMOVED_MESSAGE);
  const seatMembership =
    outcome.task.seatMembershipId === null
      ? undefined
      : await findSeatMembershipFacts(db, outcome.task.seatMembershipId, today);
  if (seatMembership)
    outcome.warnings.push(...seatWarningsAfterUpdate(seatMembership, outcome.task.seatPublic));
  return outcome;
}

/** Deletes a task (nothing refers to one); its last state stays in the history. */
export async function deleteTask(db: Db, existing: TaskSummary, user: Author): Promise<void> {
  await db.transaction(async (tx) => {
    await recordChange(tx, {
      user,
      comment: "Deleted.",
      objects: [
        {
          contentType: TASK_CONTENT_TYPE,
          id: existing.id,
          repr: summaryDisplay(existing),
          fields: {
            event: existing.eventId,
            person: existing.personId,
            role: existing.roleId,
            seat_public: existing.seatPublic,
            seat_open_training: existing.seatOpenTraining,
            seat_membership: existing.seatMembershipId,
            allocated_benefit: existing.allocatedBenefitId,
          },
        },
      ],
    });
    await deleteTaskRow(tx, existing.id);
  });
}
