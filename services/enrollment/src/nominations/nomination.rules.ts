import { MAX_NOMINATION_RECORDS, RecordProblem, usableRecordRef } from '@sinergi/contracts';

/** How a result names a record: its own recordRef when usable, else its place in the message. */
export function recordRefOf(record: unknown, index: number): string {
  const ref = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).recordRef : undefined;
  return usableRecordRef(ref) ?? `records[${index}]`;
}

/** The problem of every record of a message with more records than the contract allows. */
export const TOO_MANY_RECORDS: RecordProblem = {
  field: 'records',
  rule: `at most ${MAX_NOMINATION_RECORDS} records per message; send the batch in several messages`,
};

export const DUPLICATE_REF: RecordProblem = { field: 'recordRef', rule: 'appears more than once in this message; each record needs its own' };
