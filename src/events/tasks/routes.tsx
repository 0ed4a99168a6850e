import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { safeNextPath } from "../../accounts/index.ts";
import type { Executor } from "../../db/client.ts";
import { firstAndLastVersion } from "../../history/index.ts";
import { personDisplay } from "../../people/index.ts";
import { listActiveChoices } from "../../reference/index.ts";
import { access, hasPermission } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { parseForm, submittedValues } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import type { Choice, FieldErrors } from "../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../ui/pagination.ts";
import { todayIso } from "../../ui/time.ts";
import { accountBenefitChoice, findAccountBenefitLink, membershipChoice } from "../offering-queries.ts";
import { createTask, deleteTask, type TaskFormOptions, updateTask } from "./commands.ts";
import { prefilledValues, prefixedErrors, TASK_PREFIX, taskForm, unprefixed } from "./forms.ts";
import {
  countTasks,
  findEventSlug,
  findPersonName,
  findTask,
  findTaskEventFacts,
  listTasks,
  type TaskSummary,
} from "./queries.ts";
import {
  ADD_TASK_PATH,
  parseTaskListFilters,
  SEAT_BENEFIT_NAMES,
  seatBenefitCode,
  summaryDisplay,
  TASK_CONTENT_TYPE,
  TASKS_PATH,
  taskPath,
} from "./rules.ts";
import { TaskDetailsPage } from "./views/details.tsx";
import { type AllocatedBenefitField, TaskFormPage, type TaskFormValues } from "./views/form.tsx";
import { TaskListPage } from "./views/list.tsx";

type Query = { Querystring: Record<string, unknown> };
type IdParams = Query & { Params: { id: string } };

const ADD = "workshops.add_task";
const CHANGE = "workshops.change_task";
const DELETE = "workshops.delete_task";
const FIX_ERRORS = "Please fix errors in the form below.";
const SEAT_BENEFITS_LOOKUP = "/select_lookups/account-benefits-seats/";

export async function tasksRoutes(app: FastifyInstance) {
  const offering = { allocatedBenefit: app.config.serviceOffering };
  app.get<Query>(TASKS_PATH, { config: { access: access.admin } }, async (request, reply) => {
    const { filters, errors } = parseTaskListFilters(request.query);
    const info = resolvePage(parsePageRequest(request.query), await countTasks(app.db, filters));
    const rows = await listTasks(app.db, filters, { limit: info.perPage, offset: info.offset });
    const user = request.user;
    return reply.page(
      "All Tasks",
      <TaskListPage
        rows={rows}
        info={info}
        query={queryOf(request)}
        filters={{
          event: filters.eventId?.toString(),
          role: filters.roleId?.toString(),
          order_by: filters.orderBy,
        }}
        filterErrors={errors}
        eventChoice={await eventChoice(app.db, filters.eventId?.toString())}
        roleChoices={await listActiveChoices(app.db, "roles")}
        canAdd={user !== null && hasPermission(user, ADD)}
        canChange={user !== null && hasPermission(user, CHANGE)}
      />,
    );
  });

  const mayAdd = { config: { access: access.permission(ADD) } };
  app.get<Query>(ADD_TASK_PATH, mayAdd, async (request, reply) =>
    showCreateForm(app.db, request, reply, offering, prefilledValues(request.query)),
  );

  app.post<Query>(ADD_TASK_PATH, mayAdd, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(taskForm, unprefixed(values, TASK_PREFIX, offering));
    const outcome = form.ok
      ? await createTask(app.db, form.data, request.user, todayIso(), offering)
      : { ok: false as const, errors: form.errors };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      const errors = prefixedErrors(outcome.errors, TASK_PREFIX);
      return showCreateForm(app.db, request, reply, offering, values, errors);
    }
    flash(request, "success", `${summaryDisplay(outcome.task)} was created successfully.`);
    for (const warning of outcome.warnings) flash(request, "warning", warning);
    return reply.redirect(nextOr(request, taskPath(outcome.task.id)), 303);
  });

  app.get<IdParams>("/workshops/task/:id/", { config: { access: access.admin } }, async (request, reply) => {
    const found = await loadTask(app.db, request.params.id);
    const user = request.user;
    return reply.page(
      `Task ${summaryDisplay(found)}`,
      <TaskDetailsPage
        task={found}
        history={await firstAndLastVersion(app.db, TASK_CONTENT_TYPE, found.id)}
        canChange={user !== null && hasPermission(user, CHANGE)}
        canDelete={user !== null && hasPermission(user, DELETE)}
        allocatedBenefit={await findAccountBenefitLink(app.db, found.allocatedBenefitId, todayIso())}
        offeringLinks={app.config.serviceOffering}
      />,
    );
  });

  const mayChange = { config: { access: access.permission(CHANGE) } };
  app.get<IdParams>("/workshops/task/:id/edit/", mayChange, async (request, reply) => {
    const found = await loadTask(app.db, request.params.id);
    const values = {
      event: String(found.eventId),
      person: String(found.personId),
      role: String(found.roleId),
      seat_membership: found.seatMembershipId === null ? "" : String(found.seatMembershipId),
      allocated_benefit: found.allocatedBenefitId ?? "",
    };
    return showEditForm(app.db, reply, offering, found, values);
  });

  app.post<IdParams>("/workshops/task/:id/edit/", mayChange, async (request, reply) => {
    const found = await loadTask(app.db, request.params.id);
    const values = submittedValues(request.body);
    const form = parseForm(taskForm, unprefixed(values, "", offering));
    const outcome = form.ok
      ? await updateTask(app.db, found, form.data, request.user, todayIso(), offering)
      : { ok: false as const, errors: form.errors };
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showEditForm(app.db, reply, offering, found, values, outcome.errors);
    }
    flash(request, "success", `${summaryDisplay(outcome.task)} was updated successfully.`);
    for (const warning of outcome.warnings) flash(request, "warning", warning);
    return reply.redirect(taskPath(found.id), 303);
  });

  const mayDelete = { config: { access: access.permission(DELETE) } };
  app.post<IdParams>("/workshops/task/:id/delete/", mayDelete, async (request, reply) => {
    const found = await loadTask(app.db, request.params.id);
    await deleteTask(app.db, found, request.user);
    flash(request, "success", `${summaryDisplay(found)} was deleted successfully.`);
    return reply.redirect(nextOr(request, TASKS_PATH), 303);
  });
}

async function loadTask(db: Executor, id: string): Promise<TaskSummary> {
  const found = /^\d{1,9}$/.test(id) ? await findTask(db, Number(id)) : undefined;
  if (!found) throw new NotFoundError("There is no task with this id.");
  return found;
}

function queryOf(request: FastifyRequest): URLSearchParams {
  return new URLSearchParams(request.url.split("?")[1] ?? "");
}

/** The `next` query parameter when it is a path on this site, otherwise the fallback. */
function nextOr(request: FastifyRequest<Query>, fallback: string): string {
  const next = request.query.next;
  return typeof next === "string" && safeNextPath(next) === next ? next : fallback;
}

/** The chosen event as a select option (the lookup fetches the others). */
async function eventChoice(db: Executor, id: string | undefined): Promise<Choice | undefined> {
  if (!id || !/^\d{1,9}$/.test(id)) return undefined;
  const slug = await findEventSlug(db, Number(id));
  return slug === undefined ? undefined : { value: id, label: slug };
}

async function personChoice(db: Executor, id: string | undefined): Promise<Choice | undefined> {
  if (!id || !/^\d{1,9}$/.test(id)) return undefined;
  const found = await findPersonName(db, Number(id));
  return found ? { value: id, label: personDisplay(found) } : undefined;
}

/**
 * The form's options: active roles (plus the one the task holds), the chosen event, person, seat
 * membership and (with the service offering) allocated benefit.
 */
async function formChoices(
  db: Executor,
  offering: TaskFormOptions,
  values: TaskFormValues,
  prefix: string,
  keepRole?: number,
) {
  const today = todayIso();
  const [roleChoices, event, person, seatMembershipChoices, allocatedBenefit] = await Promise.all([
    listActiveChoices(db, "roles", { keep: keepRole === undefined ? [] : [keepRole] }),
    eventChoice(db, values[`${prefix}event`]),
    personChoice(db, values[`${prefix}person`]),
    membershipChoice(db, values[`${prefix}seat_membership`]),
    offering.allocatedBenefit ? benefitField(db, values, prefix, today) : undefined,
  ]);
  return { roleChoices, eventChoice: event, personChoice: person, seatMembershipChoices, allocatedBenefit };
}

/** The benefit picker; when the form has an event tagged TTT, ITT, CLDT or SKILL, only that benefit's seats. */
async function benefitField(
  db: Executor,
  values: TaskFormValues,
  prefix: string,
  today: string,
): Promise<AllocatedBenefitField> {
  const eventId = values[`${prefix}event`];
  const facts =
    eventId && /^\d{1,9}$/.test(eventId) ? await findTaskEventFacts(db, Number(eventId)) : undefined;
  const code = facts ? seatBenefitCode(facts.tags) : undefined;
  const choices = await accountBenefitChoice(db, values[`${prefix}allocated_benefit`], today);
  const both = "A task cannot have both a seat membership and a benefit.";
  if (code === undefined)
    return {
      choices,
      lookup: SEAT_BENEFITS_LOOKUP,
      help: `An account benefit for seats that this task uses. ${both}`,
    };
  return {
    choices,
    lookup: `${SEAT_BENEFITS_LOOKUP}?benefit=${code}`,
    help: `Only account benefits of “${SEAT_BENEFIT_NAMES[code]}” are offered, as the event is tagged ${code}. ${both}`,
  };
}

async function showCreateForm(
  db: Executor,
  request: FastifyRequest<Query>,
  reply: FastifyReply,
  offering: TaskFormOptions,
  values: TaskFormValues,
  errors?: FieldErrors,
) {
  const next = nextOr(request, "");
  return reply.page(
    "New task",
    <TaskFormPage
      action={next ? `${ADD_TASK_PATH}?next=${encodeURIComponent(next)}` : ADD_TASK_PATH}
      prefix={TASK_PREFIX}
      values={values}
      errors={errors}
      {...(await formChoices(db, offering, values, TASK_PREFIX))}
      submitLabel="Add task"
      cancelHref={next || TASKS_PATH}
    />,
  );
}

async function showEditForm(
  db: Executor,
  reply: FastifyReply,
  offering: TaskFormOptions,
  found: TaskSummary,
  values: TaskFormValues,
  errors?: FieldErrors,
) {
  return reply.page(
    `Edit ${summaryDisplay(found)}`,
    <TaskFormPage
      action={`${taskPath(found.id)}edit/`}
      prefix=""
      values={values}
      errors={errors}
      {...(await formChoices(db, offering, values, "", found.roleId))}
      submitLabel="Save changes"
      cancelHref={taskPath(found.id)}
    />,
  );
}
