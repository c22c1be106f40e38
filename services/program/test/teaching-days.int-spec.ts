import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, BatchPlanned, BatchView, BulkPlanView, DEFAULT_TEACHING_WEEKDAYS, HolidayCalendar, Problem, weekdayOf } from '@sinergi/contracts';
import { BatchesHarness, instructors, today, venue } from './batches-harness';

/** The first Friday at least 60 days from today: far enough ahead for the planner, whatever day the test runs. */
function fridayAhead(): string {
  let day = addDays(today(), 60);
  while (weekdayOf(day) !== 'friday') day = addDays(day, 1);
  return day;
}

/**
 * Planning on teaching days, Monday to Friday, around holidays of a calendar written for the run (a Thursday in the
 * first week and one in the third), through HOLIDAY_CALENDAR_FILE as an operator would give it. The shipped
 * calendar's own days (May 2025 and the rest) are checked by the calendar's unit tests.
 */
describe('program: classes are held on teaching days only (real Kafka, real PostgreSQL)', () => {
  const friday = fridayAhead();
  const on = (days: number) => addDays(friday, days);
  const holidays = [on(6), on(20)];
  let harness: BatchesHarness;
  let programmeId: string;
  let calendarDirectory: string;
  const serang = venue('BBPVP-SRG', '36', [20]);

  const plan = (startDate: string) =>
    harness.request<BatchView & Pick<Problem, 'errors'>>('POST', `/programmes/${programmeId}/batches`, { venueCode: serang.venueCode, startDate });

  beforeAll(async () => {
    calendarDirectory = mkdtempSync(join(tmpdir(), 'sinergi-holidays-'));
    const calendarFile = join(calendarDirectory, 'holidays.json');
    const years = [...new Set(holidays.map((day) => Number(day.slice(0, 4))))].map((year) => ({
      year,
      status: 'provisional' as const,
      source: 'written by teaching-days.int-spec.ts',
      days: holidays.filter((day) => day.startsWith(`${year}-`)).map((date) => ({ date, kind: 'national-holiday' as const, name: 'Hari libur uji' })),
    }));
    const calendar: HolidayCalendar = { description: 'Holidays for one test run', years };
    writeFileSync(calendarFile, JSON.stringify(calendar));
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: '600000', HOLIDAY_CALENDAR_FILE: calendarFile });
    await harness.registerVenues([serang]);
    await harness.registerInstructors(instructors(2, '36'));
    programmeId = await harness.insertProgramme({ periodStart: on(-4), periodEnd: on(40), teachingWeekdays: DEFAULT_TEACHING_WEEKDAYS });
  });

  afterAll(async () => {
    await harness?.destroy();
    rmSync(calendarDirectory, { recursive: true, force: true });
  });

  it('refuses a class starting on a holiday, naming the next teaching day', async () => {
    const refused = await plan(on(6));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      { field: 'startDate', rule: 'not-a-teaching-day', message: `startDate ${on(6)} is a national holiday or cuti bersama; the next teaching day is ${on(7)}` },
    ]);
  });

  it('refuses a class starting on a Saturday, a day the programme does not teach', async () => {
    const refused = await plan(on(1));
    expect([refused.status, refused.body.errors?.[0]?.rule]).toEqual([409, 'not-a-teaching-day']);
    expect(refused.body.errors?.[0]?.message).toMatch(new RegExp(`a saturday, not one of the programme's teaching days .*the next teaching day is ${on(3)}$`));
  });

  it('spans a class from a Friday over the weekend and a holiday, and announces its teaching days', async () => {
    const planned = await plan(friday);
    expect(planned.status).toBe(201);
    const classDates = [on(0), on(3), on(4), on(5), on(7)];
    expect(planned.body).toMatchObject({ startDate: on(0), endDate: on(7), classDates });

    const event = await harness.waitForEvent<BatchPlanned>(planned.body.id, 'BatchPlanned');
    expect(event.data).toMatchObject({ startDate: on(0), endDate: on(7), classDates });
  });

  it('bulk-plans classes whose days skip weekends and holidays', async () => {
    const response = await harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, {
      count: 2,
      from: on(1),
      to: on(40),
      provinceCodes: ['36'],
    });
    expect(response.status).toBe(201);
    const classes = await Promise.all(response.body.batchIds.map(async (id) => (await harness.waitForEvent<BatchPlanned>(id, 'BatchPlanned')).data.classDates));
    // The window's back-to-back slots from its first teaching day, Monday on(3): on(3)..on(10) (on(6) is a holiday), then
    // on(11)..on(17), then on(18)..on(25) (on(20) is one). The class above holds the room until on(7): the first slot is taken.
    expect(classes).toEqual([
      [on(11), on(12), on(13), on(14), on(17)],
      [on(18), on(19), on(21), on(24), on(25)],
    ]);
  });
});
