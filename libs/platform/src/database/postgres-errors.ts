/** The SQLSTATE codes services react to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

function sqlStateOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Whether a query failed on a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === UNIQUE_VIOLATION;
}

/** Whether a query failed on an exclusion constraint (e.g. two reservations of one room on a day). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === EXCLUSION_VIOLATION;
}
