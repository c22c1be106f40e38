/**
 * The wait before retrying something that failed `failedAttempts` times: `initialMs` after the
 * first failure, doubled after each further one, never more than `maxMs`.
 */
export function exponentialBackoffMs(failedAttempts: number, initialMs: number, maxMs: number): number {
  const doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
  return Math.min(maxMs, initialMs * 2 ** doublings);
}
