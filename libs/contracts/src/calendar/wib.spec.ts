import { atHourInWib, hourInWib, todayInWib } from './wib';

describe('the WIB clock (UTC+7)', () => {
  it('turns the day at 17:00 UTC', () => {
    expect(todayInWib(new Date('2025-04-30T17:00:00Z'))).toBe('2025-05-01');
    expect(todayInWib(new Date('2025-04-30T16:59:59Z'))).toBe('2025-04-30');
    expect(todayInWib(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('finds the instant of an hour in WIB, the day before in UTC for the small hours', () => {
    expect(atHourInWib('2025-05-10', 8).toISOString()).toBe('2025-05-10T01:00:00.000Z');
    expect(atHourInWib('2025-05-01', 0).toISOString()).toBe('2025-04-30T17:00:00.000Z');
  });

  it('reads the hour seven hours ahead of UTC', () => {
    expect(hourInWib(new Date('2025-05-01T18:30:00Z'))).toBe(1);
    expect(hourInWib(new Date('2025-05-01T00:00:00Z'))).toBe(7);
  });
});
