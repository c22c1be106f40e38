/** Reminders go out at 08:00 WIB (UTC+7), a civil hour to receive a message. */
const REMINDER_HOUR_UTC = 1;
const DAY_MS = 86_400_000;

/** 08:00 WIB, `daysBefore` days before an ISO date (a class's first day, a confirm-by day). */
export function reminderTime(isoDate: string, daysBefore: number): Date {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, REMINDER_HOUR_UTC) - daysBefore * DAY_MS);
}

