import { confirmByReminderAt, startReminderAt, UNTIMED } from './reminders.rules';

const at = (iso: string) => new Date(iso);

describe('start reminder', () => {
  it('goes at 08:00 WIB the given days before the first day', () => {
    expect(startReminderAt('2025-05-12', 2, at('2025-05-01T00:00:00Z'))).toEqual(at('2025-05-10T01:00:00Z'));
  });

  it('goes now when that time has passed but the class has not started', () => {
    const now = at('2025-05-11T09:00:00Z');
    expect(startReminderAt('2025-05-12', 2, now)).toEqual(now);
  });

  it('is not sent once the first day has come, and waits untimed while the dates are not known', () => {
    expect(startReminderAt('2025-05-12', 2, at('2025-05-12T01:00:00Z'))).toBeNull();
    expect(startReminderAt(null, 2, at('2025-05-01T00:00:00Z'))).toBe(UNTIMED);
  });
});

describe('confirm-by reminder', () => {
  it('goes at 08:00 WIB the day before confirm-by, and not once that has passed', () => {
    expect(confirmByReminderAt('2025-05-02', at('2025-04-28T00:00:00Z'))).toEqual(at('2025-05-01T01:00:00Z'));
    expect(confirmByReminderAt('2025-05-02', at('2025-05-01T01:00:00Z'))).toBeNull();
  });
});
