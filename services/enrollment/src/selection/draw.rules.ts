import { createHash } from 'node:crypto';
import { BusinessScale } from '@sinergi/contracts';

export type DrawPolicy = 'lottery' | 'ranked';

/** One accepted enrollment in a programme's pool. */
export interface PoolEntry {
  enrollmentId: string;
  /** A nominating institution's score (higher first); null when it came without one. */
  score: number | null;
  businessScale: BusinessScale;
  /** ISO 8601, UTC. */
  submittedAt: string;
}

const SCALE_ORDER: Record<BusinessScale, number> = { micro: 0, small: 1, medium: 2 };

/** The lottery's sort key: SHA-256, in lowercase hex, of the UTF-8 text `<seed>:<enrollmentId>`. */
export function lotteryKey(seed: string, enrollmentId: string): string {
  return createHash('sha256').update(`${seed}:${enrollmentId}`, 'utf8').digest('hex');
}

/**
 * The draw order of a pool.
 * - lottery: ascending lotteryKey (hex strings compare as the numbers they are), ties (never in practice) by enrollment id;
 * - ranked: score descending (no score after every score), then micro before small before medium, then earlier
 *   submission, then enrollment id. The seed plays no part.
 * Ids compare as plain ASCII strings. The pool's own order never matters.
 */
export function drawOrder(policy: DrawPolicy, seed: string, pool: readonly PoolEntry[]): PoolEntry[] {
  if (policy === 'lottery') {
    const keyed = pool.map((entry) => ({ entry, key: lotteryKey(seed, entry.enrollmentId) }));
    return keyed.sort((a, b) => compare(a.key, b.key) || compare(a.entry.enrollmentId, b.entry.enrollmentId)).map(({ entry }) => entry);
  }
  return [...pool].sort(
    (a, b) =>
      (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
      SCALE_ORDER[a.businessScale] - SCALE_ORDER[b.businessScale] ||
      compare(a.submittedAt, b.submittedAt) ||
      compare(a.enrollmentId, b.enrollmentId),
  );
}

/** SHA-256 (lowercase hex) of the enrollment ids in draw order joined by `\n`: one value that pins the whole order. */
export function poolDigest(orderedIds: readonly string[]): string {
  return createHash('sha256').update(orderedIds.join('\n'), 'utf8').digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
