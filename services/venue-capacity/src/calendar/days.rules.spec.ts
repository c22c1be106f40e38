import { addDays, contains, dayCount, daysIn, overlaps } from './days.rules';

describe('calendar days', () => {
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2025-05-31', 1)).toBe('2025-06-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('lists every day of a range, both ends included', () => {
    expect(daysIn({ from: '2025-05-30', to: '2025-06-02' })).toEqual(['2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02']);
    expect(daysIn({ from: '2025-05-05', to: '2025-05-05' })).toEqual(['2025-05-05']);
    expect(daysIn({ from: '2025-05-06', to: '2025-05-05' })).toEqual([]);
  });

  it('counts the days of a range', () => {
    expect(dayCount({ from: '2025-05-01', to: '2025-05-31' })).toBe(31);
    expect(dayCount({ from: '2025-05-01', to: '2025-05-01' })).toBe(1);
    expect(dayCount({ from: '2025-05-02', to: '2025-05-01' })).toBe(0);
  });

  it('sees ranges that share a day as overlapping, and touching-but-disjoint ones as not', () => {
    expect(overlaps({ from: '2025-05-01', to: '2025-05-05' }, { from: '2025-05-05', to: '2025-05-09' })).toBe(true);
    expect(overlaps({ from: '2025-05-01', to: '2025-05-04' }, { from: '2025-05-05', to: '2025-05-09' })).toBe(false);
    expect(overlaps({ from: '2025-05-03', to: '2025-05-03' }, { from: '2025-05-01', to: '2025-05-09' })).toBe(true);
    expect(contains({ from: '2025-05-01', to: '2025-05-05' }, '2025-05-05')).toBe(true);
    expect(contains({ from: '2025-05-01', to: '2025-05-05' }, '2025-05-06')).toBe(false);
  });
});
