import type { FastifyInstance, FastifyRequest } from "fastify";
import { safeNextPath } from "../../accounts/index.ts";
import type { Executor } from "../../db/client.ts";
import { access, hasPermission } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { parseForm, submittedValues } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import { BlockedDeletePage } from "../../ui/blocked-delete.tsx";
import type { Choice, FieldErrors } from "../../ui/forms.tsx";
import { parsePageRequest, resolvePage } from "../../ui/pagination.ts";
import { todayIso } from "../../ui/time.ts";
import { personDisplay } from "../rules.ts";
import { createAward, deleteAward } from "./commands.ts";
import { type AwardInput, awardForm, type LockedAwardFields, lockedAwardFields } from "./forms.ts";
import {
  type AwardSummary,
  awardExists,
  countAwardsOfBadge,
  countBadges,
  findAwardSummary,
  findBadgeByName,
  findEventSlug,
  findPersonName,
  listAwardsOfBadge,
  listBadgesWithAwardCounts,
  listOfferedBadges,
} from "./queries.ts";
import { awardDisplay, parseBadgeAwardsFilter } from "./rules.ts";
import { AwardFormPage } from "./views/award-form.tsx";
import { BadgePage } from "./views/badge.tsx";
import { BadgesPage, badgePath } from "./views/badges.tsx";

type Query = { Querystring: Record<string, unknown> };
const ADD_AWARD = "workshops.add_award";
const DELETE_AWARD = "workshops.delete_award";

export async function awardsRoutes(app: FastifyInstance) {
  const admin = { config: { access: access.admin } };
  const mayAdd = { config: { access: access.permission(ADD_AWARD) } };
  const mayDelete = { config: { access: access.permission(DELETE_AWARD) } };

  app.get<Query>("/workshops/badges/", admin, async (request, reply) => {
    const info = resolvePage(parsePageRequest(request.query), await countBadges(app.db));
    const badges = await listBadgesWithAwardCounts(app.db, { limit: info.perPage, offset: info.offset });
    return reply.page("All Badges", <BadgesPage badges={badges} info={info} query={queryOf(request)} />);
  });

  app.get<Query & { Params: { badge_name: string } }>(
    "/workshops/badge/:badge_name/",
    admin,
    async (request, reply) => {
      const badge = await findBadgeByName(app.db, request.params.badge_name);
      if (!badge) throw new NotFoundError("There is no badge with this name.");
      const { filter, values, errors } = parseBadgeAwardsFilter(request.query);
      const info = resolvePage(
        parsePageRequest(request.query),
        await countAwardsOfBadge(app.db, badge.id, filter),
      );
      const awards = await listAwardsOfBadge(app.db, badge.id, filter, {
        limit: info.perPage,
        offset: info.offset,
      });
      const user = request.user;
      return reply.page(
        `Badge ${badge.title}`,
        <BadgePage
          badge={badge}
          awards={awards}
          info={info}
          query={queryOf(request)}
          filterValues={values}
          filterErrors={errors}
          eventChoice={await eventChoice(app.db, filter.eventId)}
          canAdd={user ? hasPermission(user, ADD_AWARD) : false}
          canDelete={user ? hasPermission(user, DELETE_AWARD) : false}
          here={request.url}
        />,
      );
    },
  );

  app.get<Query>("/workshops/awards/add/", mayAdd, async (request, reply) => {
    const locked = lockedAwardFields(request.query);
    const values = { "award-awarded": todayIso(), ...locked };
    return reply.page("New award", await awardFormPage(app.db, request, values, locked));
  });

  app.post<Query>("/workshops/awards/add/", mayAdd, async (request, reply) => {
    const locked = lockedAwardFields(request.query);
    const values = { ...submittedValues(request.body), ...locked };
    const form = parseForm(awardForm, values);
    let errors = form.ok ? await awardProblems(app.db, form.data) : form.errors;
    if (form.ok && !errors) {
      const outcome = await createAward(app.db, awardValues(form.data), todayIso());
      if (outcome.ok) {
        const created = await findAwardSummary(app.db, outcome.awardId);
        if (!created) throw new Error(`award ${outcome.awardId} vanished after it was created`);
        flash(request, "success", `${summaryDisplay(created)} was created successfully.`);
        return reply.redirect(nextOr(request, badgePath(created.badgeName)), 303);
      }
      errors = { __all__: [DUPLICATE_AWARD] };
    }
    flash(request, "error", "Please correct the errors below.");
    return reply.page("New award", await awardFormPage(app.db, request, values, locked, errors));
  });

  app.post<Query & { Params: { award_id: string } }>(
    "/workshops/award/:award_id/delete/",
    mayDelete,
    async (request, reply) => {
      const id = /^\d{1,9}$/.test(request.params.award_id) ? Number(request.params.award_id) : 0;
      const found = id > 0 ? await findAwardSummary(app.db, id) : undefined;
      if (!found) throw new NotFoundError("There is no award with this id.");
      const outcome = await deleteAward(app.db, found.id);
      if (!outcome.ok) {
        const groups = [{ label: "Community roles", items: outcome.blockingRoles.map(describeRole) }];
        const back = nextOr(request, `/workshops/person/${found.personId}/edit/`);
        return reply.page(
          "Failed to delete",
          <BlockedDeletePage subject={`The award ${summaryDisplay(found)}`} groups={groups} back={back} />,
          { status: 409 },
        );
      }
      flash(request, "success", `${summaryDisplay(found)} was deleted successfully.`);
      return reply.redirect(nextOr(request, badgePath(found.badgeName)), 303);
    },
  );
}

const DUPLICATE_AWARD = "This person already holds this badge: a badge can be awarded to a person only once.";

function describeRole(role: { configName: string; start: string | null; end: string | null }) {
  const period = `from ${role.start ?? "an unknown date"}${role.end ? ` to ${role.end}` : ", with no end"}`;
  return { text: `${role.configName}, ${period}` };
}

function queryOf(request: FastifyRequest): URLSearchParams {
  return new URLSearchParams(request.url.split("?")[1] ?? "");
}

/** The `next` query parameter when it is a path on this site, otherwise the fallback. */
function nextOr(request: FastifyRequest<Query>, fallback: string): string {
  const next = request.query.next;
  return typeof next === "string" && next !== "" && safeNextPath(next) === next ? next : fallback;
}

function awardValues(data: AwardInput) {
  return {
    personId: data["award-person"],
    badgeId: data["award-badge"],
    awarded: data["award-awarded"],
    eventId: data["award-event"],
    awardedById: data["award-awarded_by"],
  };
}

function summaryDisplay(award: AwardSummary): string {
  return awardDisplay({ ...award, person: personDisplay(award.person) });
}

/** Choices that are not (or no longer) in the database, and a badge the person already holds. */
async function awardProblems(db: Executor, data: AwardInput): Promise<FieldErrors | undefined> {
  const errors: FieldErrors = {};
  const values = awardValues(data);
  const offered = await listOfferedBadges(db);
  if (!(await findPersonName(db, values.personId))) errors["award-person"] = ["This person does not exist."];
  if (!offered.some((badge) => badge.id === values.badgeId))
    errors["award-badge"] = ["Choose one of the badges offered."];
  if (values.eventId !== null && !(await findEventSlug(db, values.eventId)))
    errors["award-event"] = ["This event does not exist."];
  if (values.awardedById !== null && !(await findPersonName(db, values.awardedById)))
    errors["award-awarded_by"] = ["This person does not exist."];
  if (Object.keys(errors).length > 0) return errors;
  return (await awardExists(db, values.personId, values.badgeId))
    ? { __all__: [DUPLICATE_AWARD] }
    : undefined;
}

async function awardFormPage(
  db: Executor,
  request: FastifyRequest,
  values: Record<string, string>,
  locked: LockedAwardFields,
  errors?: FieldErrors,
) {
  const badges = await listOfferedBadges(db);
  const [person, event, awardedBy] = await Promise.all([
    personChoice(db, values["award-person"]),
    eventChoice(db, idIn(values["award-event"])),
    personChoice(db, values["award-awarded_by"]),
  ]);
  const chosen = { "award-person": person, "award-event": event, "award-awarded_by": awardedBy };
  return (
    <AwardFormPage
      action={request.url}
      values={values}
      errors={errors}
      badgeChoices={badges.map((badge) => ({ value: String(badge.id), label: badge.title }))}
      chosen={chosen}
      locked={locked}
    />
  );
}

function idIn(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

async function personChoice(db: Executor, value: string | undefined): Promise<Choice | undefined> {
  const id = idIn(value);
  const person = id === undefined ? undefined : await findPersonName(db, id);
  return person ? { value: String(id), label: personDisplay(person) } : undefined;
}

async function eventChoice(db: Executor, id: number | undefined): Promise<Choice | undefined> {
  const slug = id === undefined ? undefined : await findEventSlug(db, id);
  return slug ? { value: String(id), label: slug } : undefined;
}
