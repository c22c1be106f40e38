import { addDays, BatchListItemView, BatchPlanningFailed } from '@sinergi/contracts';
import { BatchesHarness, instructorAssigned, today, venue, venueReserved } from './batches-harness';

const REPLY_TIMEOUT_MS = 3_000;

/** The durable timer: a planned class nobody fully answers fails with `timeout`, also across a restart. */
describe('program: the batch saga timer (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  let programmeId: string;
  const serang = venue('BBPVP-SRG', '36', [20, 20]);

  const planOk = async () => {
    const response = await harness.request<BatchListItemView>('POST', `/programmes/${programmeId}/batches`, {
      venueCode: serang.venueCode,
      startDate: addDays(today(), 7),
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const statusOf = async (batchId: string) =>
    (await harness.dataSource.query('SELECT status, failed_step FROM batches WHERE id = $1', [batchId]))[0] as { status: string; failed_step: string };

  beforeAll(async () => {
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: String(REPLY_TIMEOUT_MS) });
    await harness.registerVenues([serang]);
    programmeId = await harness.insertProgramme();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it('fails a class with no complete answer by its deadline, and a late reply changes nothing', async () => {
    const plannedAt = Date.now();
    const batchId = await planOk();
    await harness.publish(venueReserved(batchId, serang.venueCode));

    const failed = await harness.waitForEvent<BatchPlanningFailed>(batchId, 'BatchPlanningFailed');
    expect(Date.now() - plannedAt).toBeGreaterThanOrEqual(REPLY_TIMEOUT_MS);
    expect(failed.data).toEqual({
      batchId,
      programmeId,
      failedStep: 'timeout',
      reason: 'no complete answer in time: venue reserved, instructor did not answer',
    });

    await harness.publish(instructorAssigned(batchId));
    await harness.waitForHistory(batchId, 4);
    expect(await statusOf(batchId)).toEqual({ status: 'failed', failed_step: 'timeout' });
    expect(harness.eventsFor(batchId).map((envelope) => envelope.type)).toEqual(['BatchPlanned', 'BatchPlanningFailed']);
  });

  it('keeps the deadline across a restart: the timer of the restarted service fails the class once', async () => {
    const batchId = await planOk();
    await harness.waitForEvent(batchId, 'BatchPlanned');
    expect(await statusOf(batchId)).toEqual({ status: 'planned', failed_step: null });
    let stoppedAt = 0;
    await harness.restart(async () => {
      stoppedAt = Date.now();
    });

    const failed = await harness.waitForEvent<BatchPlanningFailed>(batchId, 'BatchPlanningFailed');
    expect(failed.data.failedStep).toBe('timeout');
    expect(await statusOf(batchId)).toEqual({ status: 'failed', failed_step: 'timeout' });
    expect(harness.eventsFor(batchId, 'BatchPlanningFailed')).toHaveLength(1);
    const [timedOut] = await harness.dataSource.query(`SELECT at FROM batch_transitions WHERE batch_id = $1 AND trigger = 'timer: reply deadline'`, [batchId]);
    expect((timedOut.at as Date).getTime()).toBeGreaterThan(stoppedAt);
  });
});
