import { and, eq } from "drizzle-orm";
import { contentType } from "../../src/accounts/schema.ts";
import type { Db } from "../../src/db/client.ts";
import { task } from "../../src/events/schema.ts";
import { version } from "../../src/history/schema.ts";
import { role } from "../../src/reference/schema.ts";
import { referenceId } from "../helpers/factories.ts";

export const roleId = async (db: Db, name: string) => String(await referenceId(db, role, name));

export function tasksOf(db: Db, eventId: number) {
  return db.select().from(task).where(eq(task.eventId, eventId));
}

/** The history versions of one record, oldest first. */
export async function versionsOf(db: Db, model: "task" | "event", id: number) {
  const [type] = await db
    .select({ id: contentType.id })
    .from(contentType)
    .where(and(eq(contentType.appLabel, "workshops"), eq(contentType.model, model)));
  if (!type) throw new Error(`no content type workshops.${model}`);
  return db
    .select()
    .from(version)
    .where(and(eq(version.contentTypeId, type.id), eq(version.objectId, String(id))))
    .orderBy(version.id);
}
