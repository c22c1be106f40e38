import { BatchFillChanged, EnrollmentView, ParticipantReserved, ParticipantView } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

const APPLICANTS = 180;

describe('enrollment under 10x oversubscription (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it(`gives a class of 16 seats + 2 reserves to exactly 16 + 2 of ${APPLICANTS} concurrent applicants`, async () => {
    const programme = programmeLaunched();
    const klass = batchConfirmed(programme, { seats: 16, reserves: 2, minimumQuorum: 12 });
    await harness.launch(programme, klass);
    const participantIds: string[] = [];
    for (let i = 0; i < APPLICANTS; i += 1) {
      const created = await harness.request<ParticipantView>('POST', '/participants', participantBody());
      expect(created.status).toBe(201);
      participantIds.push(created.body.id);
    }
    for (const participantId of participantIds) expect((await harness.identityChecked(participantId)).identityStatus).toBe('verified');

    const answers = await Promise.all(
      participantIds.map((participantId) => harness.enroll<EnrollmentView>({ participantId, programmeId: programme.programmeId })),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const byStatus = (status: string) => answers.filter((answer) => answer.body.status === status);
    expect(byStatus('selected')).toHaveLength(16);
    expect(byStatus('reserved').map((answer) => answer.body.reserveRank).sort()).toEqual([1, 2]);
    expect(byStatus('not-selected')).toHaveLength(APPLICANTS - 18);
    expect(byStatus('not-selected')[0].body.notSelectedReason).toBe('the class is full: all 16 seats and 2 reserve places are taken');

    const [counts] = await harness.query<{ selected: number; reserved: number }>(
      `SELECT count(*) FILTER (WHERE status = 'selected')::int AS selected, count(*) FILTER (WHERE status = 'reserved')::int AS reserved
         FROM enrollments WHERE batch_id = $1`,
      [klass.batchId],
    );
    expect(counts).toEqual({ selected: 16, reserved: 2 });

    await harness.waitForEvents('ParticipantSelected', () => true, 16);
    await harness.waitForEvents('ParticipantNotSelected', () => true, APPLICANTS - 18);
    const reserved = await harness.waitForEvents<ParticipantReserved>('ParticipantReserved', () => true, 2);
    expect(reserved.map((event) => event.data.rank).sort()).toEqual([1, 2]);
    const finalFill = await waitFor('the last BatchFillChanged', () => {
      const fills = harness.eventsOfType<BatchFillChanged>('BatchFillChanged').filter((event) => event.data.batchId === klass.batchId);
      // The empty fill published when the class was confirmed, then one per seat or reserve place given.
      return fills.length === 1 + 18 && fills[fills.length - 1].data;
    });
    expect(finalFill).toEqual({
      batchId: klass.batchId,
      programmeId: programme.programmeId,
      seats: 16,
      reserves: 2,
      selected: 16,
      confirmed: 0,
      reserved: 2,
      minimumQuorum: 12,
      quorumMet: false,
    });
    expect((await harness.request<BatchFillChanged>('GET', `/batches/${klass.batchId}/fill`)).body).toEqual(finalFill);
    expect((await harness.request('GET', `/programmes/${programme.programmeId}/fill`)).body).toEqual({
      programmeId: programme.programmeId,
      targetParticipants: programme.targetParticipants,
      participantCeiling: programme.participantCeiling,
      classes: 1,
      classesUnderQuorum: 1,
      seats: 16,
      selected: 16,
      confirmed: 0,
      reserved: 2,
      targetFillRate: 0,
      enrollmentsByStatus: { 'not-selected': APPLICANTS - 18, reserved: 2, selected: 16 },
    });
  });
});
