import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { daysIn } from './civil-dates';
import { daysOffOf, HolidayCalendar, holidayCalendarProblems, holidayCalendarSchema, SHIPPED_HOLIDAY_CALENDAR_FILE } from './holiday-calendar';
import { DEFAULT_TEACHING_WEEKDAYS, isTeachingDay, nextTeachingDay, TeachingCalendar, teachingDayOnOrAfter, teachingDaysFrom, weekdayOf } from './teaching-days';

const shipped = JSON.parse(readFileSync(SHIPPED_HOLIDAY_CALENDAR_FILE, 'utf8')) as HolidayCalendar;
const weekdays: TeachingCalendar = { teachingWeekdays: DEFAULT_TEACHING_WEEKDAYS, daysOff: daysOffOf(shipped) };

describe('the shipped holiday calendar', () => {
  it('matches its schema and lists each year and day once, inside its year', () => {
    const validate = addFormats(new Ajv({ allErrors: true })).compile(holidayCalendarSchema);
    expect(validate.errors ?? validate(shipped)).toBe(true);
    expect(holidayCalendarProblems(shipped)).toEqual([]);
  });

  it('covers 2025 and 2026 by their decrees and marks 2027 provisional', () => {
    expect(shipped.years.map(({ year, status }) => [year, status])).toEqual([
      [2025, 'decreed'],
      [2026, 'decreed'],
      [2027, 'provisional'],
    ]);
    expect(shipped.years[0].source).toMatch(/Nomor 1017 Tahun 2024/);
    expect(shipped.years[1].source).toMatch(/Nomor 1497 Tahun 2025/);
  });

  it('finds a day listed twice, a day outside its year and a year listed twice', () => {
    const day = { date: '2025-05-01', kind: 'national-holiday' as const, name: 'Hari Buruh' };
    const year = { year: 2025, status: 'decreed' as const, source: 'SKB', days: [day, day, { ...day, date: '2026-05-01' }] };
    expect(holidayCalendarProblems({ years: [year, { ...year, days: [] }] }).map(({ field, rule }) => [field, rule])).toEqual([
      ['/years/0/days/1/date', 'listed-once'],
      ['/years/0/days/2/date', 'in-its-year'],
      ['/years/1/year', 'listed-once'],
    ]);
  });
});

describe('teaching days', () => {
  it('knows the weekday of a day', () => {
    expect(['2025-05-01', '2025-05-03', '2025-05-04', '2027-05-01'].map(weekdayOf)).toEqual(['thursday', 'saturday', 'sunday', 'saturday']);
  });

  it('holds no class in May 2025 on 1, 12, 13, 29 and 30 May, nor on a weekend', () => {
    const notTeaching = daysIn({ from: '2025-05-01', to: '2025-05-31' }).filter((day) => !isTeachingDay(day, weekdays));
    const weekends = ['03', '04', '10', '11', '17', '18', '24', '25', '31'].map((day) => `2025-05-${day}`);
    expect(notTeaching).toEqual([...weekends, ...['01', '12', '13', '29', '30'].map((day) => `2025-05-${day}`)].sort());
  });

  it('moves to the next teaching day over a weekend and a holiday', () => {
    expect(teachingDayOnOrAfter('2025-05-02', weekdays)).toBe('2025-05-02');
    expect(nextTeachingDay('2025-05-09', weekdays)).toBe('2025-05-14');
    expect(teachingDayOnOrAfter('2027-05-01', weekdays)).toBe('2027-05-03');
  });

  it('spans the teaching days a class needs', () => {
    expect(teachingDaysFrom('2025-05-08', 5, weekdays)).toEqual(['2025-05-08', '2025-05-09', '2025-05-14', '2025-05-15', '2025-05-16']);
    expect(teachingDaysFrom('2027-04-30', 5, weekdays)).toEqual(['2027-04-30', '2027-05-03', '2027-05-04', '2027-05-05', '2027-05-07']);
    expect(teachingDaysFrom('2027-05-01', 1, weekdays)).toEqual(['2027-05-03']);
  });

  it("follows a programme's own teaching weekdays", () => {
    const saturdays: TeachingCalendar = { teachingWeekdays: ['saturday'], daysOff: weekdays.daysOff };
    expect(teachingDaysFrom('2025-05-01', 3, saturdays)).toEqual(['2025-05-03', '2025-05-10', '2025-05-17']);
    expect(() => teachingDayOnOrAfter('2025-05-01', { teachingWeekdays: [], daysOff: new Set() })).toThrow(/at least one teaching weekday/);
  });
});
