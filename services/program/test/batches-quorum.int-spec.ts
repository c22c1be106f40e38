import { randomUUID } from 'node:crypto';
import { addDays, BatchCancelled, BatchFillChanged, batchFillChangedEvent, BatchSummaryView, BatchView } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { BatchesHarness, instructorAssigned, today, venue, venueReserved } from './batches-harness';

/**
 * Enrollment's fill counts (BatchFillChanged) and the confirm-by deadline: the classes here start in
 * two days, so their confirm-by day (seven days before the start) is already behind us.
 */
describe('program: class fill and the under-quorum cancellation (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  const solo = venue('BBPVP-SKA', '33', [20, 20, 20, 20, 20]);

  const getBatch = async (batchId: string) => (await harness.request<BatchView>('GET', `/batches/${batchId}`)).body;
  const plan = async (programmeId: string) => {
    const response = await harness.request<BatchView>('POST', `/programmes/${programmeId}/batches`, {
      venueCode: solo.venueCode,
      startDate: addDays(today(), 2),
    });
    expect(response.status).toBe(201);
    await harness.waitForEvent(response.body.id, 'BatchPlanned');
    return response.body;
  };
  const planConfirmed = async (programmeId: string) => {
    const batch = await plan(programmeId);
    await harness.publish(venueReserved(batch.id, solo.venueCode), instructorAssigned(batch.id));
    await harness.waitForEvent(batch.id, 'BatchConfirmed');
    return batch;
  };
  const fill = (batchId: string, programmeId: string, counts: { selected: number; confirmed: number; reserved: number }) =>
    batchFillChangedEvent.with(batchId, {
      batchId,
      programmeId,
      seats: 16,
      reserves: 2,
      ...counts,
      minimumQuorum: 10,
      quorumMet: counts.confirmed >= 10,
    } satisfies BatchFillChanged);
  const waitForNote = (batchId: string, text: string) =>
    waitFor(`a history line "${text}" for batch ${batchId}`, async () => (await getBatch(batchId)).history.find((line) => line.note.includes(text)));

  beforeAll(async () => {
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: '600000' });
    await harness.registerVenues([solo]);
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it('cancels a confirmed class under quorum once its confirm-by day has passed (BatchCancelled under-quorum)', async () => {
    const programmeId = await harness.insertProgramme();
    const batch = await planConfirmed(programmeId);
    expect(batch.confirmBy).toBe(addDays(today(), -5));
    // No fill yet: absent counts are not taken for zero, so the class stays confirmed.
    expect((await getBatch(batch.id)).status).toBe('confirmed');

    await harness.publish(fill(batch.id, programmeId, { selected: 14, confirmed: 7, reserved: 2 }));

    const detail = `7 of 16 seats confirmed by ${batch.confirmBy}; quorum 10`;
    const cancelled = await harness.waitForEvent<BatchCancelled>(batch.id, 'BatchCancelled');
    expect(cancelled.data).toEqual({ batchId: batch.id, programmeId, reason: 'under-quorum', detail });
    const view = await getBatch(batch.id);
    expect(view).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'under-quorum',
      cancellationDetail: detail,
      quorumCheckedOn: today(),
      fill: { selected: 14, confirmed: 7, reserved: 2, quorumMet: false, at: expect.any(String) },
    });
    expect(view.history.slice(-2).map((line) => [line.trigger, line.applied])).toEqual([
      ['BatchFillChanged', true],
      ['timer: confirm-by passed', true],
    ]);
    expect(harness.eventsFor(batch.id).map((envelope) => envelope.type)).toEqual(['BatchPlanned', 'BatchConfirmed', 'BatchCancelled']);
  });

  it('leaves a class meeting its quorum confirmed and never evaluates it twice; the summary counts confirmed participants', async () => {
    const programmeId = await harness.insertProgramme();
    const batch = await planConfirmed(programmeId);
    await harness.publish(fill(batch.id, programmeId, { selected: 16, confirmed: 11, reserved: 2 }));
    await waitForNote(batch.id, `quorum met: 11 of 16 seats confirmed by ${batch.confirmBy}; quorum 10`);
    expect(await getBatch(batch.id)).toMatchObject({ status: 'confirmed', quorumCheckedOn: today() });

    // Participants withdraw after the deadline: the lower count is recorded, the class is not evaluated again.
    await harness.publish(fill(batch.id, programmeId, { selected: 16, confirmed: 4, reserved: 0 }));
    await waitForNote(batch.id, 'quorum already evaluated');
    // A class under quorum cancelled afterwards proves a timer pass ran after the lower count was recorded.
    const sentinel = await planConfirmed(programmeId);
    await harness.publish(fill(sentinel.id, programmeId, { selected: 3, confirmed: 3, reserved: 0 }));
    await harness.waitForEvent(sentinel.id, 'BatchCancelled');

    expect(await getBatch(batch.id)).toMatchObject({ status: 'confirmed', fill: { confirmed: 4, reserved: 0, quorumMet: false } });
    expect(harness.eventsFor(batch.id, 'BatchCancelled')).toEqual([]);
    const summary = await harness.request<BatchSummaryView>(
      'GET',
      `/programmes/${programmeId}/batch-summary`,
    );
    expect(summary.body).toMatchObject({ confirmedParticipants: 4, counts: { confirmed: 1, cancelled: 1 } });
  });

  it('records a fill for a class that is not confirmed, keeps the latest by event time, and ignores unknown classes', async () => {
    const programmeId = await harness.insertProgramme();
    const batch = await plan(programmeId);
    await harness.publish(fill(randomUUID(), programmeId, { selected: 1, confirmed: 1, reserved: 0 }));
    const [latest] = await harness.publish(fill(batch.id, programmeId, { selected: 12, confirmed: 9, reserved: 1 }));
    await waitForNote(batch.id, '(recorded for a planned batch)');

    // Enrollment republishes an older count (a new event id, an earlier time): it does not replace the latest.
    const older = new Date(Date.parse(latest.time) - 60_000).toISOString();
    await harness.republish([{ ...latest, id: randomUUID(), time: older, data: { ...(latest.data as BatchFillChanged), confirmed: 2 } }]);
    await waitForNote(batch.id, 'older fill than the one recorded');

    const view = await getBatch(batch.id);
    expect(view).toMatchObject({ status: 'planned', quorumCheckedOn: null, fill: { selected: 12, confirmed: 9, reserved: 1, at: latest.time } });
    expect(harness.eventsFor(batch.id).map((envelope) => envelope.type)).toEqual(['BatchPlanned']);
  });
});
