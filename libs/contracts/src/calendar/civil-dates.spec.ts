import { addDays, ageOn, dayCount, daysBetween, daysIn, isRealDate, parseCivilDate, rangeContains } from './civil-dates';

describe('civil dates', () => {
  it('knows which dates exist', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(parseCivilDate('2025-04-31')).toBeUndefined();
    expect(parseCivilDate('2025-4-30')).toBeUndefined();
    expect(parseCivilDate('2025-03-25T10:00:00Z')).toBeUndefined();
    expect(parseCivilDate('2025-04-30')).toEqual({ year: 2025, month: 4, day: 30 });
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2025-05-31', 1)).toBe('2025-06-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-12-31', 366)).toBe('2027-01-01');
  });

  it('counts whole days between two days, negative backwards', () => {
    expect(daysBetween('2025-05-05', '2025-05-09')).toBe(4);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-05-09', '2025-05-05')).toBe(-4);
  });

  it('lists and counts the days of a range, both ends included', () => {
    expect(daysIn({ from: '2025-05-30', to: '2025-06-02' })).toEqual(['2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02']);
    expect(daysIn({ from: '2025-05-05', to: '2025-05-05' })).toEqual(['2025-05-05']);
    expect(daysIn({ from: '2025-05-06', to: '2025-05-05' })).toEqual([]);
    expect(dayCount({ from: '2025-05-01', to: '2025-05-31' })).toBe(31);
    expect(dayCount({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
    expect(dayCount({ from: '2025-05-01', to: '2025-05-01' })).toBe(1);
    expect(dayCount({ from: '2025-05-09', to: '2025-05-05' })).toBe(0);
  });

  it('knows whether a range holds a day, both ends included', () => {
    expect(rangeContains({ from: '2025-05-01', to: '2025-05-05' }, '2025-05-01')).toBe(true);
    expect(rangeContains({ from: '2025-05-01', to: '2025-05-05' }, '2025-05-05')).toBe(true);
    expect(rangeContains({ from: '2025-05-01', to: '2025-05-05' }, '2025-05-06')).toBe(false);
  });

  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('2007-05-05', '2025-05-05')).toBe(18);
    expect(ageOn('2007-05-06', '2025-05-05')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});
