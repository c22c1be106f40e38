import { EnrollmentRejected, EnrollmentView, ParticipantView } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

/** A NIK with serial 9999, which the stub registry does not match. */
function unmatched(): Record<string, unknown> {
  const body = participantBody();
  return { ...body, nik: `${(body.nik as string).slice(0, 12)}9999` };
}

describe('enrollment identity check (real Kafka, real PostgreSQL)', () => {
  describe('with a slow registry', () => {
    let harness: EnrollmentHarness;
    const programme = programmeLaunched();
    const klass = batchConfirmed(programme);

    beforeAll(async () => {
      harness = await EnrollmentHarness.start({ IDENTITY_CHECK_STUB_LATENCY_MS: '1500' });
      await harness.launch(programme, klass);
    });

    afterAll(async () => {
      await harness?.destroy();
    });

    it('answers at once while the check is pending, and the enrollment waits, then proceeds to a seat', async () => {
      const participant = await harness.request<ParticipantView>('POST', '/participants', participantBody());
      expect(participant.body.identityStatus).toBe('pending');
      const enrolled = await harness.enroll<EnrollmentView>({ participantId: participant.body.id, programmeId: programme.programmeId });
      expect(enrolled.body.status).toBe('pending-identity');
      // Answered while the registry is still busy with this participant: nothing waits for it.
      const [job] = await harness.query<{ leased: boolean }>('SELECT leased_until IS NOT NULL AS leased FROM identity_checks WHERE participant_id = $1', [
        participant.body.id,
      ]);
      expect(job).toBeDefined();
      await harness.waitForEvents('EnrollmentAccepted', (data: { enrollmentId: string }) => data.enrollmentId === enrolled.body.id);
      await harness.waitForEvents('ParticipantSelected', (data: { enrollmentId: string }) => data.enrollmentId === enrolled.body.id);
      expect((await harness.request<EnrollmentView>('GET', `/enrollments/${enrolled.body.id}`)).body.status).toBe('selected');
      expect((await harness.request<ParticipantView>('GET', `/participants/${participant.body.id}`)).body.identityStatus).toBe('verified');
    });

    it('rejects the waiting enrollment when the registry does not match, naming the nik rule', async () => {
      const participant = await harness.request<ParticipantView>('POST', '/participants', unmatched());
      const enrolled = await harness.enroll<EnrollmentView>({ participantId: participant.body.id, programmeId: programme.programmeId });
      expect(enrolled.body.status).toBe('pending-identity');
      const [rejected] = await harness.waitForEvents<EnrollmentRejected>('EnrollmentRejected', (data) => data.enrollmentId === enrolled.body.id);
      expect(rejected.data.reasons).toEqual([{ field: 'nik', rule: 'the civil registry (Dukcapil) did not match this NIK with the name, birth date and gender given' }]);
      expect((await harness.request<ParticipantView>('GET', `/participants/${participant.body.id}`)).body.identityStatus).toBe('no-match');
      const again = await harness.enroll<EnrollmentView>({ participantId: participant.body.id, programmeId: programme.programmeId });
      expect(again.body).toMatchObject({ status: 'rejected', reasons: rejected.data.reasons });
    });
  });

  describe('with a registry that is down at first', () => {
    let harness: EnrollmentHarness;

    beforeAll(async () => {
      harness = await EnrollmentHarness.start({ IDENTITY_CHECK_STUB_UNAVAILABLE_FIRST_CALLS: '2', IDENTITY_CHECK_RETRY_BASE_MS: '300' });
    });

    afterAll(async () => {
      await harness?.destroy();
    });

    it('retries with backoff, keeps the job across a restart, and then matches', async () => {
      const participant = await harness.request<ParticipantView>('POST', '/participants', participantBody());
      await waitFor('a first unavailable answer', async () => {
        const [job] = await harness.query<{ attempts: number; last_error: string | null }>('SELECT attempts, last_error FROM identity_checks WHERE participant_id = $1', [
          participant.body.id,
        ]);
        return job?.attempts >= 1 && job.last_error !== null;
      });
      // A new process: the stub is down again for its first 2 calls, and the job is still there.
      await harness.restart();
      const checked = await harness.identityChecked(participant.body.id);
      expect(checked.identityStatus).toBe('verified');
      expect(await harness.query('SELECT 1 FROM identity_checks WHERE participant_id = $1', [participant.body.id])).toEqual([]);
    });
  });
});
