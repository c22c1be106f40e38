import { classDatesOf, dayProblem, recordProblems } from './attendance.rules';

describe('attendance rules', () => {
  // 14 and 15 May 2026 are Ascension Day and its cuti bersama: program skips them.
  const klass = { classDates: ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-18', '2026-05-19'] };

  it('holds a class on the teaching days program announced, or every day of an older event\'s range', () => {
    expect(classDatesOf({ startDate: '2026-05-11', endDate: '2026-05-19', ...klass })).toEqual(klass.classDates);
    expect(classDatesOf({ startDate: '2026-02-27', endDate: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('takes a day of the class up to today (WIB), and names the rule otherwise', () => {
    expect(dayProblem('2026-05-13', klass, '2026-05-13')).toBeUndefined();
    expect(dayProblem('2026-05-11', klass, '2026-06-01')).toBeUndefined();
    expect(dayProblem('2026-05-18', klass, '2026-05-13')).toMatchObject({ field: 'day', message: 'must not be in the future; today in WIB is 2026-05-13' });
    const notADay = { field: 'day', rule: 'class-day', message: 'must be a teaching day of the class: 2026-05-11, 2026-05-12, 2026-05-13, 2026-05-18, 2026-05-19' };
    expect(dayProblem('2026-05-10', klass, '2026-06-01')).toEqual(notADay);
    expect(dayProblem('2026-05-14', klass, '2026-06-01')).toEqual(notADay);
    expect(dayProblem('2026-05-16', klass, '2026-06-01')).toEqual(notADay);
    expect(dayProblem('2026-02-30', klass, '2026-06-01')).toMatchObject({ field: 'day', message: 'must be a date YYYY-MM-DD, e.g. 2025-05-12' });
    expect(dayProblem('13-05-2026', klass, '2026-06-01')).toMatchObject({ field: 'day', message: 'must be a date YYYY-MM-DD, e.g. 2025-05-12' });
  });

  it('refuses a participant not seated in the class, and one listed twice, by position', () => {
    expect(recordProblems(['a', 'b'], new Set(['a', 'b', 'c']))).toEqual([]);
    expect(recordProblems(['a', 'x', 'a'], new Set(['a']))).toEqual([
      { field: 'records.1.enrollmentId', rule: 'seated', message: 'x is not a seated participant of this class (selected or confirmed)' },
      { field: 'records.2.enrollmentId', rule: 'listed-once', message: 'a is listed more than once' },
    ]);
  });
});
