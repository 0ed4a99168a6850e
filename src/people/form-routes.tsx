import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addAutomaticComment } from "../comments/index.ts";
import { uniqueViolation } from "../db/errors.ts";
import { access } from "../server/access.ts";
import { parseForm, submittedLists, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import type { FieldErrors } from "../ui/forms.tsx";
import { createPerson, PERSON_CONTENT_TYPE, updatePerson } from "./commands.ts";
import {
  PERSON_LIST_FIELDS,
  type PersonFormData,
  personCreateForm,
  personEditForm,
  toPersonFields,
  toPersonLinks,
} from "./forms.ts";
import {
  findPersonLinks,
  type PersonLinks,
  type PersonRow,
  personFormChoices,
  uniquenessErrors,
  unknownChoiceErrors,
} from "./queries.ts";
import { loadPerson, personFormValues, queryString } from "./route-helpers.ts";
import { clearStaleOverrides, personDisplay } from "./rules.ts";
import { PersonForm } from "./views/person-form.tsx";

type Params = { Params: { person_id: string } };
type Query = { Querystring: Record<string, unknown> };

/** What the form shows: text values, chosen ids of the multi-selects, and errors if any. */
interface FormState {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  errors?: FieldErrors;
}

const RACE_ERROR =
  "Someone saved a person with the same details a moment ago. Check the values and save again.";

export async function personFormRoutes(app: FastifyInstance) {
  const canAdd = { config: { access: access.permission("workshops.add_person") } };
  const selfOrChange = {
    config: { access: access.selfOr("person_id", { permission: "workshops.change_person" }) },
  };

  app.get<Query>("/workshops/persons/add/", canAdd, async (request, reply) => {
    const values: Record<string, string> = { gender: "U" };
    for (const name of ["personal", "family", "email"]) values[name] = queryString(request.query, name) ?? "";
    return showPersonForm(app, request, reply, undefined, { values, lists: {} });
  });

  app.post("/workshops/persons/add/", canAdd, async (request, reply) => {
    const form = parseForm(personCreateForm, request.body, { lists: PERSON_LIST_FIELDS });
    if (!form.ok) return showPersonForm(app, request, reply, undefined, form);
    const errors = await databaseErrors(app, form.data, { lessonIds: [], domainIds: [], languageIds: [] });
    if (errors) return showPersonForm(app, request, reply, undefined, resubmitted(request, errors));
    try {
      const created = await app.db.transaction(async (tx) => {
        const fields = toPersonFields(form.data);
        const row = await createPerson(tx, { fields, links: toPersonLinks(form.data) }, request.user);
        if (form.data.comment)
          await addAutomaticComment(tx, {
            contentType: PERSON_CONTENT_TYPE,
            objectPk: row.id,
            text: form.data.comment,
          });
        return row;
      });
      flash(request, "success", `${personDisplay(created)} was created.`);
      return reply.redirect(`/workshops/person/${created.id}/`, 303);
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
      return showPersonForm(app, request, reply, undefined, resubmitted(request, { __all__: [RACE_ERROR] }));
    }
  });

  app.get<Params>("/workshops/person/:person_id/edit/", selfOrChange, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const links = await findPersonLinks(app.db, target.id);
    const lists = {
      lessons: links.lessonIds.map(String),
      domains: links.domainIds.map(String),
      languages: links.languageIds.map(String),
    };
    return showPersonForm(app, request, reply, target, { values: personFormValues(target), lists });
  });

  app.post<Params>("/workshops/person/:person_id/edit/", selfOrChange, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const form = parseForm(personEditForm, request.body, { lists: PERSON_LIST_FIELDS });
    if (!form.ok) return showPersonForm(app, request, reply, target, form);
    const current = await findPersonLinks(app.db, target.id);
    const errors = await databaseErrors(app, form.data, current, target.id, form.data.username);
    if (errors) return showPersonForm(app, request, reply, target, resubmitted(request, errors));
    const change = {
      fields: clearStaleOverrides(target, toPersonFields(form.data)),
      links: toPersonLinks(form.data),
      username: form.data.username,
    };
    try {
      const saved = await app.db.transaction((tx) => updatePerson(tx, target, change, request.user));
      flash(request, "success", `${personDisplay(saved)} was updated.`);
      return reply.redirect(`/workshops/person/${saved.id}/`, 303);
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
      return showPersonForm(app, request, reply, target, resubmitted(request, { __all__: [RACE_ERROR] }));
    }
  });
}

/**
 * Checks that need the database: values another person has, and chosen rows that are not offered
 * (a retired one the person already has still is).
 */
async function databaseErrors(
  app: FastifyInstance,
  data: PersonFormData,
  current: PersonLinks,
  exceptId?: number,
  username?: string,
): Promise<FieldErrors | undefined> {
  const errors = {
    ...(await uniquenessErrors(app.db, { ...toPersonFields(data), username }, exceptId)),
    ...(await unknownChoiceErrors(
      app.db,
      { lessons: data.lessons, domains: data.domains, languages: data.languages },
      { lessons: current.lessonIds, domains: current.domainIds, languages: current.languageIds },
    )),
  };
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function resubmitted(request: FastifyRequest, errors: FieldErrors): FormState {
  return {
    values: submittedValues(request.body),
    lists: submittedLists(request.body, PERSON_LIST_FIELDS),
    errors,
  };
}

/** The create page (no target) or the edit page, with what the user entered and the errors beside it. */
async function showPersonForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  target: PersonRow | undefined,
  state: FormState,
) {
  if (state.errors) flash(request, "error", "Please fix the errors below; nothing was saved.");
  const ids = (name: string) => (state.lists[name] ?? []).map(Number);
  const choices = await personFormChoices(app.db, {
    lessons: ids("lessons"),
    domains: ids("domains"),
    languages: ids("languages"),
  });
  const form = (
    <PersonForm
      action={target ? `/workshops/person/${target.id}/edit/` : "/workshops/persons/add/"}
      mode={target ? "edit" : "create"}
      submitLabel={target ? "Save" : "Create person"}
      values={state.values}
      lists={state.lists}
      errors={state.errors}
      choices={choices}
    />
  );
  return reply.page(target ? `Edit ${personDisplay(target)}` : "New person", form);
}
