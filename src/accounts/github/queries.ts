import { and, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { PersonRow } from "../queries.ts";
import { person, socialAuth } from "../schema.ts";

export const GITHUB_PROVIDER = "github";

/** The person whose GitHub login this is, if an admin allowed it. */
export async function findPersonByGithubId(db: Executor, githubId: number): Promise<PersonRow | undefined> {
  const [row] = await db
    .select(getTableColumns(person))
    .from(socialAuth)
    .innerJoin(person, eq(person.id, socialAuth.userId))
    .where(and(eq(socialAuth.provider, GITHUB_PROVIDER), eq(socialAuth.uid, String(githubId))));
  return row;
}
