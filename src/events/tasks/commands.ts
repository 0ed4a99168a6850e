import type { Db, Executor } from "../../db/client.ts";
import { uniqueViolation } from "../../db/errors.ts";
import { recordChange, rowFields } from "../../history/index.ts";
import { fullName } from "../../people/index.ts";
import type { FieldErrors } from "../../ui/forms.tsx";
import { recordEventVersion } from "../commands.ts";
import { task } from "../schema.ts";
import type { TaskInput } from "./forms.ts";
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

type Author = { id: number } | null;
export type SaveOutcome = { ok: true; task: TaskSummary } | { ok: false; errors: FieldErrors };

const INVALID_CHOICE = "Choose one of the options offered.";

/**
 * The rules a form cannot check alone: the chosen records exist (a retired role only when the task
 * already has it), the instructor's community role, the seat rules against the event's stored tags,
 * and uniqueness.
 */
async function taskProblems(
  db: Executor,
  input: TaskInput,
  context: { today: string; existing?: TaskSummary },
): Promise<FieldErrors> {
  const [facts, chosenPerson, chosenRole] = await Promise.all([
    findTaskEventFacts(db, input.event),
    findPersonName(db, input.person),
    findRole(db, input.role),
  ]);
  const errors: FieldErrors = {};
  if (!facts) errors.event = [INVALID_CHOICE];
  if (!chosenPerson) errors.person = [INVALID_CHOICE];
  const roleUsable =
    chosenRole && (chosenRole.retiredAt === null || chosenRole.id === context.existing?.roleId);
  if (!roleUsable) errors.role = [INVALID_CHOICE];
  if (!facts || !chosenPerson || !chosenRole || !roleUsable) return errors;

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
    roleName: chosenRole.name,
    eventTags: facts.tags,
    openTttApplications: facts.openTttApplications,
  });
  if (roleProblem) errors.role = [roleProblem];
  if (seats.role) errors.role = [...(errors.role ?? []), ...seats.role];
  // The open-training seat is not on the form: its problem is shown above the form.
  if (seats.seat_open_training) errors.__all__ = seats.seat_open_training;
  if (Object.keys(errors).length > 0) return errors;
  if (await duplicateTaskExists(db, valuesOf(input), context.existing?.id)) errors.__all__ = [DUPLICATE_TASK];
  return errors;
}

function valuesOf(input: TaskInput): TaskValues {
  return { eventId: input.event, personId: input.person, roleId: input.role };
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

export async function createTask(
  db: Db,
  input: TaskInput,
  user: Author,
  today: string,
): Promise<SaveOutcome> {
  const errors = await taskProblems(db, input, { today });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return saved(() => db.transaction(async (tx) => record(tx, await insertTask(tx, valuesOf(input)), user)));
}

/** Runs the save; another request that saved the same task first meets the same error as the check. */
async function saved(save: () => Promise<TaskSummary>): Promise<SaveOutcome> {
  try {
    return { ok: true, task: await save() };
  } catch (error) {
    if (uniqueViolation(error) === undefined) throw error;
    return { ok: false, errors: { __all__: [DUPLICATE_TASK] } };
  }
}

export async function updateTask(
  db: Db,
  existing: TaskSummary,
  input: TaskInput,
  user: Author,
  today: string,
): Promise<SaveOutcome> {
  const errors = await taskProblems(db, input, { today, existing });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return saved(() =>
    db.transaction(async (tx) => record(tx, await updateTaskRow(tx, existing.id, valuesOf(input)), user)),
  );
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
          },
        },
      ],
    });
    await deleteTaskRow(tx, existing.id);
  });
}
