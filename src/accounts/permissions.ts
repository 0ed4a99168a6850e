import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import type { Seeder } from "../db/seed.ts";
import { ADMIN_GROUPS } from "./rules.ts";
import { contentType, group, groupPermission, permission } from "./schema.ts";

/** A model whose add/change/delete/view permissions exist, named as in AMY (`workshops.change_person`). */
export interface PermissionModel {
  appLabel: string;
  model: string;
  verboseName: string;
  extra?: { codename: string; name: string }[];
}

const ACTIONS = ["add", "change", "delete", "view"] as const;
const VIEW_ONLY_GROUPS = ADMIN_GROUPS.filter((name) => name !== "administrators");

export const adminGroupsSeeder: Seeder = {
  name: "admin groups",
  async run(tx) {
    await tx
      .insert(group)
      .values(ADMIN_GROUPS.map((name) => ({ name })))
      .onConflictDoNothing();
  },
};

/**
 * Creates the models' permissions. A permission seen for the first time is granted to
 * `administrators` (all of them) and to the other admin groups (view only); later runs leave the
 * grants alone, since admins manage them in the app.
 */
export function permissionsSeeder(models: readonly PermissionModel[]): Seeder {
  return {
    name: "permissions",
    async run(tx) {
      for (const model of models) {
        const contentTypeId = await ensureContentType(tx, model);
        const wanted = [
          ...ACTIONS.map((action) => ({
            codename: `${action}_${model.model}`,
            name: `Can ${action} ${model.verboseName}`,
          })),
          ...(model.extra ?? []),
        ];
        const created = await tx
          .insert(permission)
          .values(wanted.map((p) => ({ ...p, contentTypeId })))
          .onConflictDoNothing()
          .returning({ id: permission.id, codename: permission.codename });
        await grantNewPermissions(tx, created);
      }
    },
  };
}

async function ensureContentType(tx: Executor, model: PermissionModel): Promise<number> {
  await tx.insert(contentType).values({ appLabel: model.appLabel, model: model.model }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: contentType.id })
    .from(contentType)
    .where(and(eq(contentType.appLabel, model.appLabel), eq(contentType.model, model.model)));
  if (!row) throw new Error(`content type ${model.appLabel}.${model.model} was not created`);
  return row.id;
}

async function grantNewPermissions(tx: Executor, created: { id: number; codename: string }[]): Promise<void> {
  if (created.length === 0) return;
  const groups = await tx
    .select({ id: group.id, name: group.name })
    .from(group)
    .where(inArray(group.name, [...ADMIN_GROUPS]));
  const grants = groups.flatMap((g) =>
    created
      .filter(
        (p) => g.name === "administrators" || (isViewOnlyGroup(g.name) && p.codename.startsWith("view_")),
      )
      .map((p) => ({ groupId: g.id, permissionId: p.id })),
  );
  if (grants.length > 0) await tx.insert(groupPermission).values(grants).onConflictDoNothing();
}

function isViewOnlyGroup(name: string): boolean {
  return (VIEW_ONLY_GROUPS as readonly string[]).includes(name);
}

export const accountsPermissionModels: PermissionModel[] = [
  {
    appLabel: "workshops",
    model: "person",
    verboseName: "person",
    extra: [{ codename: "can_access_restricted_API", name: "Can access restricted API endpoints" }],
  },
  { appLabel: "auth", model: "group", verboseName: "group" },
  { appLabel: "auth", model: "permission", verboseName: "permission" },
];
