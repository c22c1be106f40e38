import { randomUUID } from 'node:crypto';
import {
  addDays,
  BatchCancelled,
  batchCancelledEvent,
  BatchFillChanged,
  BatchRescheduled,
  batchRescheduledEvent,
  ClassChangeOffered,
  ClassChangeOfferView,
  EnrollmentView,
  ParticipantMoved,
  ParticipantReleased,
  Problem,
  ProgrammeLaunched,
  ReservePromoted,
  todayInWib,
} from '@sinergi/contracts';
import { problemLines, waitFor } from '@sinergi/testing';
import { OfferTimer } from '../src/moves/offer.timer';
import { batchConfirmed, EnrollmentHarness, programmeLaunched } from './support';

type ErrorBody = Problem;

const DAY_MS = 24 * 60 * 60 * 1000;

describe('enrollment when a class is cancelled or rescheduled (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  let programme: ProgrammeLaunched;
  const today = todayInWib();

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
    programme = programmeLaunched();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const enrolled = (batchId: string, provinceCode: string) => harness.enrolledIn(programme.programmeId, batchId, provinceCode);

  async function enrollment(id: string): Promise<EnrollmentView> {
    return (await harness.request<EnrollmentView>('GET', `/enrollments/${id}`)).body;
  }

  function cancel(batchId: string): ReturnType<EnrollmentHarness['publish']> {
    const data: BatchCancelled = {
      batchId,
      programmeId: programme.programmeId,
      reason: 'venue-withdrawn',
      detail: 'ruang kelas direnovasi',
    };
    return harness.publish(batchCancelledEvent.with(batchId, data));
  }

  it('offers the open classes of the province when a class is cancelled; a move takes a seat or a reserve place, no answer releases', async () => {
    const cancelled = batchConfirmed(programme, {
      provinceCode: '35',
      seats: 2,
      reserves: 1,
      minimumQuorum: 1,
      startDate: addDays(today, 20),
    });
    const target = batchConfirmed(programme, {
      provinceCode: '35',
      seats: 1,
      reserves: 1,
      minimumQuorum: 1,
      startDate: addDays(today, 30),
      venueCode: 'BPVP-BANYUWANGI',
    });
    const elsewhere = batchConfirmed(programme, { provinceCode: '36', seats: 5, reserves: 0, minimumQuorum: 1 });
    await harness.launch(programme, cancelled, target, elsewhere);
    const [confirmedSeat, selectedSeat, reserve] = [
      await enrolled(cancelled.batchId, '35'),
      await enrolled(cancelled.batchId, '35'),
      await enrolled(cancelled.batchId, '35'),
    ];
    expect([confirmedSeat.status, selectedSeat.status, reserve.status]).toEqual(['selected', 'selected', 'reserved']);
    expect((await harness.request('POST', `/enrollments/${confirmedSeat.id}/confirm`)).status).toBe(200);

    await cancel(cancelled.batchId);

    const respondBy = addDays(today, 3);
    const option = { batchId: target.batchId, startDate: target.startDate, endDate: target.endDate, venueCode: 'BPVP-BANYUWANGI' };
    for (const held of [confirmedSeat, selectedSeat, reserve]) {
      const [offered] = await harness.waitForEvents<ClassChangeOffered>('ClassChangeOffered', (data) => data.enrollmentId === held.id);
      expect(offered.data).toEqual({
        enrollmentId: held.id,
        participantId: held.participantId,
        programmeId: programme.programmeId,
        fromBatchId: cancelled.batchId,
        reason: 'cancelled',
        options: [option],
        respondBy,
      });
      expect(await enrollment(held.id)).toMatchObject({ status: 'awaiting-move', reserveRank: null });
      const open = await harness.request<ClassChangeOfferView>('GET', `/enrollments/${held.id}/offer`);
      expect([open.status, open.body]).toEqual([200, { enrollmentId: held.id, fromBatchId: cancelled.batchId, reason: 'cancelled', options: [option], respondBy, offeredAt: expect.any(String) }]);
    }
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === cancelled.batchId && data.selected === 0 && data.reserved === 0,
    );

    // The confirmed participant moves and stays confirmed; the next finds the one seat gone and gets the reserve place.
    const moved = await harness.request<EnrollmentView>('POST', `/enrollments/${confirmedSeat.id}/move`, { batchId: target.batchId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'confirmed', batchId: target.batchId });
    const [movedEvent] = await harness.waitForEvents<ParticipantMoved>(
      'ParticipantMoved',
      (data) => data.enrollmentId === confirmedSeat.id,
    );
    expect(movedEvent.data).toEqual({
      enrollmentId: confirmedSeat.id,
      participantId: confirmedSeat.participantId,
      programmeId: programme.programmeId,
      fromBatchId: cancelled.batchId,
      toBatchId: target.batchId,
      status: 'confirmed',
    });
    const answered = await harness.request<Problem>('GET', `/enrollments/${confirmedSeat.id}/offer`);
    expect([answered.status, answered.body.errors?.[0]?.rule]).toEqual([404, 'open-offer']);
    const again = await harness.request<EnrollmentView>('POST', `/enrollments/${confirmedSeat.id}/move`, { batchId: target.batchId });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'confirmed', batchId: target.batchId });

    const toReserve = await harness.request<EnrollmentView>('POST', `/enrollments/${selectedSeat.id}/move`, { batchId: target.batchId });
    expect(toReserve.body).toMatchObject({ status: 'reserved', reserveRank: 1, batchId: target.batchId });
    await harness.waitForEvents<ParticipantMoved>(
      'ParticipantMoved',
      (data) => data.enrollmentId === selectedSeat.id && data.status === 'reserved',
    );
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === target.batchId && data.selected === 1 && data.confirmed === 1 && data.reserved === 1,
    );
    expect((await harness.request<BatchFillChanged>('GET', `/batches/${target.batchId}/fill`)).body).toMatchObject({
      selected: 1,
      confirmed: 1,
      reserved: 1,
    });

    // A class that was not offered is refused, naming the field; the class now full too.
    const notOffered = await harness.request<ErrorBody>('POST', `/enrollments/${reserve.id}/move`, { batchId: elsewhere.batchId });
    expect(notOffered.status).toBe(400);
    expect(problemLines(notOffered.body)).toEqual([`batchId: must be one of the offered classes (${target.batchId})`]);
    const full = await harness.request<ErrorBody>('POST', `/enrollments/${reserve.id}/move`, { batchId: target.batchId });
    expect(full.status).toBe(409);
    expect(problemLines(full.body)).toEqual(['batchId: the class is full: all 1 seats and 1 reserve places are taken; choose another offered class']);

    // Past its respond-by day the timer releases the one who has not moved.
    await harness.service.app.get(OfferTimer).runOnce(new Date(Date.now() + 5 * DAY_MS));
    const [released] = await harness.waitForEvents<ParticipantReleased>('ParticipantReleased', (data) => data.enrollmentId === reserve.id);
    expect(released.data).toEqual({
      enrollmentId: reserve.id,
      participantId: reserve.participantId,
      programmeId: programme.programmeId,
      batchId: cancelled.batchId,
      reason: 'cancelled',
      cause: 'no-answer',
    });
    expect(await enrollment(reserve.id)).toMatchObject({ status: 'released' });
    expect((await harness.request<EnrollmentView>('POST', `/enrollments/${reserve.id}/release`)).body.status).toBe('released');
    expect(
      harness.eventsOfType<ParticipantReleased>('ParticipantReleased').filter((event) => event.data.enrollmentId === reserve.id),
    ).toHaveLength(1);
  });

  it('releases at once when no other class is open, and a redelivered or repeated BatchCancelled changes nothing', async () => {
    const only = batchConfirmed(programme, { provinceCode: '51', seats: 3, reserves: 0, minimumQuorum: 1 });
    await harness.launch(programme, only);
    const alone = await enrolled(only.batchId, '51');

    const [cancellation] = await cancel(only.batchId);
    const [released] = await harness.waitForEvents<ParticipantReleased>('ParticipantReleased', (data) => data.enrollmentId === alone.id);
    expect(released.data).toMatchObject({ batchId: only.batchId, reason: 'cancelled', cause: 'no-option' });
    expect(await enrollment(alone.id)).toMatchObject({ status: 'released' });

    // The same message again (the inbox drops it), then the same cancellation as a new message (the class is already cancelled).
    await harness.republish([cancellation]);
    const [repeat] = await cancel(only.batchId);
    await waitFor('the repeated cancellation to be handled', async () => {
      const [row] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [repeat.id]);
      return row.count === 1;
    });
    expect(await enrollment(alone.id)).toMatchObject({ status: 'released' });
    const [{ count }] = await harness.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM class_change_offers WHERE enrollment_id = $1',
      [alone.id],
    );
    expect(count).toBe(0);
    expect(
      harness.eventsOfType<ParticipantReleased>('ParticipantReleased').filter((event) => event.data.enrollmentId === alone.id),
    ).toHaveLength(1);
  });

  it('keeps a rescheduled class with its new dates; a participant who moves frees the seat for the first reserve', async () => {
    const rescheduled = batchConfirmed(programme, {
      provinceCode: '52',
      seats: 1,
      reserves: 1,
      minimumQuorum: 1,
      startDate: addDays(today, 20),
      endDate: addDays(today, 24),
      confirmBy: addDays(today, 13),
    });
    const other = batchConfirmed(programme, {
      provinceCode: '52',
      seats: 4,
      reserves: 0,
      minimumQuorum: 1,
      startDate: addDays(today, 40),
      endDate: addDays(today, 44),
    });
    await harness.launch(programme, rescheduled, other);
    const seated = await enrolled(rescheduled.batchId, '52');
    const waiting = await enrolled(rescheduled.batchId, '52');
    expect([seated.status, waiting.status]).toEqual(['selected', 'reserved']);

    const moveBy: BatchRescheduled = {
      batchId: rescheduled.batchId,
      programmeId: programme.programmeId,
      previousStartDate: rescheduled.startDate,
      previousEndDate: rescheduled.endDate,
      startDate: addDays(today, 27),
      endDate: addDays(today, 31),
      reason: 'instruktur berhalangan',
    };
    await harness.publish(batchRescheduledEvent.with(rescheduled.batchId, moveBy));

    const respondBy = addDays(today, 3);
    const [offered] = await harness.waitForEvents<ClassChangeOffered>('ClassChangeOffered', (data) => data.enrollmentId === seated.id);
    expect(offered.data).toMatchObject({
      fromBatchId: rescheduled.batchId,
      reason: 'rescheduled',
      options: [{ batchId: other.batchId, startDate: other.startDate, endDate: other.endDate, venueCode: other.venueCode }],
      respondBy,
    });
    await harness.waitForEvents<ClassChangeOffered>('ClassChangeOffered', (data) => data.enrollmentId === waiting.id);
    // Dates and the confirm-by day moved a week, with the seat's own confirm-by day; the participants keep their places.
    const [klass] = await harness.query<{ start_date: string; end_date: string; confirm_by: string }>(
      'SELECT start_date::text, end_date::text, confirm_by::text FROM batches WHERE id = $1',
      [rescheduled.batchId],
    );
    expect(klass).toEqual({ start_date: addDays(today, 27), end_date: addDays(today, 31), confirm_by: addDays(today, 20) });
    expect(await enrollment(seated.id)).toMatchObject({ status: 'selected', batchId: rescheduled.batchId, confirmBy: addDays(today, 20) });

    const moved = await harness.request<EnrollmentView>('POST', `/enrollments/${seated.id}/move`, { batchId: other.batchId });
    expect(moved.body).toMatchObject({ status: 'selected', batchId: other.batchId, confirmBy: other.confirmBy });
    const [movedEvent] = await harness.waitForEvents<ParticipantMoved>('ParticipantMoved', (data) => data.enrollmentId === seated.id);
    expect(movedEvent.data).toMatchObject({
      fromBatchId: rescheduled.batchId,
      toBatchId: other.batchId,
      status: 'selected',
      confirmBy: other.confirmBy,
    });
    await harness.waitForEvents<ReservePromoted>(
      'ReservePromoted',
      (data) => data.enrollmentId === waiting.id && data.batchId === rescheduled.batchId,
    );
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === rescheduled.batchId && data.selected === 1 && data.reserved === 0,
    );
    await harness.waitForEvents<BatchFillChanged>('BatchFillChanged', (data) => data.batchId === other.batchId && data.selected === 1);

    // The promoted reserve still has the offer: declining it releases them and frees the seat again.
    const declined = await harness.request<EnrollmentView>('POST', `/enrollments/${waiting.id}/release`);
    expect(declined.body.status).toBe('released');
    const [release] = await harness.waitForEvents<ParticipantReleased>('ParticipantReleased', (data) => data.enrollmentId === waiting.id);
    expect(release.data).toMatchObject({ batchId: rescheduled.batchId, reason: 'rescheduled', cause: 'declined' });
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === rescheduled.batchId && data.selected === 0,
    );
    const unknown = await harness.request<ErrorBody>('POST', `/enrollments/${randomUUID()}/release`);
    expect(unknown.status).toBe(404);
  });
});
