import { withTimeout } from './identity-check.rules';

describe('identity check rules', () => {
  it('takes the answer that comes in time, and the timeout answer otherwise', async () => {
    expect(await withTimeout(Promise.resolve('match'), 1_000, () => 'late')).toBe('match');
    expect(await withTimeout(new Promise<string>(() => undefined), 10, () => 'late')).toBe('late');
  });
});
