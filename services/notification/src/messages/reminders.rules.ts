import { reminderTime } from '../timing.rules';

/** A start reminder for a class whose dates are not known yet waits here until BatchConfirmed or BatchRescheduled times it. */
export const UNTIMED = new Date('9999-12-31T00:00:00Z');

/**
 * When a confirmed place's start reminder goes: `daysBefore` days before the first day at 08:00 WIB, or now when that
 * has passed; untimed while the class's dates are not known; none once the first day has come (08:00 WIB).
 */
export function startReminderAt(startDate: string | null, daysBefore: number, now: Date): Date | null {
  if (!startDate) return UNTIMED;
  if (reminderTime(startDate, 0) <= now) return null;
  const at = reminderTime(startDate, daysBefore);
  return at > now ? at : now;
}

/** The confirm-by reminder: 08:00 WIB the day before confirm-by; none once that has passed. */
export function confirmByReminderAt(confirmBy: string, now: Date): Date | null {
  const at = reminderTime(confirmBy, 1);
  return at > now ? at : null;
}
