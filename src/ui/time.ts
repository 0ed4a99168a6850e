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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface DateParts {
  year: string;
  month: string;
  day: string;
}

function partsOf(date: string): DateParts {
  const [year = "", month = "01", day = ""] = date.split("-");
  return { year, month: MONTHS[Number(month) - 1] ?? month, day };
}

const monthDayYear = (date: DateParts) => `${date.month} ${date.day}, ${date.year}`;

/** "Sep 01 - 30, 2018" and the like; "???" stands for a missing date. Never reorders the dates. */
export function humanReadableDate(start: string | null, end: string | null): string {
  if (!start || !end) {
    return `${start ? monthDayYear(partsOf(start)) : "???"} - ${end ? monthDayYear(partsOf(end)) : "???"}`;
  }
  const from = partsOf(start);
  const to = partsOf(end);
  if (from.year === to.year && from.month === to.month) {
    return `${from.month} ${from.day} - ${to.day}, ${to.year}`;
  }
  if (from.year === to.year) return `${from.month} ${from.day} - ${monthDayYear(to)}`;
  return `${monthDayYear(from)} - ${monthDayYear(to)}`;
}
