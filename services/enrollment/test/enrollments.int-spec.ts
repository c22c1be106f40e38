import { randomUUID } from 'node:crypto';
import {
  BatchFillChanged,
  EnrollmentRejected,
  EnrollmentSubmitted,
  EnrollmentView,
  MASKED_NIK_PATTERN,
  ParticipantSelected,
  Problem,
  programmeAmendedEvent,
  ProgrammeLaunched,
  SeatDecision,
} from '@sinergi/contracts';
import { problemLines, waitFor } from '@sinergi/testing';
import { batchConfirmed, daysFromNow, EnrollmentHarness, participantBody, programmeLaunched } from './support';

type ErrorBody = Problem;

describe('enrollment enrollments (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  let programme: ProgrammeLaunched;
  const batch = () => batchConfirmed(programme);
  let bandung: ReturnType<typeof batch>;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
    programme = programmeLaunched();
    bandung = batch();
    await harness.launch(programme, bandung);
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await harness.registerChecked(participantBody(overrides))).id;
  }

  it('keeps its own view of programmes and classes from ProgrammeLaunched, ProgrammeAmended and BatchConfirmed', async () => {
    const [stored] = await harness.query<Record<string, unknown>>(
      'SELECT programme_id, province_code, start_date::text, confirm_by::text, seats, reserves, minimum_quorum, selected FROM batches WHERE id = $1',
      [bandung.batchId],
    );
    expect(stored).toEqual({
      programme_id: programme.programmeId,
      province_code: '32',
      start_date: bandung.startDate,
      confirm_by: bandung.confirmBy,
      seats: 16,
      reserves: 2,
      minimum_quorum: 12,
      selected: 0,
    });
    await harness.publish(
      programmeAmendedEvent.with(programme.programmeId, {
        programmeId: programme.programmeId,
        targetParticipants: 7500,
        participantCeiling: 10000,
        reason: 'demand',
      }),
    );
    await waitFor('the amended target', async () => {
      const [row] = await harness.query<{ target_participants: number }>('SELECT target_participants FROM programmes WHERE id = $1', [programme.programmeId]);
      return row.target_participants === 7500;
    });
    expect((await harness.request('GET', `/batches/${bandung.batchId}/fill`)).body).toEqual({
      batchId: bandung.batchId,
      programmeId: programme.programmeId,
      seats: 16,
      reserves: 2,
      selected: 0,
      confirmed: 0,
      reserved: 0,
      minimumQuorum: 12,
      quorumMet: false,
    });
  });

  it('publishes an empty fill as soon as a class is confirmed, so a class nobody joins is known', async () => {
    const [fill] = await harness.waitForEvents<BatchFillChanged>('BatchFillChanged', (data) => data.batchId === bandung.batchId);
    expect(fill.data).toMatchObject({ batchId: bandung.batchId, selected: 0, confirmed: 0, reserved: 0, quorumMet: false });
  });

  it('selects an eligible participant, with a masked NIK only in EnrollmentSubmitted', async () => {
    const body = participantBody();
    const participant = { body: await harness.registerChecked(body) };
    const enrolled = await harness.enroll<EnrollmentView>({ participantId: participant.body.id, programmeId: programme.programmeId });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ status: 'selected', batchId: bandung.batchId, confirmBy: bandung.confirmBy });

    const [submitted] = await harness.waitForEvents<EnrollmentSubmitted>('EnrollmentSubmitted', (data) => data.enrollmentId === enrolled.body.id);
    expect(submitted.data).toMatchObject({ participantId: participant.body.id, channel: 'self-service', provinceCode: '32' });
    expect(submitted.data.maskedNik).toMatch(new RegExp(MASKED_NIK_PATTERN));
    const [selected] = await harness.waitForEvents<ParticipantSelected>('ParticipantSelected', (data) => data.enrollmentId === enrolled.body.id);
    expect(selected.data).toEqual({
      enrollmentId: enrolled.body.id,
      participantId: participant.body.id,
      programmeId: programme.programmeId,
      batchId: bandung.batchId,
      confirmBy: bandung.confirmBy,
    });
    const nik = body.nik as string;
    const published = harness.eventsOfType('EnrollmentSubmitted').concat(harness.eventsOfType('ParticipantSelected'), harness.eventsOfType('BatchFillChanged'));
    expect(JSON.stringify(published)).not.toContain(nik);
  });

  it('rejects an ineligible participant with EnrollmentRejected naming each field and rule', async () => {
    const participantId = await registered({ business: { scale: 'medium', sector: 'manufaktur' }, provinceCode: '33' });
    const enrolled = await harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId });
    const reasons = [
      { field: 'business.scale', rule: 'medium businesses are not a priority segment of this programme (micro, small)' },
      { field: 'provinceCode', rule: 'the programme has no confirmed class in province 33' },
    ];
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ status: 'rejected', batchId: null, reasons });
    const [rejected] = await harness.waitForEvents<EnrollmentRejected>('EnrollmentRejected', (data) => data.enrollmentId === enrolled.body.id);
    expect(rejected.data).toEqual({ enrollmentId: enrolled.body.id, programmeId: programme.programmeId, participantId, reasons });
    expect((await harness.request<EnrollmentView>('GET', `/enrollments/${enrolled.body.id}`)).body).toEqual(enrolled.body);
  });

  it('rejects a participant too young on the class start', async () => {
    const young = participantBody({ birthDate: daysFromNow(-17 * 365) });
    const [year, month, day] = (young.birthDate as string).split('-');
    young.nik = `${(young.nik as string).slice(0, 6)}${day}${month}${year.slice(2)}${(young.nik as string).slice(12)}`;
    const participant = { body: await harness.registerChecked(young) };
    const enrolled = await harness.enroll<EnrollmentView>({ participantId: participant.body.id, programmeId: programme.programmeId });
    expect(enrolled.body.status).toBe('rejected');
    expect(enrolled.body.reasons).toEqual([{ field: 'birthDate', rule: expect.stringMatching(/^age on \S+ \(the class start\) is 17; it must be between 18 and 64$/) }]);
  });

  it('gives the first answer again for the same Idempotency-Key, and refuses the key for another request', async () => {
    const participantId = await registered();
    const key = randomUUID();
    const first = await harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId }, key);
    const again = await harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId }, key);
    expect(again).toEqual(first);
    const [row] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM enrollments WHERE participant_id = $1', [participantId]);
    expect(row.count).toBe(1);

    const other = await harness.enroll<ErrorBody>({ participantId: await registered(), programmeId: programme.programmeId }, key);
    expect(other.status).toBe(422);
    expect(problemLines(other.body)).toEqual(['Idempotency-Key: this key was already used for a different request']);
  });

  it('replays an error answer too, and needs the header', async () => {
    const key = randomUUID();
    const unknown = { participantId: randomUUID(), programmeId: programme.programmeId };
    const first = await harness.enroll<ErrorBody>(unknown, key);
    expect(first.status).toBe(404);
    expect(problemLines(first.body)).toEqual([`participantId: no participant with id ${unknown.participantId}`]);
    expect(await harness.enroll(unknown, key)).toEqual(first);

    const missing = await harness.request<ErrorBody>('POST', '/enrollments', unknown);
    expect(missing.status).toBe(400);
    expect(problemLines(missing.body)).toEqual([expect.stringMatching(/^Idempotency-Key: the header is required/)]);
  });

  it('allows one active enrollment per participant and programme', async () => {
    const participantId = await registered();
    const first = await harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId });
    expect(first.body.status).toBe('selected');
    const second = await harness.enroll<ErrorBody>({ participantId, programmeId: programme.programmeId });
    expect(second.status).toBe(409);
    expect(problemLines(second.body)).toEqual([
      `participantId: the participant already has an active enrollment in this programme (${first.body.id}, selected); one active enrollment per programme`,
    ]);
  });

  it('confirms a selected seat: SeatConfirmed and the fill counts it', async () => {
    const participantId = await registered();
    const enrolled = await harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId, batchId: bandung.batchId });
    const confirmed = await harness.request<EnrollmentView>('POST', `/enrollments/${enrolled.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const [event] = await harness.waitForEvents<SeatDecision>('SeatConfirmed', (data) => data.enrollmentId === enrolled.body.id);
    expect(event.data).toEqual({ enrollmentId: enrolled.body.id, participantId, programmeId: programme.programmeId, batchId: bandung.batchId });
    const fill = await harness.request<BatchFillChanged>('GET', `/batches/${bandung.batchId}/fill`);
    expect(fill.body.confirmed).toBe(1);
    await harness.waitForEvents<BatchFillChanged>('BatchFillChanged', (data) => data.batchId === bandung.batchId && data.confirmed === 1);

    expect((await harness.request<EnrollmentView>('POST', `/enrollments/${enrolled.body.id}/confirm`)).body.status).toBe('confirmed');
    expect(harness.eventsOfType<SeatDecision>('SeatConfirmed').filter((e) => e.data.enrollmentId === enrolled.body.id)).toHaveLength(1);
  });

  it('refuses to confirm after the confirm-by day, or an enrollment that holds no seat', async () => {
    const late = batchConfirmed(programme, { provinceCode: '51', confirmBy: daysFromNow(-1) });
    await harness.launch(programme, late);
    const enrolled = await harness.enroll<EnrollmentView>({ participantId: await registered({ provinceCode: '51' }), programmeId: programme.programmeId });
    expect(enrolled.body).toMatchObject({ status: 'selected', batchId: late.batchId });
    const refused = await harness.request<ErrorBody>('POST', `/enrollments/${enrolled.body.id}/confirm`);
    expect(refused.status).toBe(409);
    expect(problemLines(refused.body)).toEqual([`confirmBy: the seat had to be confirmed by ${late.confirmBy}`]);

    const rejected = await harness.enroll<EnrollmentView>({ participantId: await registered({ provinceCode: '52' }), programmeId: programme.programmeId });
    const notSelected = await harness.request<ErrorBody>('POST', `/enrollments/${rejected.body.id}/confirm`);
    expect(notSelected.status).toBe(409);
    expect(problemLines(notSelected.body)).toEqual(['status: the enrollment is rejected; only a selected enrollment can confirm its seat']);
  });
});
