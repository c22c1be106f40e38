import { DeadLetterSummary, ServiceName } from '@sinergi/contracts';
import { decodeCursor } from '@sinergi/platform';
import { mergedKeyOf, mergePages, serviceCursorAfter } from './dead-letter-paging';

const letter = (service: ServiceName, failedAt: string, id: string): DeadLetterSummary => ({
  service,
  id,
  topic: 't',
  eventType: null,
  reason: 'r',
  failedAt,
  attempts: 1,
  redrivenAt: null,
});

describe("merging the services' dead-letter pages", () => {
  const sameInstant = '2026-12-01T10:00:00.000Z';

  it('orders newest first, then by service and id, and names the last item in the cursor', () => {
    const page = mergePages(
      [
        { items: [letter('program', sameInstant, 'a0000000-0000-4000-8000-000000000000')], next: 'more' },
        {
          items: [
            letter('enrollment', '2026-12-01T11:00:00.000Z', 'b0000000-0000-4000-8000-000000000000'),
            letter('enrollment', sameInstant, 'c0000000-0000-4000-8000-000000000000'),
          ],
        },
      ],
      2,
    );
    expect(page.items.map((item) => item.service)).toEqual(['enrollment', 'program']);
    expect(decodeCursor(page.next!, 3)).toEqual([sameInstant, 'program', 'a0000000-0000-4000-8000-000000000000']);
  });

  it("starts each service's next page right after the merged page's last item", () => {
    const key = mergedKeyOf(
      mergePages([{ items: [letter('notification', sameInstant, 'a0000000-0000-4000-8000-000000000000')], next: 'x' }], 1).next!,
    );
    expect(decodeCursor(serviceCursorAfter('notification', key), 2)).toEqual([sameInstant, 'a0000000-0000-4000-8000-000000000000']);
    // 'enrollment' sorts before 'notification': its items of the same instant come after, so all of them are still to come.
    expect(decodeCursor(serviceCursorAfter('enrollment', key), 2)).toEqual([sameInstant, 'ffffffff-ffff-ffff-ffff-ffffffffffff']);
    expect(decodeCursor(serviceCursorAfter('program', key), 2)).toEqual([sameInstant, '00000000-0000-0000-0000-000000000000']);
  });

  it('has no next on the last page', () => {
    expect(mergePages([{ items: [letter('program', sameInstant, 'a0000000-0000-4000-8000-000000000000')] }], 5).next).toBeUndefined();
  });
});
