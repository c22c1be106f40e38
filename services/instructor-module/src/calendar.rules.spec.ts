import { dayCount, periodOf } from './calendar.rules';

describe('calendar rules', () => {
  it('puts a class in the month it starts, even when it ends in the next one', () => {
    expect(periodOf('2025-05-29')).toBe('2025-05');
    expect(periodOf('2025-06-01')).toBe('2025-06');
  });

  it('counts days with both ends included', () => {
    expect(dayCount('2025-05-05', '2025-05-05')).toBe(1);
    expect(dayCount('2025-05-05', '2025-05-09')).toBe(5);
    expect(dayCount('2025-04-28', '2025-05-02')).toBe(5);
    expect(dayCount('2024-02-28', '2024-03-01')).toBe(3);
  });

  it('gives zero or less for a range that ends before it starts', () => {
    expect(dayCount('2025-05-09', '2025-05-05')).toBeLessThanOrEqual(0);
  });
});
