import { nominationBatchSubmittedEvent, TOPICS } from '@sinergi/contracts';
import { buildEnvelope, OutsideClient } from '@sinergi/testing';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

/** KemenUMKM's nomination system as an outsider: the Java Kafka client, its own principal, the published schemas. */
const onSecuredBroker = OutsideClient.available('kemenumkm') ? describe : describe.skip;

/** (skipped unless the tests run on the secured local broker) */
onSecuredBroker('KemenUMKM nominations, from a Java client signed in as kemenumkm (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  let kemenumkm: OutsideClient;
  const programme = programmeLaunched();

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
    await harness.launch(programme, batchConfirmed(programme, { seats: 20, reserves: 2 }));
    kemenumkm = await OutsideClient.connect('kemenumkm', harness.prefix);
  });

  afterAll(async () => {
    await kemenumkm?.close();
    await harness?.destroy();
  });

  it('answers every record of a batch, accepted or rejected, valid against the published schemas and without a NIK', async () => {
    const record = (recordRef: string, overrides: Record<string, unknown> = {}) => {
      const { nik, fullName, birthDate, gender, phone, email, provinceCode, business } = participantBody();
      return { recordRef, nik, fullName, birthDate, gender, phone, email, provinceCode, business, ...overrides };
    };
    const good = [record('R-1'), record('R-2')];
    const bad = record('R-3', { nik: '12345' });
    const institutionId = 'PLUT-JABAR-07';
    const batch = nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: programme.programmeId, records: [...good, bad] });
    await kemenumkm.produce(TOPICS.kemenumkmNominations.name, [buildEnvelope(batch, '/kemenumkm/sinergi')]);

    const results = await kemenumkm.consume(TOPICS.kemenumkmNominationResults.name, 3);
    expect(results.map((result) => [(result.data as { recordRef: string }).recordRef, result.type]).sort()).toEqual([
      ['R-1', 'NominationRecordAccepted'],
      ['R-2', 'NominationRecordAccepted'],
      ['R-3', 'NominationRecordRejected'],
    ]);
    const rejected = results.find((result) => result.type === 'NominationRecordRejected');
    expect(rejected?.data).toMatchObject({ problems: [expect.objectContaining({ field: expect.stringContaining('nik') })] });
    for (const { nik } of [...good, bad]) expect(JSON.stringify(results)).not.toContain(nik);
  });
});
