import { Problem } from '@sinergi/contracts';

/** A problem's field errors as `field: message` lines (the rule when there is no message), for readable assertions. */
export function problemLines(problem: Problem): string[] {
  return (problem.errors ?? []).map(({ field, rule, message }) => `${field}: ${message ?? rule}`);
}
