/**
 * The programme runs on the clock of Jakarta: Western Indonesia Time (WIB), UTC+7 all year, with
 * no daylight saving. Deadlines such as a confirm-by day, a class "starting today" and the
 * admins' digest hour are counted in it, whatever the machine's time zone.
 */

const HOUR_MS = 3_600_000;
const WIB_OFFSET_MS = 7 * HOUR_MS;

function wibClock(now: Date): Date {
  return new Date(now.getTime() + WIB_OFFSET_MS);
}

/** The day in WIB at an instant, as YYYY-MM-DD. */
export function todayInWib(now: Date = new Date()): string {
  return wibClock(now).toISOString().slice(0, 10);
}

/** The instant a clock in WIB shows `hour`:00 on a day (YYYY-MM-DD). */
export function atHourInWib(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + hour * HOUR_MS - WIB_OFFSET_MS);
}

/** The hour (0-23) in WIB at an instant. */
export function hourInWib(now: Date = new Date()): number {
  return wibClock(now).getUTCHours();
}
