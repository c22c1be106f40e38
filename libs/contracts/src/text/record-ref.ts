import { CONTROL_CHARACTER } from './control-characters';

/** Up to 200 characters, as the results' recordRef allows. */
const MAX_RECORD_REF_LENGTH = 200;

/**
 * An inbound record's own reference when a result can carry it back (a non-empty string of at most 200 characters
 * with no control characters), else undefined and the receiver names the record some other way.
 */
export function usableRecordRef(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_RECORD_REF_LENGTH && !CONTROL_CHARACTER.test(value) ? value : undefined;
}
