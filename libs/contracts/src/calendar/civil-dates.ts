/**
 * Civil dates: calendar days written YYYY-MM-DD, with no time and no zone, as every event and
 * request carries them. Arithmetic is done in UTC, so the machine's time zone never shifts a day.
 */

const DAY_MS = 86_400_000;

/** The days from `from` to `to`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** Whether the year, month (1-12) and day name a day that exists (2025-02-30 does not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The parts of a YYYY-MM-DD day; undefined when the text is not one or the day does not exist. */
export function parseCivilDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/** The day `days` after a day (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day of a range; empty when it ends before it starts. */
export function daysIn({ from, to }: DayRange): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** How many days a range holds; 0 when it ends before it starts. */
export function dayCount({ from, to }: DayRange): number {
  return to < from ? 0 : daysBetween(from, to) + 1;
}

export function rangeContains(range: DayRange, day: string): boolean {
  return range.from <= day && day <= range.to;
}

/** Whole years from a birth date to a day: the birthday itself counts. */
export function ageOn(birthDate: string, day: string): number {
  const age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? age - 1 : age;
}
