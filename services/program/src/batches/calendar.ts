/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no local time zone shifts them. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Classes follow the calendar of Jakarta (WIB): a class "starts today" by the clock there. */
export const CALENDAR_TIME_ZONE = 'Asia/Jakarta';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDate(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function classDates(startDate: string, classDays: number): string[] {
  return eachDate(startDate, addDays(startDate, classDays - 1));
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
