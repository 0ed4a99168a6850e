import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { safeNextPath } from "../../accounts/rules.ts";
import { access } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { parseForm } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import { BlockedDeletePage, type BlockingGroup } from "../../ui/blocked-delete.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { accountUseGroups } from "../membership-queries.ts";
import { findPerson, type PersonRow } from "../queries.ts";
import { personDisplay } from "../rules.ts";
import { MergeBlockedError, mergePersons } from "./commands.ts";
import { initialMergeValues, personsMergeForm } from "./forms.ts";
import { communityRolesOfAward, describeAward, loadMergeSide } from "./queries.ts";
import { PersonsMergePage } from "./views/comparison.tsx";
import { PersonsSelectionPage } from "./views/selection.tsx";

const MERGE_PATH = "/workshops/persons/merge/";
const SAME_PERSON = "You cannot merge the same person with themself.";

type Query = { Querystring: Record<string, unknown> };
type Pair =
  | { kind: "none" }
  | { kind: "same"; person: PersonRow }
  | { kind: "pair"; a: PersonRow; b: PersonRow };

export async function personsMergeRoutes(app: FastifyInstance) {
  const mayMerge = {
    config: { access: access.permission("workshops.delete_person", "workshops.change_person") },
  };

  app.get<Query>(MERGE_PATH, mayMerge, async (request, reply) => {
    const pair = await loadPair(app, request.query);
    if (pair.kind === "pair") {
      return showMergePage(app, request, reply, pair, initialMergeValues());
    }
    const next = text(request.query.next);
    if (pair.kind === "none" && next && safeNextPath(next) === next) return reply.redirect(next, 302);
    return showSelection(request, reply, pair);
  });

  app.post<Query>(MERGE_PATH, mayMerge, async (request, reply) => {
    const pair = await loadPair(app, request.query);
    if (pair.kind !== "pair") return showSelection(request, reply, pair);
    const form = parseForm(personsMergeForm, request.body);
    if (!form.ok) {
      flash(request, "error", "Fix errors in the form.");
      return showMergePage(app, request, reply, pair, form.values, form.errors);
    }
    const actor = { id: request.user?.id ?? 0 };
    try {
      const outcome = await mergePersons(
        app.db,
        { aId: pair.a.id, bId: pair.b.id, choices: form.data },
        actor,
      );
      flash(request, "success", "Persons were merged successfully. You were redirected to the base person.");
      if (outcome.warnings.length > 0) flash(request, "warning", outcome.warnings.join(" "));
      return reply.redirect(`/workshops/person/${outcome.baseId}/`, 303);
    } catch (error) {
      if (!(error instanceof MergeBlockedError)) throw error;
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage
          subject={await blockedSubject(app, error, form.data.id === "obj_a" ? pair.b : pair.a)}
          groups={await blockingGroups(app, error)}
          back={request.url}
        />,
        { status: 409 },
      );
    }
  });
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** The two persons the query names; an id that names nobody is a 404. */
async function loadPair(app: FastifyInstance, query: Record<string, unknown>): Promise<Pair> {
  const idA = text(query.person_a);
  const idB = text(query.person_b);
  if (!idA || !idB) return { kind: "none" };
  const a = await loadPerson(app, idA);
  const b = await loadPerson(app, idB);
  return a.id === b.id ? { kind: "same", person: a } : { kind: "pair", a, b };
}

async function loadPerson(app: FastifyInstance, param: string): Promise<PersonRow> {
  const id = /^\d{1,9}$/.test(param) ? Number(param) : 0;
  const found = id > 0 ? await findPerson(app.db, id) : undefined;
  if (!found) throw new NotFoundError("There is no person with this id.");
  return found;
}

function showSelection(request: FastifyRequest, reply: FastifyReply, pair: Pair) {
  if (pair.kind !== "same") return reply.page("Merge Persons", <PersonsSelectionPage choices={[]} />);
  flash(request, "warning", SAME_PERSON);
  const id = String(pair.person.id);
  const choices = [{ value: id, label: personDisplay(pair.person) }];
  return reply.page("Merge Persons", <PersonsSelectionPage choices={choices} personA={id} personB={id} />);
}

async function showMergePage(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  pair: { a: PersonRow; b: PersonRow },
  values: Record<string, string>,
  errors?: FieldErrors,
) {
  const [a, b] = [await loadMergeSide(app.db, pair.a), await loadMergeSide(app.db, pair.b)];
  return reply.page(
    "Merge two persons",
    <PersonsMergePage a={a} b={b} action={request.url} values={values} errors={errors} />,
  );
}

async function blockedSubject(
  app: FastifyInstance,
  blocked: MergeBlockedError,
  merging: PersonRow,
): Promise<string> {
  const fallback = `Record #${blocked.rowId} of ${blocked.table}`;
  if (blocked.table === "offering_account") return `The individual account of ${personDisplay(merging)}`;
  if (typeof blocked.rowId !== "number") return fallback;
  if (blocked.table === "workshops_award") return (await describeAward(app.db, blocked.rowId)) ?? fallback;
  if (blocked.table !== "workshops_person") return fallback;
  const row = await findPerson(app.db, blocked.rowId);
  return row ? personDisplay(row) : fallback;
}

/** What still refers to the row the merge had to delete; nothing was changed. */
async function blockingGroups(app: FastifyInstance, blocked: MergeBlockedError): Promise<BlockingGroup[]> {
  if (blocked.table === "offering_account" && typeof blocked.rowId === "string") {
    return accountUseGroups(app.db, blocked.rowId);
  }
  if (
    typeof blocked.rowId === "number" &&
    blocked.table === "workshops_award" &&
    blocked.referencedFrom === "communityroles_communityrole"
  ) {
    const roles = await communityRolesOfAward(app.db, blocked.rowId);
    return [{ label: "Community roles", items: roles.map((role) => ({ text: role })) }];
  }
  return [
    { label: blocked.referencedFrom, items: [{ text: `Records in ${blocked.referencedFrom} refer to it.` }] },
  ];
}
