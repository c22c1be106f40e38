import { readFileSync } from 'node:fs';
import { DEFAULT_TEACHING_WEEKDAYS, daysOffOf, SHIPPED_HOLIDAY_CALENDAR_FILE, WEEKDAYS } from '@sinergi/contracts';
import {
  backToBackSlots,
  BulkPlanInput,
  bulkWindowRefusal,
  ceilingRefusal,
  classRefusal,
  occupancyOf,
  PlannableInstructor,
  PlannableVenue,
  PlannedClass,
  planBulk,
  ProgrammeClassRules,
} from './batch-planner.rules';

/** A programme that teaches every day, in a calendar without holidays: the placement rules on their own. */
const programme: ProgrammeClassRules = {
  periodStart: '2025-05-01',
  periodEnd: '2025-05-31',
  participantCeiling: 10_000,
  classDays: 5,
  classSize: 16,
  teachingWeekdays: WEEKDAYS,
};
const holidays = new Set<string>();
const range = (planned: PlannedClass) => [planned.classDates[0], planned.classDates[planned.classDates.length - 1]];
const asOccupying = (planned: PlannedClass) => ({ venueCode: planned.venueCode, startDate: range(planned)[0], endDate: range(planned)[1] });

const venue = (venueCode: string, provinceCode: string, roomSeats: number[], closedDays: string[] = []): PlannableVenue => ({
  venueCode,
  provinceCode,
  rooms: roomSeats.map((seats) => ({ seats })),
  closedDays,
});

const MODULE = 'KWU-01';
const instructor = (instructorId: string, overrides: Partial<PlannableInstructor> = {}): PlannableInstructor => ({
  instructorId,
  homeProvinceCode: '32',
  competencies: [MODULE],
  maxClassesPerPeriod: 100,
  active: true,
  ...overrides,
});
/** More instructors than any room-planning test can use: rooms alone decide. */
const plenty = Array.from({ length: 60 }, (_, index) => instructor(`i-${String(index).padStart(2, '0')}`));
const staffed = (input: Omit<BulkPlanInput, 'moduleCode' | 'instructors' | 'bookings'>): BulkPlanInput => ({
  moduleCode: MODULE,
  instructors: plenty,
  bookings: [],
  ...input,
});
const overlaps = (a: PlannedClass, b: PlannedClass) => range(a)[0] <= range(b)[1] && range(b)[0] <= range(a)[1];

describe('planBulk', () => {
  const venues = [venue('BBPVP-BDG', '32', [20, 20, 12]), venue('BBPVP-BKS', '32', [16]), venue('BBPVP-SMG', '33', [30, 30]), venue('BBPVP-MKS', '73', [18, 18, 18])];

  it('never puts more live classes on a venue-day than the venue has rooms large enough', () => {
    const occupying = [{ venueCode: 'BBPVP-BDG', startDate: '2025-05-05', endDate: '2025-05-09' }];
    const plan = planBulk(staffed({
      programme,
      holidays,
      count: 320,
      from: '2025-05-01',
      to: '2025-05-27',
      provinceCodes: ['32', '33', '73'],
      venues,
      occupying,
      liveSeats: 0,
    }));

    const occupancy = occupancyOf([...occupying, ...plan.classes.map(asOccupying)]);
    const usable: Record<string, number> = { 'BBPVP-BDG': 2, 'BBPVP-BKS': 1, 'BBPVP-SMG': 2, 'BBPVP-MKS': 3 };
    for (const [venueCode, days] of occupancy) {
      for (const [day, count] of days) expect({ venueCode, day, count: Math.min(count, usable[venueCode]) }).toEqual({ venueCode, day, count });
    }
    // 8 usable rooms fit at most six 5-day classes each from May 1 to 31; one room is partly held already.
    expect(plan.classes.length).toBeGreaterThanOrEqual(8 * 6 - 2);
    expect(plan.classes.length).toBeLessThan(8 * 6);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-capacity', count: 320 - plan.classes.length })]);
  });

  it('skips closed days: no class spans a day its venue is closed', () => {
    const closed = venue('BPVP-KDI', '74', [20], ['2025-05-03', '2025-05-13']);
    const plan = planBulk(staffed({
      programme,
      holidays,
      count: 10,
      from: '2025-05-01',
      to: '2025-05-27',
      provinceCodes: ['74'],
      venues: [closed],
      occupying: [],
      liveSeats: 0,
    }));

    // The back-to-back slots from 1 May: 1-5 and 11-15 span a closed day, 6-10, 16-20, 21-25 and 26-30 do not.
    expect(plan.classes.map(range)).toEqual([
      ['2025-05-06', '2025-05-10'],
      ['2025-05-16', '2025-05-20'],
      ['2025-05-21', '2025-05-25'],
      ['2025-05-26', '2025-05-30'],
    ]);
    expect(plan.classes.every((planned) => range(planned)[1] <= programme.periodEnd)).toBe(true);
  });

  it('spreads classes across the provinces in turn, and across venues inside a province', () => {
    const plan = planBulk(staffed({
      programme,
      holidays,
      count: 6,
      from: '2025-05-01',
      to: '2025-05-27',
      provinceCodes: ['32', '33', '73'],
      venues,
      occupying: [],
      liveSeats: 0,
    }));

    expect(plan.classes.map((planned) => planned.venueCode)).toEqual([
      'BBPVP-BDG',
      'BBPVP-SMG',
      'BBPVP-MKS',
      'BBPVP-BKS',
      'BBPVP-SMG',
      'BBPVP-MKS',
    ]);
    // Each class takes the slot with the fewest classes of the plan so far: spread over the window, not packed at its start.
    expect(plan.classes.map((planned) => planned.classDates[0])).toEqual(['2025-05-01', '2025-05-06', '2025-05-11', '2025-05-16', '2025-05-21', '2025-05-26']);
    expect(plan.unplaced).toEqual([]);
  });

  it('plans no more classes than the participant ceiling allows, and says so', () => {
    const plan = planBulk(staffed({
      programme: { ...programme, participantCeiling: 100 },
      holidays,
      count: 10,
      from: '2025-05-01',
      to: '2025-05-27',
      provinceCodes: ['32', '33', '73'],
      venues,
      occupying: [],
      liveSeats: 40,
    }));

    expect(plan.classes).toHaveLength(3);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'participant-ceiling', count: 7 })]);
  });

  it('ignores venues without a room that seats a whole class, and provinces it was not asked for', () => {
    const plan = planBulk(staffed({
      programme,
      holidays,
      count: 2,
      from: '2025-05-01',
      to: '2025-05-01',
      provinceCodes: ['32'],
      venues: [venue('SMALL', '32', [15, 10]), venue('BBPVP-SMG', '33', [30])],
      occupying: [],
      liveSeats: 0,
    }));

    expect(plan.classes).toEqual([]);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-capacity', count: 2 })]);
  });
});

describe('planBulk with instructors', () => {
  // Two provinces, two venues of two rooms each: four rooms, six back-to-back 5-day slots in May.
  const venues = [venue('BLK-A', '32', [20, 20]), venue('BLK-B', '33', [20, 20])];
  const window = { programme, holidays, from: '2025-05-01', to: '2025-05-26', provinceCodes: ['32', '33'], venues, occupying: [], liveSeats: 0 };

  it('plans as many classes as there are free instructors at a time, never one instructor on two overlapping classes', () => {
    // Rooms alone would put four classes in each slot; two instructors can teach only two at a time.
    const plan = planBulk({ ...window, moduleCode: MODULE, count: 12, instructors: [instructor('a'), instructor('b', { homeProvinceCode: '33' })], bookings: [] });

    expect(plan.classes).toHaveLength(12);
    expect(plan.unplaced).toEqual([]);
    for (const [index, planned] of plan.classes.entries()) {
      expect(planned.proposedInstructorId).toMatch(/^[ab]$/);
      const clashes = plan.classes.filter((other, at) => at !== index && other.proposedInstructorId === planned.proposedInstructorId && overlaps(planned, other));
      expect(clashes).toEqual([]);
    }
  });

  it('prefers an instructor of the class province', () => {
    const plan = planBulk({ ...window, moduleCode: MODULE, count: 2, instructors: [instructor('a'), instructor('b', { homeProvinceCode: '33' })], bookings: [] });
    expect(plan.classes.map((planned) => [planned.provinceCode, planned.proposedInstructorId])).toEqual([
      ['32', 'a'],
      ['33', 'b'],
    ]);
  });

  it('keeps each instructor below their limit of classes for the month a class starts in', () => {
    const plan = planBulk({ ...window, moduleCode: MODULE, count: 6, instructors: [instructor('a', { maxClassesPerPeriod: 2 })], bookings: [] });

    expect(plan.classes).toHaveLength(2);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-instructor', count: 4, reason: expect.stringMatching(/^no instructor free: of the 1 active/) })]);
  });

  it('counts what instructors already teach, and leaves out the inactive and those not competent in the module', () => {
    const plan = planBulk({
      ...window,
      moduleCode: MODULE,
      count: 6,
      instructors: [instructor('a'), instructor('b', { active: false }), instructor('c', { competencies: ['OTHER'] })],
      bookings: [{ instructorId: 'a', startDate: '2025-04-28', endDate: '2025-05-12' }],
    });

    // 'a' is free from 13 May: the slots from 16, 21 and 26 May (11-15 starts before 13 May).
    expect(plan.classes.map((planned) => [planned.proposedInstructorId, planned.classDates[0]])).toEqual([
      ['a', '2025-05-16'],
      ['a', '2025-05-21'],
      ['a', '2025-05-26'],
    ]);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-instructor', count: 3 })]);
  });

  it('says no instructor is free when nobody is competent, and no capacity when the rooms are gone', () => {
    const nobody = planBulk({ ...window, moduleCode: MODULE, count: 3, instructors: [instructor('c', { competencies: ['OTHER'] })], bookings: [] });
    expect(nobody.classes).toEqual([]);
    expect(nobody.unplaced).toEqual([expect.objectContaining({ rule: 'no-instructor', count: 3, reason: expect.stringMatching(/of the 0 active instructors competent in module KWU-01/) })]);

    const roomsGone = planBulk({ ...window, moduleCode: MODULE, count: 30, instructors: plenty, bookings: [] });
    expect(roomsGone.classes).toHaveLength(24);
    expect(roomsGone.unplaced).toEqual([expect.objectContaining({ rule: 'no-capacity', count: 6 })]);
  });

  it('cuts the window into back-to-back slots from its first start', () => {
    const starts = [['01', '02'], ['02', '03'], ['03', '04'], ['04', '05'], ['05', '06']];
    expect(backToBackSlots(starts)).toEqual([['01', '02'], ['03', '04'], ['05', '06']]);
  });
});

describe('single-class rules', () => {
  const bandung = venue('BBPVP-BDG', '32', [20], ['2025-05-12']);
  const check = (startDate: string, known = true) =>
    classRefusal({ programme, holidays, venue: known ? bandung : undefined, venueCode: 'BBPVP-BDG', startDate, today: '2025-04-20' })?.rule;

  it('accepts a class inside the period on open days', () => expect(check('2025-05-01')).toBeUndefined());
  it('refuses a start in the past', () => expect(check('2025-04-19')).toBe('start-in-past'));
  it('refuses a class that would end after the period', () => expect(check('2025-05-28')).toBe('outside-programme-period'));
  it('refuses an unknown venue', () => expect(check('2025-05-01', false)).toBe('venue-unknown'));
  it('refuses a class over a closed day', () => expect(check('2025-05-10')).toBe('venue-closed'));

  it('refuses seats past the participant ceiling, and allows exactly reaching it', () => {
    expect(ceilingRefusal({ ...programme, participantCeiling: 32 }, 16, 16)).toBeUndefined();
    expect(ceilingRefusal({ ...programme, participantCeiling: 32 }, 32, 16)?.rule).toBe('participant-ceiling');
  });

  it('refuses a bulk window outside the period', () => {
    expect(bulkWindowRefusal(programme, holidays, '2025-04-28', '2025-05-10', '2025-04-01')?.rule).toBe('outside-programme-period');
    expect(bulkWindowRefusal(programme, holidays, '2025-05-01', '2025-05-27', '2025-05-02')?.rule).toBe('start-in-past');
    expect(bulkWindowRefusal(programme, holidays, '2025-05-01', '2025-05-27', '2025-04-01')).toBeUndefined();
  });
});

describe('teaching days in May 2025 (Monday to Friday, SKB 3 Menteri holidays and cuti bersama)', () => {
  const mayHolidays = daysOffOf(JSON.parse(readFileSync(SHIPPED_HOLIDAY_CALENDAR_FILE, 'utf8')));
  const weekdays: ProgrammeClassRules = { ...programme, teachingWeekdays: DEFAULT_TEACHING_WEEKDAYS };
  const bandung = venue('BBPVP-BDG', '32', [20]);
  const check = (startDate: string) =>
    classRefusal({ programme: weekdays, holidays: mayHolidays, venue: bandung, venueCode: 'BBPVP-BDG', startDate, today: '2025-04-20' });

  it('refuses a class starting on a holiday, cuti bersama or weekend, naming the next teaching day', () => {
    expect(check('2025-05-01')).toEqual({
      rule: 'not-a-teaching-day',
      message: expect.stringMatching(/national holiday.*next teaching day is 2025-05-02/),
    });
    expect(check('2025-05-13')?.message).toMatch(/next teaching day is 2025-05-14/);
    expect(check('2025-05-03')?.message).toMatch(/a saturday, not one of the programme's teaching days .*next teaching day is 2025-05-05/);
    expect(check('2025-05-02')).toBeUndefined();
  });

  it('refuses a class whose teaching days run past the period', () => {
    // 26, 27, 28 May, then 2 and 3 June: 29 and 30 May are a holiday and cuti bersama.
    expect(check('2025-05-26')?.rule).toBe('outside-programme-period');
    expect(check('2025-05-22')).toBeUndefined();
  });

  it('bulk-plans classes only on teaching days, each spanning five of them', () => {
    const plan = planBulk(staffed({
      programme: weekdays,
      holidays: mayHolidays,
      count: 5,
      from: '2025-05-01',
      to: '2025-05-31',
      provinceCodes: ['32'],
      venues: [bandung],
      occupying: [],
      liveSeats: 0,
    }));

    expect(plan.classes.map((planned) => planned.classDates)).toEqual([
      ['2025-05-02', '2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08'],
      ['2025-05-09', '2025-05-14', '2025-05-15', '2025-05-16', '2025-05-19'],
      ['2025-05-20', '2025-05-21', '2025-05-22', '2025-05-23', '2025-05-26'],
    ]);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-capacity', count: 2 })]);
  });
});
