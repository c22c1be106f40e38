import { bulkWindowRefusal, ceilingRefusal, classRefusal, occupancyOf, PlannableVenue, planBulk, ProgrammeClassRules } from './batch-planner.rules';

const programme: ProgrammeClassRules = { periodStart: '2025-05-01', periodEnd: '2025-05-31', participantCeiling: 10_000, classDays: 5, classSize: 16 };

const venue = (venueCode: string, provinceCode: string, roomSeats: number[], closedDays: string[] = []): PlannableVenue => ({
  venueCode,
  provinceCode,
  rooms: roomSeats.map((seats) => ({ seats })),
  closedDays,
});

describe('planBulk', () => {
  const venues = [venue('BBPVP-BDG', '32', [20, 20, 12]), venue('BBPVP-BKS', '32', [16]), venue('BBPVP-SMG', '33', [30, 30]), venue('BBPVP-MKS', '73', [18, 18, 18])];

  it('never puts more live classes on a venue-day than the venue has rooms large enough', () => {
    const occupying = [{ venueCode: 'BBPVP-BDG', startDate: '2025-05-05', endDate: '2025-05-09' }];
    const plan = planBulk({ programme, count: 320, from: '2025-05-01', to: '2025-05-27', provinceCodes: ['32', '33', '73'], venues, occupying, liveSeats: 0 });

    const occupancy = occupancyOf([...occupying, ...plan.classes]);
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
    const plan = planBulk({ programme, count: 10, from: '2025-05-01', to: '2025-05-27', provinceCodes: ['74'], venues: [closed], occupying: [], liveSeats: 0 });

    expect(plan.classes.map((planned) => [planned.startDate, planned.endDate])).toEqual([
      ['2025-05-04', '2025-05-08'],
      ['2025-05-14', '2025-05-18'],
      ['2025-05-19', '2025-05-23'],
      ['2025-05-24', '2025-05-28'],
    ]);
    expect(plan.classes.every((planned) => planned.endDate <= programme.periodEnd)).toBe(true);
  });

  it('spreads classes across the provinces in turn, and across venues inside a province', () => {
    const plan = planBulk({ programme, count: 6, from: '2025-05-01', to: '2025-05-27', provinceCodes: ['32', '33', '73'], venues, occupying: [], liveSeats: 0 });

    expect(plan.classes.map((planned) => planned.venueCode)).toEqual(['BBPVP-BDG', 'BBPVP-SMG', 'BBPVP-MKS', 'BBPVP-BKS', 'BBPVP-SMG', 'BBPVP-MKS']);
    expect(plan.classes.every((planned) => planned.startDate === '2025-05-01')).toBe(true);
    expect(plan.unplaced).toEqual([]);
  });

  it('plans no more classes than the participant ceiling allows, and says so', () => {
    const plan = planBulk({
      programme: { ...programme, participantCeiling: 100 },
      count: 10,
      from: '2025-05-01',
      to: '2025-05-27',
      provinceCodes: ['32', '33', '73'],
      venues,
      occupying: [],
      liveSeats: 40,
    });

    expect(plan.classes).toHaveLength(3);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'participant-ceiling', count: 7 })]);
  });

  it('ignores venues without a room that seats a whole class, and provinces it was not asked for', () => {
    const plan = planBulk({
      programme,
      count: 2,
      from: '2025-05-01',
      to: '2025-05-01',
      provinceCodes: ['32'],
      venues: [venue('SMALL', '32', [15, 10]), venue('BBPVP-SMG', '33', [30])],
      occupying: [],
      liveSeats: 0,
    });

    expect(plan.classes).toEqual([]);
    expect(plan.unplaced).toEqual([expect.objectContaining({ rule: 'no-capacity', count: 2 })]);
  });
});

describe('single-class rules', () => {
  const bandung = venue('BBPVP-BDG', '32', [20], ['2025-05-12']);
  const check = (startDate: string, known = true) =>
    classRefusal({ programme, venue: known ? bandung : undefined, venueCode: 'BBPVP-BDG', startDate, today: '2025-04-20' })?.rule;

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
    expect(bulkWindowRefusal(programme, '2025-04-28', '2025-05-10', '2025-04-01')?.rule).toBe('outside-programme-period');
    expect(bulkWindowRefusal(programme, '2025-05-01', '2025-05-27', '2025-05-02')?.rule).toBe('start-in-past');
    expect(bulkWindowRefusal(programme, '2025-05-01', '2025-05-27', '2025-04-01')).toBeUndefined();
  });
});
