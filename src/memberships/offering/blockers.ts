// The "Failed to delete" lists of the offering pages: the records that still refer to one.
import type { Executor } from "../../db/client.ts";
import type { BlockingGroup } from "../../ui/blocked-delete.tsx";
import { todayIso } from "../../ui/time.ts";
import { accountBenefitDisplays } from "../queries.ts";
import { accountBenefitPath } from "../rules.ts";

/** The account benefits with these ids, by their display strings. */
export async function accountBenefitsGroup(db: Executor, ids: readonly string[]): Promise<BlockingGroup> {
  const displays = await accountBenefitDisplays(db, ids, todayIso());
  return {
    label: "Account benefits",
    items: ids.map((id) => ({ text: displays.get(id) ?? id, href: accountBenefitPath(id) })),
  };
}
