import { type PersonName, personDisplay } from "../../people/index.ts";
import type { FieldErrors } from "../../ui/forms.tsx";

// Pure task rules: how a task reads, which seats it may use, which instructors may be given a task.

export const TASK_CONTENT_TYPE = "workshops.task";
export const TASKS_PATH = "/workshops/tasks/";
export const ADD_TASK_PATH = "/workshops/tasks/add/";

export const taskPath = (id: number) => `/workshops/task/${id}/`;

/** AMY's `str(task)`: `<event slug>/<person>=<role verbose name>`. */
export function taskDisplay(task: {
  eventSlug: string;
  person: PersonName;
  roleVerboseName: string;
}): string {
  return `${task.eventSlug}/${personDisplay(task.person)}=${task.roleVerboseName}`;
}

/** `taskDisplay` of a task row joined with its event's slug, its person and its role. */
export function summaryDisplay(row: PersonName & { eventSlug: string; roleVerboseName: string }): string {
  return taskDisplay({ eventSlug: row.eventSlug, person: row, roleVerboseName: row.roleVerboseName });
}

/** What the seat rules need to know about a task and the event it belongs to (its stored tags). */
export interface SeatFacts {
  seatOpenTraining: boolean;
  /** Whether the task takes a seat of a membership. */
  seatMembership?: boolean;
  roleName: string;
  eventTags: readonly string[];
  openTttApplications: boolean;
}

export const SEAT_MEMBERSHIP_NEEDS_TTT = "A membership seat needs an event tagged TTT.";
export const SEAT_MEMBERSHIP_NEEDS_LEARNER = "Only a learner can take a membership seat.";

/**
 * The model rules on seats: a membership seat only at a TTT event and only for a learner (errors on
 * `seat_membership`); an open-application seat only at a TTT event that takes open applications, and
 * only for a learner. `seat_open_training` is not on the form, so its error is reported under its
 * own name.
 */
export function seatProblems(facts: SeatFacts): FieldErrors {
  const errors: FieldErrors = {};
  if (facts.seatMembership) {
    const problems = [
      ...(facts.eventTags.includes("TTT") ? [] : [SEAT_MEMBERSHIP_NEEDS_TTT]),
      ...(facts.roleName === "learner" ? [] : [SEAT_MEMBERSHIP_NEEDS_LEARNER]),
    ];
    if (problems.length > 0) errors.seat_membership = problems;
  }
  if (!facts.seatOpenTraining) return errors;
  if (!facts.eventTags.includes("TTT")) {
    errors.seat_open_training = ["An open-application seat needs an event tagged TTT."];
  } else if (!facts.openTttApplications) {
    errors.seat_open_training = ["An open-application seat needs an event that takes open applications."];
  }
  if (facts.roleName !== "learner") {
    errors.role = ["Only a learner can take an instructor-training seat."];
  }
  return errors;
}

/**
 * The codes the seat-benefit lookups take (`?benefit=TTT`) and the benefit each stands for: a task at
 * an event with one of these tags may only use an account benefit of that benefit.
 */
export const SEAT_BENEFIT_NAMES = {
  TTT: "Instructor Training",
  ITT: "Instructor Trainer Training",
  CLDT: "Collaborative Lesson Development Training",
  SKILL: "Skillup",
} as const;

export type SeatBenefitCode = keyof typeof SEAT_BENEFIT_NAMES;

export function isSeatBenefitCode(value: unknown): value is SeatBenefitCode {
  return typeof value === "string" && Object.hasOwn(SEAT_BENEFIT_NAMES, value);
}

/** The first of TTT, ITT, CLDT, SKILL among the event's tags, if any. */
export function seatBenefitCode(eventTags: readonly string[]): SeatBenefitCode | undefined {
  return (Object.keys(SEAT_BENEFIT_NAMES) as SeatBenefitCode[]).find((code) => eventTags.includes(code));
}

/** Instructors of events run by The Carpentries' own domain need the trainer role, others the instructor one. */
export function communityRoleToCheck(administratorDomain: string | null): "trainer" | "instructor" {
  return administratorDomain === "carpentries.org" ? "trainer" : "instructor";
}

export interface CommunityRoleSpan {
  inactivated: boolean;
  start: string | null;
  end: string | null;
}

/** AMY's `CommunityRole.is_active()`; dates are ISO strings, so they compare as text. */
export function isCommunityRoleActive(role: CommunityRoleSpan, today: string): boolean {
  if (role.inactivated) return false;
  if (role.end !== null && role.end <= today) return false;
  if (role.start !== null && role.start > today) return false;
  if (role.start !== null && role.end !== null && !(role.start <= today && today < role.end)) return false;
  return true;
}

/**
 * The error on `role` when an instructor task goes to someone whose community roles of the needed
 * kind have all ended; someone with no such role at all may still be given the task.
 */
export function instructorRoleProblem(input: {
  roleName: string;
  personName: string;
  communityRole: "trainer" | "instructor";
  roles: readonly CommunityRoleSpan[];
  today: string;
}): string | undefined {
  if (input.roleName !== "instructor" || input.roles.length === 0) return undefined;
  if (input.roles.some((role) => isCommunityRoleActive(role, input.today))) return undefined;
  return `${input.personName} has no active ${input.communityRole} community role, so cannot be an instructor here.`;
}

export const DUPLICATE_TASK = "Task with this Event, Person and Role already exists.";

export type TaskOrdering = "event" | "-event" | "person" | "-person" | "role" | "-role";
const ORDERINGS: readonly TaskOrdering[] = ["event", "-event", "person", "-person", "role", "-role"];

export interface TaskListFilters {
  eventId?: number;
  roleId?: number;
  orderBy?: TaskOrdering;
}

/** The list's filters; an invalid value is ignored and reported beside its field. */
export function parseTaskListFilters(query: Record<string, unknown>): {
  filters: TaskListFilters;
  errors: FieldErrors;
} {
  const filters: TaskListFilters = {};
  const errors: FieldErrors = {};
  const read = (name: string) => {
    const value = Array.isArray(query[name]) ? query[name][0] : query[name];
    return typeof value === "string" ? value.trim() : "";
  };
  for (const [name, key] of [
    ["event", "eventId"],
    ["role", "roleId"],
  ] as const) {
    const value = read(name);
    if (value === "") continue;
    if (/^\d{1,9}$/.test(value)) filters[key] = Number(value);
    else errors[name] = ["Choose one of the options offered."];
  }
  const orderBy = read("order_by");
  if ((ORDERINGS as readonly string[]).includes(orderBy)) filters.orderBy = orderBy as TaskOrdering;
  else if (orderBy !== "") errors.order_by = ["Choose one of the options offered."];
  return { filters, errors };
}
