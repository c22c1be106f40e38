import { BatchPlanned, BatchView, BulkPlanView, DEFAULT_TEACHING_WEEKDAYS, Problem, SHIPPED_HOLIDAY_CALENDAR_FILE } from '@sinergi/contracts';
import { BatchesHarness, venue } from './batches-harness';

/**
 * Planning on teaching days with the shipped holiday calendar: Monday to Friday, no national holiday or cuti bersama.
 * Around Labour Day 2027 (Saturday 1 May) and Ascension Day (Thursday 6 May), so it runs until 30 April 2027.
 */
describe('program: classes are held on teaching days only (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  let programmeId: string;
  const serang = venue('BBPVP-SRG', '36', [20]);

  const plan = (startDate: string) =>
    harness.request<BatchView & Pick<Problem, 'errors'>>('POST', `/programmes/${programmeId}/batches`, { venueCode: serang.venueCode, startDate });

  beforeAll(async () => {
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: '600000', HOLIDAY_CALENDAR_FILE: SHIPPED_HOLIDAY_CALENDAR_FILE });
    await harness.registerVenues([serang]);
    programmeId = await harness.insertProgramme({ periodStart: '2027-04-26', periodEnd: '2027-05-31', teachingWeekdays: DEFAULT_TEACHING_WEEKDAYS });
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it('refuses a class starting on Labour Day, a Saturday, naming the next teaching day', async () => {
    const refused = await plan('2027-05-01');
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      { field: 'startDate', rule: 'not-a-teaching-day', message: 'startDate 2027-05-01 is a national holiday or cuti bersama; the next teaching day is 2027-05-03' },
    ]);
  });

  it('spans a class from Friday 30 April over the weekend and Ascension Day, and announces its teaching days', async () => {
    const planned = await plan('2027-04-30');
    expect(planned.status).toBe(201);
    const classDates = ['2027-04-30', '2027-05-03', '2027-05-04', '2027-05-05', '2027-05-07'];
    expect(planned.body).toMatchObject({ startDate: '2027-04-30', endDate: '2027-05-07', classDates });

    const event = await harness.waitForEvent<BatchPlanned>(planned.body.id, 'BatchPlanned');
    expect(event.data).toMatchObject({ startDate: '2027-04-30', endDate: '2027-05-07', classDates });
  });

  it('bulk-plans classes whose days skip weekends and holidays', async () => {
    const response = await harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, {
      count: 2,
      from: '2027-05-01',
      to: '2027-05-31',
      provinceCodes: ['36'],
    });
    expect(response.status).toBe(201);
    const classes = await Promise.all(response.body.batchIds.map(async (id) => (await harness.waitForEvent<BatchPlanned>(id, 'BatchPlanned')).data.classDates));
    // The room is held from 30 April to 7 May by the class above, so the first starts on Monday 10 May.
    expect(classes).toEqual([
      ['2027-05-10', '2027-05-11', '2027-05-12', '2027-05-13', '2027-05-14'],
      ['2027-05-17', '2027-05-18', '2027-05-19', '2027-05-21', '2027-05-24'],
    ]);
  });
});
