// How the "Failed to delete" page lists what keeps an organisation from being deleted.
import {
  accountBenefitPath,
  membershipDisplay,
  membershipPath,
  partnershipPath,
} from "../memberships/rules.ts";
import type { BlockingGroup } from "../ui/blocked-delete.tsx";
import type { DeleteBlockers } from "./commands.ts";

export function blockedDeleteGroups(blockers: DeleteBlockers): BlockingGroup[] {
  const groups: BlockingGroup[] = [
    {
      label: "Events",
      items: blockers.events.map((row) => ({
        text: row.slug,
        href: `/workshops/event/${encodeURIComponent(row.slug)}/`,
      })),
    },
    {
      label: "Memberships it is a member of",
      items: blockers.memberships.map((row) => ({
        text: `${membershipDisplay(row)} (role: ${row.role})`,
        href: membershipPath(row.id),
      })),
    },
    {
      label: "Partnerships",
      items: blockers.partnerships.map((row) => ({ text: row.name, href: partnershipPath(row.id) })),
    },
    {
      label: "Account benefits of its account",
      items: blockers.accountBenefits.map((row) => ({
        text: `${row.benefitName} (${row.startDate} — ${row.endDate})`,
        href: accountBenefitPath(row.id),
      })),
    },
    {
      label: "Partnerships using its account",
      items: blockers.accountPartnerships.map((row) => ({ text: row.name, href: partnershipPath(row.id) })),
    },
  ];
  return groups.filter((group) => group.items.length > 0);
}
