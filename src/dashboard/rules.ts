/** Pure rules of the admin dashboard: no database, no HTTP. */

/**
 * The person whose events the dashboard shows, before checking they may be assigned events:
 * no `assigned_to` → the viewer; empty or not an id → nobody (only unassigned events).
 */
export function requestedAssignee(raw: string | undefined, viewerId: number): number | null {
  if (raw === undefined) return viewerId;
  if (!/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

/** The requested person when events can be assigned to them (they are among the admins), else nobody. */
export function assignableOrNobody(
  requested: number | null,
  admins: readonly { id: number }[],
): number | null {
  return requested !== null && admins.some((admin) => admin.id === requested) ? requested : null;
}

/** Tags the dashboard shows as badges, in this order. */
export const MAIN_TAGS = ["SWC", "DC", "LC", "TTT", "ITT", "WiSE"];

/** Bootstrap colour of a tag badge, by the start of its name. */
export function tagColour(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("swc")) return "primary";
  if (lower.startsWith("dc")) return "success";
  if (lower.startsWith("online")) return "info";
  if (lower.startsWith("lc")) return "warning";
  if (lower.startsWith("ttt") || lower.startsWith("itt")) return "danger";
  return "secondary";
}
