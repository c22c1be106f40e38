import { ageOn, isRealDate, parseIsoDate, todayInJakarta } from './calendar';

describe('calendar', () => {
  it('knows which dates exist', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(parseIsoDate('2025-04-31')).toBeUndefined();
    expect(parseIsoDate('2025-4-30')).toBeUndefined();
    expect(parseIsoDate('2025-04-30')).toEqual({ year: 2025, month: 4, day: 30 });
  });

  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('2007-05-05', '2025-05-05')).toBe(18);
    expect(ageOn('2007-05-06', '2025-05-05')).toBe(17);
  });

  it('counts today in Jakarta (UTC+7)', () => {
    expect(todayInJakarta(new Date('2025-04-30T17:00:00Z'))).toBe('2025-05-01');
    expect(todayInJakarta(new Date('2025-04-30T16:59:59Z'))).toBe('2025-04-30');
  });
});
