import { randomUUID } from 'node:crypto';
import { addDays, BatchFillChanged, EnrollmentView, ParticipantReserved, Problem, ProgrammeLaunched, todayInWib, TOPICS } from '@sinergi/contracts';
import { problemLines, waitFor } from '@sinergi/testing';
import { ConfirmByTimer } from '../src/enrollments/confirm-by.timer';
import { EnrollmentWithdrawn, ReservePromoted, SeatExpired } from '@sinergi/contracts';
import { batchConfirmed, daysFromNow, EnrollmentHarness, participantBody, programmeLaunched } from './support';

type ErrorBody = Problem;

describe('enrollment confirm-by expiry, withdrawal and reserve promotion (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  let programme: ProgrammeLaunched;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
    programme = programmeLaunched();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const enrolled = (batchId: string, provinceCode: string) => harness.enrolledIn(programme.programmeId, batchId, provinceCode);

  function ranks(batchId: string): Promise<Array<{ id: string; reserve_rank: number }>> {
    return harness.query('SELECT id, reserve_rank FROM enrollments WHERE batch_id = $1 AND status = $2 ORDER BY reserve_rank', [batchId, 'reserved']);
  }

  function eventsAbout<T>(enrollmentId: string, type: string): T[] {
    return harness
      .eventsAbout<T>(TOPICS.enrollments, enrollmentId)
      .filter((envelope) => envelope.type === type)
      .map((envelope) => envelope.data);
  }

  it('expires a seat not confirmed by the confirm-by day and promotes reserve 1, with a new confirm-by day and closed-up ranks', async () => {
    // The class's confirm-by day was yesterday: the timer acts as soon as it runs. It is held while the seat and
    // reserve places are taken, so that the first participant gets the seat and the others the reserve places.
    const late = batchConfirmed(programme, { provinceCode: '33', seats: 1, reserves: 3, minimumQuorum: 1, confirmBy: daysFromNow(-1) });
    await harness.service.app.get(ConfirmByTimer).beforeApplicationShutdown();
    await harness.launch(programme, late);
    const seat = await enrolled(late.batchId, '33');
    const [first, second, third] = [await enrolled(late.batchId, '33'), await enrolled(late.batchId, '33'), await enrolled(late.batchId, '33')];
    expect([seat.status, first.reserveRank, second.reserveRank, third.reserveRank]).toEqual(['selected', 1, 2, 3]);

    await harness.restart(); // a fresh timer, on the same database: the deadline is durable

    const [expired] = await harness.waitForEvents<SeatExpired>('SeatExpired', (data) => data.enrollmentId === seat.id);
    expect(expired.data).toEqual({ enrollmentId: seat.id, participantId: seat.participantId, programmeId: programme.programmeId, batchId: late.batchId });
    const confirmBy = addDays(todayInWib(), 2);
    const [promoted] = await harness.waitForEvents<ReservePromoted>('ReservePromoted', (data) => data.enrollmentId === first.id);
    expect(promoted.data).toEqual({ enrollmentId: first.id, participantId: first.participantId, programmeId: programme.programmeId, batchId: late.batchId, confirmBy });
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === late.batchId && data.selected === 1 && data.reserved === 2 && data.confirmed === 0,
    );

    expect(await ranks(late.batchId)).toEqual([
      { id: second.id, reserve_rank: 1 },
      { id: third.id, reserve_rank: 2 },
    ]);
    // Each reserve behind hears its new rank (its own key, so its own order: the old rank first).
    await harness.waitForEvents<ParticipantReserved>('ParticipantReserved', (data) => data.enrollmentId === second.id && data.rank === 1);
    await harness.waitForEvents<ParticipantReserved>('ParticipantReserved', (data) => data.enrollmentId === third.id && data.rank === 2);
    expect(eventsAbout<ParticipantReserved>(second.id, 'ParticipantReserved').map((data) => data.rank)).toEqual([2, 1]);
    expect(eventsAbout<ParticipantReserved>(third.id, 'ParticipantReserved').map((data) => data.rank)).toEqual([3, 2]);
    expect((await harness.request<EnrollmentView>('GET', `/enrollments/${seat.id}`)).body.status).toBe('expired');
    expect((await harness.request<EnrollmentView>('GET', `/enrollments/${first.id}`)).body).toMatchObject({ status: 'selected', reserveRank: null, confirmBy });
    const fill = await harness.request<BatchFillChanged>('GET', `/batches/${late.batchId}/fill`);
    expect(fill.body).toMatchObject({ seats: 1, selected: 1, confirmed: 0, reserved: 2 });

    const tooLate = await harness.request<ErrorBody>('POST', `/enrollments/${seat.id}/confirm`);
    expect(tooLate.status).toBe(409);
    expect(problemLines(tooLate.body)).toEqual([`confirmBy: the seat had to be confirmed by ${late.confirmBy}`]);
    // The promoted reserve has until its own confirm-by day, and confirms.
    expect((await harness.request<EnrollmentView>('POST', `/enrollments/${first.id}/confirm`)).body.status).toBe('confirmed');
    await harness.waitForEvents<BatchFillChanged>('BatchFillChanged', (data) => data.batchId === late.batchId && data.confirmed === 1);
  });

  it('withdraws a reserve (the list closes up) and a confirmed seat (the first reserve is promoted)', async () => {
    const klass = batchConfirmed(programme, { provinceCode: '34', seats: 2, reserves: 2, minimumQuorum: 1, confirmBy: daysFromNow(10) });
    await harness.launch(programme, klass);
    const [a, b, c, d] = [
      await enrolled(klass.batchId, '34'),
      await enrolled(klass.batchId, '34'),
      await enrolled(klass.batchId, '34'),
      await enrolled(klass.batchId, '34'),
    ];
    expect([a.status, b.status, c.reserveRank, d.reserveRank]).toEqual(['selected', 'selected', 1, 2]);
    expect((await harness.request<EnrollmentView>('POST', `/enrollments/${b.id}/confirm`)).status).toBe(200);

    // A reserve withdraws: no one is promoted, the one behind moves up.
    const reserveLeaves = await harness.request<EnrollmentView>('POST', `/enrollments/${c.id}/withdraw`, { reason: 'sudah mendapat pelatihan lain' });
    expect(reserveLeaves.status).toBe(200);
    expect(reserveLeaves.body).toMatchObject({ status: 'withdrawn', reserveRank: null, withdrawalReason: 'sudah mendapat pelatihan lain' });
    const [cWithdrawn] = await harness.waitForEvents<EnrollmentWithdrawn>('EnrollmentWithdrawn', (data) => data.enrollmentId === c.id);
    expect(cWithdrawn.data).toEqual({
      enrollmentId: c.id,
      participantId: c.participantId,
      programmeId: programme.programmeId,
      batchId: klass.batchId,
      reason: 'sudah mendapat pelatihan lain',
    });
    await harness.waitForEvents<ParticipantReserved>('ParticipantReserved', (data) => data.enrollmentId === d.id && data.rank === 1);
    expect(await ranks(klass.batchId)).toEqual([{ id: d.id, reserve_rank: 1 }]);
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === klass.batchId && data.selected === 2 && data.confirmed === 1 && data.reserved === 1,
    );

    // A confirmed participant withdraws: the seat goes to the first reserve, who confirms by the class's day (later than today + 2).
    const seatLeaves = await harness.request<EnrollmentView>('POST', `/enrollments/${b.id}/withdraw`, { reason: 'usaha sedang ramai' });
    expect(seatLeaves.body.status).toBe('withdrawn');
    await harness.waitForEvents<EnrollmentWithdrawn>('EnrollmentWithdrawn', (data) => data.enrollmentId === b.id && data.reason === 'usaha sedang ramai');
    const [promoted] = await harness.waitForEvents<ReservePromoted>('ReservePromoted', (data) => data.enrollmentId === d.id);
    expect(promoted.data).toEqual({
      enrollmentId: d.id,
      participantId: d.participantId,
      programmeId: programme.programmeId,
      batchId: klass.batchId,
      confirmBy: klass.confirmBy,
    });
    await harness.waitForEvents<BatchFillChanged>(
      'BatchFillChanged',
      (data) => data.batchId === klass.batchId && data.selected === 2 && data.confirmed === 0 && data.reserved === 0,
    );
    expect(await ranks(klass.batchId)).toEqual([]);
    expect((await harness.request<BatchFillChanged>('GET', `/batches/${klass.batchId}/fill`)).body).toMatchObject({ selected: 2, confirmed: 0, reserved: 0 });
    expect((await harness.request<EnrollmentView>('GET', `/enrollments/${d.id}`)).body).toMatchObject({ status: 'selected', confirmBy: klass.confirmBy });

    // Withdrawing again changes nothing; a withdrawn participant may enroll again.
    expect((await harness.request<EnrollmentView>('POST', `/enrollments/${b.id}/withdraw`, { reason: 'lagi' })).body.status).toBe('withdrawn');
    const again = await harness.enroll<EnrollmentView>({ participantId: b.participantId, programmeId: programme.programmeId, batchId: klass.batchId });
    expect(again.body).toMatchObject({ status: 'reserved', reserveRank: 1 });
    await waitFor('the fill after the new reserve', async () => {
      const fill = await harness.request<BatchFillChanged>('GET', `/batches/${klass.batchId}/fill`);
      return fill.body.reserved === 1;
    });
    expect(harness.eventsOfType<EnrollmentWithdrawn>('EnrollmentWithdrawn').filter((e) => e.data.enrollmentId === b.id)).toHaveLength(1);
  });

  it('refuses to withdraw an enrollment that holds no place, and needs a reason', async () => {
    const participant = await harness.registerChecked(participantBody({ provinceCode: '35' }));
    const rejected = await harness.enroll<EnrollmentView>({ participantId: participant.id, programmeId: programme.programmeId });
    expect(rejected.body.status).toBe('rejected');
    const refused = await harness.request<ErrorBody>('POST', `/enrollments/${rejected.body.id}/withdraw`, { reason: 'tidak jadi' });
    expect(refused.status).toBe(409);
    expect(problemLines(refused.body)).toEqual(['status: the enrollment is rejected; only a pending-identity, registered, selected, confirmed or reserve enrollment can be withdrawn']);

    const noReason = await harness.request<ErrorBody>('POST', `/enrollments/${rejected.body.id}/withdraw`, {});
    expect(noReason.status).toBe(400);
    expect(problemLines(noReason.body)).toContain('reason: must be 1-500 characters');
    expect((await harness.request<ErrorBody>('POST', `/enrollments/${randomUUID()}/withdraw`, { reason: 'x' })).status).toBe(404);
  });
});
