// Pages of the membership workflows: members (§2.7), persons (§2.8), extend (§2.9) and roll-over
// (§2.11). Each handler: load the membership the URL names (404 if none), read the form, run the
// command, then redirect, or show the form again with its errors and nothing saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CurrentUser } from "../accounts/index.ts";
import type { Executor } from "../db/client.ts";
import { organizationDisplay } from "../organizations/index.ts";
import { personDisplay } from "../people/index.ts";
import { access } from "../server/access.ts";
import { NotFoundError } from "../server/errors.ts";
import { fieldErrors, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import type { Choice } from "../ui/forms.tsx";
import {
  blankRows,
  type FormsetPlan,
  type FormsetRow,
  parseFormset,
  rowsToShow,
  wantsAnotherRow,
} from "../ui/formset.ts";
import { todayIso } from "../ui/time.ts";
import { extensionForm } from "./extension.ts";
import { findMembership, type MembershipRow } from "./queries.ts";
import { membershipDisplay, membershipPath } from "./rules.ts";
import { ExtendDatesForm } from "./views/extend-form.tsx";
import { MembersPage } from "./views/members.tsx";
import { PersonsPage } from "./views/persons.tsx";
import { RollOverPage } from "./views/roll-over.tsx";
import {
  extendMembership,
  rolledMaxima,
  rollOverMembership,
  saveMembers,
  saveMembershipPersons,
} from "./workflow-commands.ts";
import {
  MEMBER_FIELDS,
  PERSON_FIELDS,
  postedId,
  rollOverForm,
  rollOverFormValues,
  rollOverInitialValues,
} from "./workflow-forms.ts";
import {
  listMemberRoles,
  listMembershipPersonRoles,
  organizationsByIds,
  personsByIds,
  type RoleChoiceRow,
  storedMembers,
  storedMembershipTasks,
} from "./workflow-queries.ts";

type IdParams = { Params: { id: string } };

const CHANGE = "workshops.change_membership";
const ADD = "workshops.add_membership";
const MEMBER_PERMISSIONS = ["workshops.add_member", "workshops.change_member", "workshops.delete_member"];
const FIX_ERRORS = "Please fix errors in the form below.";

/** The membership the URL names, or a 404 (also for an id that is not a number). */
async function loadMembership(db: Executor, id: string): Promise<MembershipRow> {
  const row = /^\d{1,9}$/.test(id) ? await findMembership(db, Number(id)) : undefined;
  if (!row) throw new NotFoundError("There is no membership with this id.");
  return row;
}

function actingUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error("the access rule let an anonymous visitor in");
  return request.user;
}

const roleChoices = (rows: readonly RoleChoiceRow[]): Choice[] =>
  rows.map((row) => ({ value: String(row.id), label: row.verboseName || row.name }));

/** The ids a column of the shown rows names, to list those options in the selects. */
function chosenIds(rows: readonly FormsetRow[], field: string): number[] {
  const ids = rows.map((row) => postedId(row.values[field])).filter((id) => id !== undefined);
  return [...new Set(ids)];
}

interface FormsetView {
  rows: FormsetRow[];
  plan?: FormsetPlan;
  formErrors?: string[];
}

export async function membershipWorkflowRoutes(app: FastifyInstance) {
  // --- Members (§2.7) -------------------------------------------------------------------------
  const membersAccess = { config: { access: access.permission(CHANGE, ...MEMBER_PERMISSIONS) } };

  async function showMembers(reply: FastifyReply, row: MembershipRow, view: FormsetView) {
    const [organizations, roles] = await Promise.all([
      organizationsByIds(app.db, chosenIds(view.rows, "organization")),
      listMemberRoles(app.db),
    ]);
    const path = membershipPath(row.id);
    return reply.page(
      `Change members for ${membershipDisplay(row)}`,
      <MembersPage
        action={`${path}members/`}
        detailsPath={path}
        membershipId={row.id}
        consortium={row.consortium}
        rows={view.rows}
        errors={view.plan?.rowErrors}
        formErrors={view.formErrors ?? view.plan?.formErrors}
        organizations={organizations.map((org) => ({
          value: String(org.id),
          label: organizationDisplay(org),
        }))}
        roles={roleChoices(roles)}
      />,
    );
  }

  /** The stored members, then a blank row where another member may be added. */
  async function storedMemberRows(row: MembershipRow): Promise<FormsetRow[]> {
    const stored = await storedMembers(app.db, row.id);
    return rowsToShow(
      stored.map((member) => ({
        id: String(member.id),
        values: { organization: String(member.organizationId), role: String(member.roleId) },
      })),
      row.consortium || stored.length === 0 ? 1 : 0,
      MEMBER_FIELDS,
    );
  }

  app.get<IdParams>("/fiscal/membership/:id/members/", membersAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    return showMembers(reply, row, { rows: await storedMemberRows(row) });
  });

  app.post<IdParams>("/fiscal/membership/:id/members/", membersAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const posted = parseFormset(request.body, { fields: MEMBER_FIELDS });
    if (!posted.ok) {
      flash(request, "error", FIX_ERRORS);
      return showMembers(reply, row, { rows: await storedMemberRows(row), formErrors: [posted.error] });
    }
    if (wantsAnotherRow(request.body)) {
      return showMembers(reply, row, { rows: [...posted.rows, ...blankRows(1, MEMBER_FIELDS)] });
    }
    const outcome = await saveMembers(app.db, row, posted.rows, actingUser(request), todayIso());
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showMembers(reply, row, { rows: posted.rows, plan: outcome.plan });
    }
    return reply.redirect(membershipPath(row.id), 303);
  });

  // --- Persons (§2.8) -------------------------------------------------------------------------
  const changeAccess = { config: { access: access.permission(CHANGE) } };

  async function showPersons(reply: FastifyReply, row: MembershipRow, view: FormsetView) {
    const [persons, roles] = await Promise.all([
      personsByIds(app.db, chosenIds(view.rows, "person")),
      listMembershipPersonRoles(app.db),
    ]);
    const path = membershipPath(row.id);
    return reply.page(
      `Change person roles for ${membershipDisplay(row)}`,
      <PersonsPage
        action={`${path}tasks/`}
        detailsPath={path}
        membershipId={row.id}
        rows={view.rows}
        errors={view.plan?.rowErrors}
        formErrors={view.formErrors ?? view.plan?.formErrors}
        persons={persons.map((person) => ({ value: String(person.id), label: personDisplay(person) }))}
        roles={roleChoices(roles)}
      />,
    );
  }

  async function storedPersonRows(row: MembershipRow): Promise<FormsetRow[]> {
    const stored = await storedMembershipTasks(app.db, row.id);
    return rowsToShow(
      stored.map((task) => ({
        id: String(task.id),
        values: { person: String(task.personId), role: String(task.roleId) },
      })),
      1,
      PERSON_FIELDS,
    );
  }

  app.get<IdParams>("/fiscal/membership/:id/tasks/", changeAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    return showPersons(reply, row, { rows: await storedPersonRows(row) });
  });

  app.post<IdParams>("/fiscal/membership/:id/tasks/", changeAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const posted = parseFormset(request.body, { fields: PERSON_FIELDS });
    if (!posted.ok) {
      flash(request, "error", FIX_ERRORS);
      return showPersons(reply, row, { rows: await storedPersonRows(row), formErrors: [posted.error] });
    }
    if (wantsAnotherRow(request.body)) {
      return showPersons(reply, row, { rows: [...posted.rows, ...blankRows(1, PERSON_FIELDS)] });
    }
    const outcome = await saveMembershipPersons(app.db, row, posted.rows, actingUser(request));
    if (!outcome.ok) {
      flash(request, "error", FIX_ERRORS);
      return showPersons(reply, row, { rows: posted.rows, plan: outcome.plan });
    }
    // Scheduled emails (§4.9: onboarding and quarterly strategies) are not built yet.
    return reply.redirect(membershipPath(row.id), 303);
  });

  // --- Extend (§2.9) --------------------------------------------------------------------------
  function showExtend(
    reply: FastifyReply,
    row: MembershipRow,
    values: { new_agreement_end?: string; comment?: string },
    errors?: Record<string, string[] | undefined>,
  ) {
    const path = membershipPath(row.id);
    return reply.page(
      `Extend membership ${membershipDisplay(row)}`,
      <ExtendDatesForm
        action={`${path}extend/`}
        agreementStart={row.agreementStart}
        agreementEnd={row.agreementEnd}
        values={values}
        errors={errors}
        cancelHref={path}
      />,
    );
  }

  app.get<IdParams>("/fiscal/membership/:id/extend/", changeAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    return showExtend(reply, row, { new_agreement_end: row.agreementEnd, comment: "" });
  });

  app.post<IdParams>("/fiscal/membership/:id/extend/", changeAccess, async (request, reply) => {
    const row = await loadMembership(app.db, request.params.id);
    const values = submittedValues(request.body);
    const shown = { new_agreement_end: values.new_agreement_end ?? "", comment: values.comment ?? "" };
    const parsed = extensionForm(row.agreementEnd).safeParse(values);
    if (!parsed.success) {
      flash(request, "error", FIX_ERRORS);
      return showExtend(reply, row, shown, fieldErrors(parsed.error));
    }
    const extended = await extendMembership(app.db, row, parsed.data, actingUser(request), todayIso());
    if (!extended) {
      flash(request, "error", FIX_ERRORS);
      const fresh = await loadMembership(app.db, request.params.id);
      return showExtend(reply, fresh, shown, {
        new_agreement_end: [
          `The new end date must be later than the current end date (${fresh.agreementEnd}).`,
        ],
      });
    }
    return reply.redirect(membershipPath(row.id), 303);
  });

  // --- Roll-over (§2.11) ----------------------------------------------------------------------
  const rollOverAccess = { config: { access: access.permission(ADD, CHANGE) } };

  /** The membership to roll over: 404 when it is missing or already has a successor. */
  async function loadRollable(id: string): Promise<MembershipRow> {
    const row = await loadMembership(app.db, id);
    if (row.rolledToMembershipId !== null)
      throw new NotFoundError("This membership has already been rolled over.");
    return row;
  }

  async function showRollOver(
    reply: FastifyReply,
    row: MembershipRow,
    values: Record<string, string | undefined>,
    errors?: Record<string, string[] | undefined>,
  ) {
    const path = membershipPath(row.id);
    return reply.page(
      `Create new membership from ${membershipDisplay(row)}`,
      <RollOverPage
        action={`${path}roll-over/`}
        detailsPath={path}
        consortium={row.consortium}
        maxima={await rolledMaxima(app.db, row, todayIso())}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get<IdParams>("/fiscal/membership/:id/roll-over/", rollOverAccess, async (request, reply) => {
    const row = await loadRollable(request.params.id);
    return showRollOver(reply, row, rollOverInitialValues(row));
  });

  app.post<IdParams>("/fiscal/membership/:id/roll-over/", rollOverAccess, async (request, reply) => {
    const row = await loadRollable(request.params.id);
    const values = rollOverFormValues(request.body);
    const parsed = rollOverForm(await rolledMaxima(app.db, row, todayIso())).safeParse(values);
    const outcome = parsed.success
      ? await rollOverMembership(app.db, row, parsed.data, actingUser(request))
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      if ("alreadyRolledOver" in outcome)
        throw new NotFoundError("This membership has already been rolled over.");
      flash(request, "error", FIX_ERRORS);
      return showRollOver(reply, row, values, outcome.errors);
    }
    // Scheduled emails (§4.9) for the new membership are not built yet.
    flash(
      request,
      "success",
      `${membershipDisplay(outcome.old)} has been rolled over to ${membershipDisplay(outcome.created)}.`,
    );
    return reply.redirect(membershipPath(outcome.created.id), 303);
  });
}
