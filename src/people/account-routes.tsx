import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { access } from "../server/access.ts";
import { parseForm } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { BlockedDeletePage } from "../ui/blocked-delete.tsx";
import {
  deletePerson,
  existingIds,
  grantsOf,
  permissionChoices,
  personDeleteBlockers,
  setLoginRights,
} from "./account-commands.ts";
import { archivePerson } from "./commands.ts";
import { GithubApiError, githubUserLookup, syncGithubLogin } from "./github-sync.ts";
import { loadPerson } from "./route-helpers.ts";
import { personDisplay } from "./rules.ts";
import { PermissionsPage } from "./views/permissions.tsx";

type Params = { Params: { person_id: string } };

const DEFAULT_GITHUB_API = "https://api.github.com";

const idList = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/, "Choose from the list.")
      .transform(Number),
  )
  .default([]);
const permissionsForm = z.object({
  is_active: z.literal("on").optional(),
  is_superuser: z.literal("on").optional(),
  groups: idList,
  user_permissions: idList,
});

export async function personAccountRoutes(app: FastifyInstance) {
  const canDelete = { config: { access: access.permission("workshops.delete_person") } };
  const canChange = { config: { access: access.permission("workshops.change_person") } };
  const selfOrDelete = {
    config: { access: access.selfOr("person_id", { permission: "workshops.delete_person" }) },
  };

  app.post<Params>("/workshops/person/:person_id/delete/", canDelete, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const blockers = await personDeleteBlockers(app.db, target.id);
    if (blockers.length > 0)
      return reply.page(
        "Failed to delete",
        <BlockedDeletePage
          subject={personDisplay(target)}
          groups={blockers}
          back={`/workshops/person/${target.id}/`}
        />,
        { status: 409 },
      );
    await app.db.transaction((tx) => deletePerson(tx, target.id));
    flash(request, "success", `${personDisplay(target)} was deleted.`);
    return reply.redirect("/workshops/persons/", 303);
  });

  app.post<Params>("/workshops/person/:person_id/archive/", selfOrDelete, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    await app.db.transaction((tx) => archivePerson(tx, target.id, request.user));
    flash(request, "success", `${personDisplay(target)} was archived.`);
    if (request.user?.id === target.id) {
      await request.session.regenerate();
      return reply.redirect("/account/login/", 303);
    }
    return reply.redirect(`/workshops/person/${target.id}/`, 303);
  });

  app.get<Params>("/workshops/person/:person_id/permissions/", canChange, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const grants = await grantsOf(app.db, target.id);
    return reply.page(
      `Permissions of ${personDisplay(target)}`,
      <PermissionsPage
        personId={target.id}
        values={{ isActive: target.isActive, isSuperuser: target.isSuperuser, ...grants }}
        choices={await permissionChoices(app.db)}
      />,
    );
  });

  app.post<Params>("/workshops/person/:person_id/permissions/", canChange, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const form = parseForm(permissionsForm, request.body, { lists: ["groups", "user_permissions"] });
    const valid =
      form.ok &&
      (await existingIds(app.db, "group", form.data.groups)) &&
      (await existingIds(app.db, "permission", form.data.user_permissions));
    if (!form.ok || !valid) {
      flash(request, "error", "Some of the chosen groups or permissions do not exist; nothing was saved.");
      return reply.redirect(`/workshops/person/${target.id}/permissions/`, 303);
    }
    await app.db.transaction((tx) =>
      setLoginRights(
        tx,
        target.id,
        {
          isActive: form.data.is_active === "on",
          isSuperuser: form.data.is_superuser === "on",
          groupIds: form.data.groups,
          permissionIds: form.data.user_permissions,
        },
        request.user,
      ),
    );
    flash(request, "success", `${personDisplay(target)} was updated.`);
    return reply.redirect(`/workshops/person/${target.id}/`, 303);
  });

  // AMY changed state on GET here; a POST button replaces the link.
  app.post<Params>("/workshops/person/:person_id/sync_usersocialauth/", canChange, async (request, reply) => {
    const target = await loadPerson(app.db, request.params.person_id);
    const lookup = githubUserLookup(app.config.github?.apiUrl ?? DEFAULT_GITHUB_API);
    try {
      const outcome = await app.db.transaction((tx) => syncGithubLogin(tx, target, lookup));
      if (outcome === "linked")
        flash(request, "success", "This person can now log in with their GitHub account.");
      else
        flash(
          request,
          "warning",
          "GitHub login could not be allowed: the person must be active and have a GitHub username that GitHub knows.",
        );
    } catch (error) {
      if (!(error instanceof GithubApiError)) throw error;
      flash(request, "error", `GitHub login could not be allowed for person #${target.id}: ${error.message}`);
    }
    return reply.redirect(`/workshops/person/${target.id}/`, 303);
  });
}
