const INSTANT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A moment as "5 Mar 2025, 15:04 UTC". */
export function formatInstant(moment: Date): string {
  return `${INSTANT.format(moment)} UTC`;
}

/** Today's date in UTC as YYYY-MM-DD: the "today" every date rule of AMY compares with. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
