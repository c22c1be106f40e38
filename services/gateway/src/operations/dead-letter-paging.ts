import { DeadLetterSummary, Page, ServiceName } from '@sinergi/contracts';
import { decodeCursor, encodeCursor, InvalidInput } from '@sinergi/platform';

/** The Operations page's services: the five behind the gateway and the gateway itself. */
export const OPERATED_SERVICES: readonly ServiceName[] = [
  'program',
  'enrollment',
  'venue-capacity',
  'instructor-module',
  'notification',
  'gateway',
];

/** Where a merged page ended: the last item's (failedAt, service, id), the order of the list, newest first. */
export type MergedKey = [failedAt: string, service: ServiceName, id: string];

const LOWEST_ID = '00000000-0000-0000-0000-000000000000';
const HIGHEST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export function mergedKeyOf(cursor: string): MergedKey {
  const [failedAt, service, id] = decodeCursor(cursor, 3);
  if (typeof failedAt === 'string' && typeof id === 'string' && OPERATED_SERVICES.includes(service as ServiceName))
    return [failedAt, service as ServiceName, id];
  throw new InvalidInput({ field: 'cursor', rule: 'valid-cursor', message: 'cursor must be the next value of a previous page, unchanged' });
}

/**
 * The cursor of one service's own list (its `(failedAt, id)` key) that starts where the merged page ended: a service
 * sorted after the last item's one takes its items of that same instant too, one sorted before it only earlier ones.
 */
export function serviceCursorAfter(service: ServiceName, [failedAt, lastService, id]: MergedKey): string {
  if (service === lastService) return encodeCursor([failedAt, id]);
  return encodeCursor([failedAt, service < lastService ? HIGHEST_ID : LOWEST_ID]);
}

function newestFirst(a: DeadLetterSummary, b: DeadLetterSummary): number {
  const key = (item: DeadLetterSummary) => [item.failedAt, item.service, item.id];
  const [left, right] = [key(a), key(b)];
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] !== right[index]) return left[index] < right[index] ? 1 : -1;
  }
  return 0;
}

/** One page of the services' pages (each of at most `limit` items, after the same merged key), newest first. */
export function mergePages(pages: Array<Page<DeadLetterSummary>>, limit: number): Page<DeadLetterSummary> {
  const merged = pages.flatMap((page) => page.items).sort(newestFirst);
  const items = merged.slice(0, limit);
  const more = merged.length > limit || pages.some((page) => page.next !== undefined);
  const last = items[items.length - 1];
  return more && last ? { items, next: encodeCursor([last.failedAt, last.service, last.id]) } : { items };
}
