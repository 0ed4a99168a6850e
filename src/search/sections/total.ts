/**
 * Sections select `count(*) over ()` beside their rows: the window counts every match before the
 * limit applies, so one query gives both the shown rows and the total.
 */
export function totalOf(rows: readonly { total: number }[]): number {
  return rows[0]?.total ?? 0;
}
