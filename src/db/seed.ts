import type { Db, Executor } from "./client.ts";

/**
 * A module's reference rows. `run` must be idempotent (insert … on conflict do nothing), so seeding
 * can run at every start and after every migration without touching what admins changed.
 */
export interface Seeder {
  name: string;
  run(tx: Executor): Promise<void>;
}

export async function runSeeders(db: Db, seeders: readonly Seeder[]): Promise<void> {
  for (const seeder of seeders) {
    await db.transaction(async (tx) => seeder.run(tx));
  }
}
