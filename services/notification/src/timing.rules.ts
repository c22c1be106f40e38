/** Reminders go out at 08:00 WIB (UTC+7), a civil hour to receive a message. */
const REMINDER_HOUR_UTC = 1;
const DAY_MS = 86_400_000;

/** 08:00 WIB, `daysBefore` days before an ISO date (a class's first day, a confirm-by day). */
export function reminderTime(isoDate: string, daysBefore: number): Date {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, REMINDER_HOUR_UTC) - daysBefore * DAY_MS);
}

/** The wait before attempt `attempts + 1`: the base, doubled per failed attempt, capped. */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** The calendar day in Jakarta (WIB, UTC+7, no daylight saving) at an instant, as YYYY-MM-DD. */
export function jakartaDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function jakartaHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
}
