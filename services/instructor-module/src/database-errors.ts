const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === UNIQUE_VIOLATION;
}

export function isExclusionViolation(error: unknown): boolean {
  return codeOf(error) === EXCLUSION_VIOLATION;
}
