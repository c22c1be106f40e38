import { retryDelayMs, withTimeout } from './identity-check.rules';

describe('identity check rules', () => {
  it('doubles the wait after each unavailable answer, up to the maximum', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 100, 500))).toEqual([100, 200, 400, 500]);
    expect(retryDelayMs(200, 100, 900_000)).toBe(900_000);
  });

  it('takes the answer that comes in time, and the timeout answer otherwise', async () => {
    expect(await withTimeout(Promise.resolve('match'), 1_000, () => 'late')).toBe('match');
    expect(await withTimeout(new Promise<string>(() => undefined), 10, () => 'late')).toBe('late');
  });
});
