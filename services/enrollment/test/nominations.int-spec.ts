import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { nominationBatchSubmittedEvent, NominationRecordAccepted, NominationRecordRejected } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { ParticipantsService } from '../src/participants/participants.service';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

function record(ref: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { nik, fullName, birthDate, gender, phone, email, provinceCode, business } = participantBody();
  return { recordRef: ref, nik, fullName, birthDate, gender, phone, email, provinceCode, business, ...overrides };
}

describe('enrollment KemenUMKM nominations (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  const programme = programmeLaunched();

  beforeAll(async () => {
    // The handler heartbeats between chunks, so the tests' short session timeout holds even for a long message.
    harness = await EnrollmentHarness.start();
    await harness.launch(programme, batchConfirmed(programme, { seats: 200, reserves: 10 }));
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const resultsOf = (sourceEventId: string) => [
    ...harness.eventsOfType<NominationRecordAccepted>('NominationRecordAccepted').filter((e) => e.data.sourceEventId === sourceEventId),
    ...harness.eventsOfType<NominationRecordRejected>('NominationRecordRejected').filter((e) => e.data.sourceEventId === sourceEventId),
  ];

  it('enrolls good records with channel nomination, rejects bad ones by field and rule, and adds nothing on redelivery', async () => {
    const institutionId = 'PLUT-JABAR-01';
    const knownBody = participantBody();
    const known = await harness.registerChecked(knownBody);
    const good = record('R-1', { language: 'en', score: 80 });
    const bad = record('R-3', { nik: '12345', phone: '021555' });
    const ineligible = record('R-4', { birthDate: '1985-03-13' });
    const { nik: _nik, ...withoutNik } = record('R-5');
    const envelopes = await harness.publish(
      nominationBatchSubmittedEvent.with(institutionId, {
        institutionId,
        programmeId: programme.programmeId,
        records: [good, bad, ineligible, record('R-2', { nik: knownBody.nik }), withoutNik, record('R-1')],
      }),
    );
    const id = envelopes[0].id;
    await waitFor('5 results', () => resultsOf(id).length >= 5 && true);
    expect(resultsOf(id)).toHaveLength(5);
    const byRef = new Map(resultsOf(id).map((event) => [event.data.recordRef, event]));
    expect(byRef.get('R-1')?.type).toBe('NominationRecordRejected');
    expect((byRef.get('R-1')?.data as NominationRecordRejected).problems).toEqual([{ field: 'recordRef', rule: 'appears more than once in this message; each record needs its own' }]);
    expect((byRef.get('R-3')?.data as NominationRecordRejected).problems.map((p) => p.field)).toEqual(['nik', 'phone']);
    expect((byRef.get('R-4')?.data as NominationRecordRejected).problems).toEqual([
      { field: 'nik', rule: 'the birth date in the NIK (digits 7-12) does not match birthDate' },
    ]);
    expect((byRef.get('R-5')?.data as NominationRecordRejected).problems).toEqual([{ field: 'nik', rule: "must have required property 'nik'" }]);
    expect(byRef.get('R-2')?.data).toMatchObject({ participantId: known.id });
    expect(JSON.stringify(resultsOf(id))).not.toContain(good.nik as string);

    const second = await harness.publish(
      nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records: [good] }),
    );
    await waitFor('the second message result', () => resultsOf(second[0].id).length === 1 && true);
    const [accepted] = resultsOf(second[0].id) as Array<{ type: string; data: NominationRecordAccepted }>;
    expect(accepted.type).toBe('NominationRecordAccepted');
    const [enrollment] = await harness.query<{ channel: string; selection_score: number }>('SELECT channel, selection_score FROM enrollments WHERE id = $1', [
      accepted.data.enrollmentId,
    ]);
    expect(enrollment).toEqual({ channel: 'nomination', selection_score: 80 });
    await harness.waitForEvents('ParticipantSelected', (data: { enrollmentId: string }) => data.enrollmentId === accepted.data.enrollmentId);

    await harness.republish(second);
    const third = await harness.publish(
      nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records: [] }),
    );
    await waitFor('the message after the redelivery to be handled', async () => {
      const [row] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [third[0].id]);
      return row.count === 1;
    });
    expect(resultsOf(second[0].id)).toHaveLength(1);
    const [count] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM enrollments WHERE participant_id = $1', [accepted.data.participantId]);
    expect(count.count).toBe(1);
  });

  it('rejects every record of a message over 2,000 records, and accepts every good record of a long message (time reported)', async () => {
    const institutionId = `DINAS-${randomUUID().slice(0, 8)}`;
    const tooMany = Array.from({ length: 2001 }, (_, i) => ({ recordRef: `X-${i}` }));
    const [over] = await harness.publish(
      nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records: tooMany }),
    );
    await waitFor('2001 rejections', () => resultsOf(over.id).length === 2001 && true, { timeoutMs: 120_000 });
    expect(resultsOf(over.id).every((event) => event.type === 'NominationRecordRejected')).toBe(true);

    // 400 records: longer than the tests' 6 s session timeout, short enough for CI; the README gives the 2,000-record time.
    const records = Array.from({ length: 400 }, (_, i) => record(`N-${i}`));
    const started = Date.now();
    const [big] = await harness.publish(
      nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records }),
    );
    await waitFor('400 results', () => resultsOf(big.id).length === 400 && true, { timeoutMs: 120_000 });
    process.stdout.write(`400-record nomination message: all results published after ${Date.now() - started} ms (size ${JSON.stringify(big).length} bytes)\n`);
    expect(resultsOf(big.id).filter((event) => event.type === 'NominationRecordAccepted')).toHaveLength(400);
  }, 300_000);

  it('refuses a record naming no confirmed class on its own, leaving no participant behind, and enrolls NIKs two institutions nominate at once only once', async () => {
    // A programme of its own with seats for all: every first enrollment stays active (waiting or seated), whenever the identity checks answer.
    const roomy = programmeLaunched();
    await harness.launch(roomy, batchConfirmed(roomy, { seats: 100, reserves: 0 }));
    const [first, second] = [`PLUT-${randomUUID().slice(0, 8)}`, `DINAS-${randomUUID().slice(0, 8)}`];
    const records = Array.from({ length: 30 }, (_, i) => record(`S-${i}`));
    records[7] = record('S-7', { batchId: randomUUID() });
    const [one, other] = await harness.publish(
      nominationBatchSubmittedEvent.with(first, { institutionId: first, programmeId: roomy.programmeId, records }),
      nominationBatchSubmittedEvent.with(second, { institutionId: second, programmeId: roomy.programmeId, records }),
    );

    await waitFor('30 results of each message', () => resultsOf(one.id).length === 30 && resultsOf(other.id).length === 30, { timeoutMs: 120_000 });
    const rejectionOf = (ref: string, id: string) => resultsOf(id).find((event) => event.data.recordRef === ref && event.type === 'NominationRecordRejected')?.data as NominationRecordRejected;
    for (const id of [one.id, other.id]) expect(rejectionOf('S-7', id).problems).toEqual([{ field: 'batchId', rule: expect.stringContaining('no confirmed class') }]);
    const registered = await harness.service.app.get(ParticipantsService).findAllByNik(harness.service.app.get(DataSource).manager, records.map((item) => item.nik as string));
    expect(registered.size).toBe(29);
    expect(registered.has(records[7].nik as string)).toBe(false);
    const accepted = [...resultsOf(one.id), ...resultsOf(other.id)].filter((event) => event.type === 'NominationRecordAccepted') as Array<{ data: NominationRecordAccepted }>;
    expect(new Set(accepted.map((event) => event.data.participantId))).toEqual(new Set([...registered.values()].map((participant) => participant.id)));
    const refusedTwice = [...resultsOf(one.id), ...resultsOf(other.id)].filter(
      (event) => event.type === 'NominationRecordRejected' && event.data.recordRef !== 'S-7',
    ) as Array<{ data: NominationRecordRejected }>;
    expect(refusedTwice).toHaveLength(29);
    for (const event of refusedTwice) expect(event.data.problems).toEqual([{ field: 'participantId', rule: expect.stringContaining('one active enrollment per programme') }]);
  }, 180_000);

  it('rejects a record with a NUL, and one the database refuses, on their own; every other record of the message is answered', async () => {
    const institutionId = `PLUT-${randomUUID().slice(0, 8)}`;
    await harness.query(`
      CREATE FUNCTION refuse_participant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.full_name = 'Ditolak Basis Data' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`);
    await harness.query('CREATE TRIGGER refuse_participant BEFORE INSERT ON participants FOR EACH ROW EXECUTE FUNCTION refuse_participant()');
    try {
      const records = Array.from({ length: 120 }, (_, i) => record(`C-${i}`));
      records[59] = record('C-59', { fullName: 'Siti\u0000Aminah' });
      records[89] = record('C-89', { fullName: 'Ditolak Basis Data' });
      const [message] = await harness.publish(nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records }));

      await waitFor('120 results', () => resultsOf(message.id).length === 120 && true, { timeoutMs: 120_000 });
      const rejections = harness.eventsOfType<NominationRecordRejected>('NominationRecordRejected').filter((e) => e.data.sourceEventId === message.id);
      expect(rejections.map((event) => [event.data.recordRef, event.data.problems])).toEqual([
        ['C-59', [{ field: '/fullName', rule: 'no-control-characters' }]],
        ['C-89', [{ field: 'record', rule: 'the database refused the record (SQLSTATE 23514)' }]],
      ]);
      expect(resultsOf(message.id).filter((event) => event.type === 'NominationRecordAccepted')).toHaveLength(118);
      expect(await harness.query('SELECT outcome FROM inbox WHERE event_id = $1', [message.id])).toEqual([{ outcome: 'handled' }]);
      expect(JSON.stringify(rejections)).not.toContain(records[59].nik as string);
    } finally {
      await harness.query('DROP TRIGGER refuse_participant ON participants; DROP FUNCTION refuse_participant()');
    }
  }, 180_000);
});
