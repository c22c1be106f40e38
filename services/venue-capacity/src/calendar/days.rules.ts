/** Calendar days as ISO dates (YYYY-MM-DD), counted in UTC so the machine's time zone never shifts a day. */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayRange {
  from: string;
  to: string;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysIn({ from, to }: DayRange): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function dayCount({ from, to }: DayRange): number {
  return to < from ? 0 : Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function contains(range: DayRange, day: string): boolean {
  return range.from <= day && day <= range.to;
}
