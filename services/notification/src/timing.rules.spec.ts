import { jakartaDay, jakartaHour, reminderTime, retryDelayMs } from './timing.rules';

describe('timing', () => {
  it('times a reminder at 08:00 WIB the given days before a date', () => {
    expect(reminderTime('2025-05-12', 2).toISOString()).toBe('2025-05-10T01:00:00.000Z');
    expect(reminderTime('2025-05-01', 1).toISOString()).toBe('2025-04-30T01:00:00.000Z');
  });

  it('doubles the retry delay per failed attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 1_000, 5_000))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('reads the day and hour in Jakarta', () => {
    const lateUtc = new Date('2025-05-01T18:30:00Z');
    expect(jakartaDay(lateUtc)).toBe('2025-05-02');
    expect(jakartaHour(lateUtc)).toBe(1);
  });
});
