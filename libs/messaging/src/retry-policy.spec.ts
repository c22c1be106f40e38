import { backoffMs } from './retry-policy';

describe('backoffMs', () => {
  const policy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000 };

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
});
