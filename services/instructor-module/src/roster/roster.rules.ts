import { usableRecordRef } from '@sinergi/contracts';

/** How a roster result names its record: by its own key when the record has a usable one, else by the event id. */
export function recordRefOf(record: unknown, keyField: string, eventId: string): string {
  const key = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[keyField] : undefined;
  return usableRecordRef(key) ?? eventId;
}
