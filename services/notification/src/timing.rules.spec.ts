import { reminderTime } from './timing.rules';

describe('timing', () => {
  it('times a reminder at 08:00 WIB the given days before a date', () => {
    expect(reminderTime('2025-05-12', 2).toISOString()).toBe('2025-05-10T01:00:00.000Z');
    expect(reminderTime('2025-05-01', 1).toISOString()).toBe('2025-04-30T01:00:00.000Z');
  });
});
