import { createHash } from 'node:crypto';
import { drawOrder, lotteryKey, PoolEntry, poolDigest } from './draw.rules';

function pool(size: number): PoolEntry[] {
  return Array.from({ length: size }, (_, i) => ({
    enrollmentId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    score: null,
    businessScale: 'micro' as const,
    submittedAt: new Date(Date.UTC(2025, 3, 1, 0, 0, i)).toISOString(),
  }));
}
const ids = (entries: PoolEntry[]) => entries.map((entry) => entry.enrollmentId);

describe('the draw', () => {
  it('gives the same lottery order for the same seed, whatever order the pool comes in', () => {
    const entries = pool(50);
    expect(ids(drawOrder('lottery', 'seed-a', entries))).toEqual(ids(drawOrder('lottery', 'seed-a', [...entries].reverse())));
  });

  it('gives another order for another seed', () => {
    const entries = pool(50);
    expect(ids(drawOrder('lottery', 'seed-a', entries))).not.toEqual(ids(drawOrder('lottery', 'seed-b', entries)));
  });

  it('sorts by SHA-256 of seed, a colon and the enrollment id, as the README tells auditors', () => {
    const entries = pool(5);
    const expected = [...ids(entries)].sort((a, b) =>
      createHash('sha256').update(`s:${a}`).digest('hex').localeCompare(createHash('sha256').update(`s:${b}`).digest('hex')),
    );
    expect(ids(drawOrder('lottery', 's', entries))).toEqual(expected);
    expect(lotteryKey('s', entries[0].enrollmentId)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ranks by score, then micro before small, then submission time, then id', () => {
    const [a, b, c, d, e] = pool(5);
    const ranked = drawOrder('ranked', 'ignored', [
      { ...a, score: 50, businessScale: 'small' },
      { ...b, score: 80, businessScale: 'small' },
      { ...c, score: 50, businessScale: 'micro' },
      { ...d, score: null, businessScale: 'micro' },
      { ...e, score: 50, businessScale: 'micro', submittedAt: c.submittedAt },
    ]);
    expect(ids(ranked)).toEqual([b.enrollmentId, c.enrollmentId, e.enrollmentId, a.enrollmentId, d.enrollmentId]);
  });

  it('digests the ordered ids, so any change of order changes the digest', () => {
    expect(poolDigest(['a', 'b'])).toBe(createHash('sha256').update('a\nb').digest('hex'));
    expect(poolDigest(['a', 'b'])).not.toBe(poolDigest(['b', 'a']));
  });
});
