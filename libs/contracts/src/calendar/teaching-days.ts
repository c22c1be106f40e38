import { addDays } from './civil-dates';

/** The days of the week, as a programme names its teaching days. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Training at a BLK runs on working days unless a programme says otherwise. */
export const DEFAULT_TEACHING_WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** What decides whether a class can be held on a day: the programme's weekdays and the national days off. */
export interface TeachingCalendar {
  teachingWeekdays: readonly Weekday[];
  /** National holidays and collective leave (cuti bersama), YYYY-MM-DD. */
  daysOff: ReadonlySet<string>;
}

/** The weekday of a YYYY-MM-DD day. */
export function weekdayOf(day: string): Weekday {
  // getUTCDay counts from Sunday (0); WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7];
}

export function isTeachingDay(day: string, calendar: TeachingCalendar): boolean {
  return calendar.teachingWeekdays.includes(weekdayOf(day)) && !calendar.daysOff.has(day);
}

/** The day itself when it is a teaching day, else the first teaching day after it. */
export function teachingDayOnOrAfter(day: string, calendar: TeachingCalendar): string {
  if (calendar.teachingWeekdays.length === 0) throw new Error('a teaching calendar needs at least one teaching weekday');
  let found = day;
  while (!isTeachingDay(found, calendar)) found = addDays(found, 1);
  return found;
}

/** The first teaching day after a day. */
export function nextTeachingDay(day: string, calendar: TeachingCalendar): string {
  return teachingDayOnOrAfter(addDays(day, 1), calendar);
}

/** The `count` teaching days a class starting on `start` is held on (from the first teaching day on or after it). */
export function teachingDaysFrom(start: string, count: number, calendar: TeachingCalendar): string[] {
  const days = [teachingDayOnOrAfter(start, calendar)];
  while (days.length < count) days.push(nextTeachingDay(days[days.length - 1], calendar));
  return days;
}
