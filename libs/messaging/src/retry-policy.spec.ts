import { backoffMs, RetryPolicy } from './retry-policy';

describe('backoffMs', () => {
  const policy: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000, transientInitialBackoffMs: 400, transientMaxBackoffMs: 3_000 };

  it('doubles per failed attempt, jittered within the upper half, and is capped', () => {
    for (let run = 0; run < 50; run += 1) {
      expect(backoffMs(policy, 1)).toBeGreaterThanOrEqual(50);
      expect(backoffMs(policy, 1)).toBeLessThanOrEqual(100);
      expect(backoffMs(policy, 3)).toBeGreaterThanOrEqual(200);
      expect(backoffMs(policy, 3)).toBeLessThanOrEqual(400);
      expect(backoffMs(policy, 10)).toBeLessThanOrEqual(1_000);
      expect(backoffMs(policy, 10)).toBeGreaterThanOrEqual(500);
    }
  });

  it('waits longer after transient failures, up to their own cap', () => {
    for (let run = 0; run < 50; run += 1) {
      expect(backoffMs(policy, 1, 'transient')).toBeGreaterThanOrEqual(200);
      expect(backoffMs(policy, 1, 'transient')).toBeLessThanOrEqual(400);
      expect(backoffMs(policy, 30, 'transient')).toBeGreaterThanOrEqual(1_500);
      expect(backoffMs(policy, 30, 'transient')).toBeLessThanOrEqual(3_000);
    }
  });
});
