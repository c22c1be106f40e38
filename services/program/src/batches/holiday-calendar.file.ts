import { readFileSync } from 'node:fs';
import { HolidayCalendar, holidayCalendarProblems, holidayCalendarSchema } from '@sinergi/contracts';
import { recordValidator } from '@sinergi/messaging';

const schemaProblems = recordValidator(holidayCalendarSchema);

/** A holiday calendar file read and checked: the calendar, or each problem as `field: rule`. */
export function readHolidayCalendar(path: string): { calendar: HolidayCalendar; problems: [] } | { problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      problems: [
        error instanceof SyntaxError
          ? `the file is not JSON (${error.message})`
          : `the file cannot be read (${(error as NodeJS.ErrnoException).code})`,
      ],
    };
  }
  const invalid = schemaProblems(parsed).map(({ field, rule }) => `${field}: ${rule}`);
  if (invalid.length > 0) return { problems: invalid };
  const calendar = parsed as HolidayCalendar;
  const problems = holidayCalendarProblems(calendar).map(({ field, rule, message }) => `${field}: ${rule} (${message})`);
  return problems.length > 0 ? { problems } : { calendar, problems: [] };
}
