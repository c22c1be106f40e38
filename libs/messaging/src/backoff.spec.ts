import { exponentialBackoffMs } from './backoff';

describe('exponentialBackoffMs', () => {
  it('starts at the initial wait and doubles after each further failure, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((failed) => exponentialBackoffMs(failed, 1_000, 5_000))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('waits the initial time before any failure was counted, and stays at the maximum however many there were', () => {
    expect(exponentialBackoffMs(0, 100, 500)).toBe(100);
    expect(exponentialBackoffMs(200, 100, 900_000)).toBe(900_000);
    expect(exponentialBackoffMs(Number.MAX_SAFE_INTEGER, 100, 900_000)).toBe(900_000);
  });
});
