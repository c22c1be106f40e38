import { join } from 'node:path';
import type { FieldError } from '../http/problem';
import { s, SchemaValue } from '../schema';

export const HOLIDAY_KINDS = ['national-holiday', 'collective-leave'] as const;

/** `decreed`: the year's SKB 3 Menteri is signed. `provisional`: expected dates, until the decree comes out. */
export const HOLIDAY_YEAR_STATUSES = ['decreed', 'provisional'] as const;

/**
 * Indonesia's national holidays (hari libur nasional) and collective leave (cuti bersama), as set each
 * year by the joint decree of the Ministers of Religious Affairs, Manpower and PAN-RB (SKB 3 Menteri).
 */
export const holidayCalendarSchema = s.object(
  {
    description: s.string(2000),
    years: s.array(
      s.object(
        {
          year: s.integer(2000, 2100),
          status: s.oneOf(HOLIDAY_YEAR_STATUSES),
          /** The decree (number and date) the days come from, or what a provisional year is based on. */
          source: s.string(1000),
          note: s.string(2000),
          days: s.array(s.object({ date: s.date(), kind: s.oneOf(HOLIDAY_KINDS), name: s.string(200) })),
        },
        ['note'],
      ),
    ),
  },
  ['description'],
);
export type HolidayCalendar = SchemaValue<typeof holidayCalendarSchema>;

/** The calendar shipped with Sinergi; an operator may point HOLIDAY_CALENDAR_FILE at their own copy. */
export const SHIPPED_HOLIDAY_CALENDAR_FILE = join(__dirname, 'holidays-id.json');

/** What the schema cannot say: each year once, each day inside its year and listed once. */
export function holidayCalendarProblems(calendar: HolidayCalendar): FieldError[] {
  const problems: FieldError[] = [];
  const years = new Set<number>();
  calendar.years.forEach((year, y) => {
    if (years.has(year.year)) problems.push({ field: `/years/${y}/year`, rule: 'listed-once', message: `${year.year} is listed more than once` });
    years.add(year.year);
    const dates = new Set<string>();
    year.days.forEach((day, d) => {
      const field = `/years/${y}/days/${d}/date`;
      if (!day.date.startsWith(`${year.year}-`)) problems.push({ field, rule: 'in-its-year', message: `${day.date} is not in ${year.year}` });
      else if (dates.has(day.date)) problems.push({ field, rule: 'listed-once', message: `${day.date} is listed more than once` });
      dates.add(day.date);
    });
  });
  return problems;
}

/** Every holiday and collective-leave day of the calendar. */
export function daysOffOf(calendar: HolidayCalendar): Set<string> {
  return new Set(calendar.years.flatMap((year) => year.days.map((day) => day.date)));
}
