import { RecordProblem } from '@sinergi/contracts';
import { DomainError } from './domain-errors';

/**
 * A domain error as the per-record problems of an inbound feed's rejection. Record problems publish the sentence
 * as their rule, as they always have; `fieldPrefix` is `/` for feeds whose problems name fields as JSON pointers.
 */
export function recordProblemsOf(error: DomainError, fieldPrefix = ''): RecordProblem[] {
  return error.errors.map(({ field, rule, message }) => ({ field: `${fieldPrefix}${field}`, rule: message ?? rule }));
}

/**
 * Applies one inbound record; the problems of a domain error it throws (a service refusing the record), or none.
 * Any other error is not the record's fault and is thrown on, to be retried. The work must throw its domain errors
 * before it writes, since the caller's transaction goes on.
 */
export async function recordRefusals(apply: () => Promise<unknown>, fieldPrefix = ''): Promise<RecordProblem[]> {
  try {
    await apply();
    return [];
  } catch (error) {
    if (error instanceof DomainError) return recordProblemsOf(error, fieldPrefix);
    throw error;
  }
}
