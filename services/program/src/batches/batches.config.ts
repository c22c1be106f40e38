import { Type } from 'class-transformer';
import { IsInt, Max, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { daysOffOf, HolidayCalendar, SHIPPED_HOLIDAY_CALENDAR_FILE } from '@sinergi/contracts';
import { ServiceConfig } from '@sinergi/platform';
import { readHolidayCalendar } from './holiday-calendar.file';

@ValidatorConstraint({ name: 'holidayCalendarFile' })
class HolidayCalendarFile implements ValidatorConstraintInterface {
  validate(path: string): boolean {
    return readHolidayCalendar(path).problems.length === 0;
  }

  defaultMessage(args: ValidationArguments): string {
    return `must name a holiday calendar JSON file (see libs/contracts/src/calendar/holidays-id.json): ${readHolidayCalendar(args.value as string).problems.join('; ')}`;
  }
}

/** Program's settings: the common ones plus the batch saga's and the holiday calendar. */
export class ProgramConfig extends ServiceConfig {
  /** How long venue-capacity and instructor-module have to answer a BatchPlanned before the class fails with `timeout`. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1_000, { message: 'must be at least 1000' })
  @Max(7 * 24 * 60 * 60 * 1000, { message: 'must be at most 604800000 (7 days)' })
  BATCH_REPLY_TIMEOUT_MS: number = 60_000;

  /** National holidays and cuti bersama (SKB 3 Menteri), read once at start; an operator's own file replaces the shipped one. */
  @Validate(HolidayCalendarFile)
  HOLIDAY_CALENDAR_FILE: string = SHIPPED_HOLIDAY_CALENDAR_FILE;

  private daysOff?: ReadonlySet<string>;

  /** Every national holiday and cuti bersama day of the calendar file. */
  get holidays(): ReadonlySet<string> {
    this.daysOff ??= daysOffOf((readHolidayCalendar(this.HOLIDAY_CALENDAR_FILE) as { calendar: HolidayCalendar }).calendar);
    return this.daysOff;
  }
}
