const DAY_MS = 24 * 60 * 60 * 1000;

/** The load-limit period of a class: the calendar month its first day falls in, as YYYY-MM. */
export function periodOf(startDate: string): string {
  return startDate.slice(0, 7);
}

/** Days from one date to another, both included (0 or less when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
