import { addDays, atHourInWib } from '@sinergi/contracts';

/** Reminders go out at 08:00 WIB, a civil hour to receive a message. */
const REMINDER_HOUR_WIB = 8;

/** 08:00 WIB, `daysBefore` days before an ISO date (a class's first day, a confirm-by day). */
export function reminderTime(isoDate: string, daysBefore: number): Date {
  return atHourInWib(addDays(isoDate.slice(0, 10), -daysBefore), REMINDER_HOUR_WIB);
}
