const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failure = error as { code?: string; constraint?: string } | null;
  return failure?.code === UNIQUE_VIOLATION && (constraint === undefined || failure.constraint === constraint);
}
