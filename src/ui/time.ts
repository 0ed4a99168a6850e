const INSTANT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A moment as "5 Mar 2025, 15:04 UTC". */
export function formatInstant(moment: Date): string {
  return `${INSTANT.format(moment)} UTC`;
}
