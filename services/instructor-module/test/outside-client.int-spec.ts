import { instructorUpsertedEvent, TOPICS, trainingModuleUpsertedEvent } from '@sinergi/contracts';
import { buildEnvelope, OutsideClient } from '@sinergi/testing';
import { InstructorModuleHarness } from './support';

/** KemenUMKM's roster system as an outsider: the Java Kafka client, its own principal, the published schemas. */
const onSecuredBroker = OutsideClient.available('kemenumkm') ? describe : describe.skip;

/** (skipped unless the tests run on the secured local broker) */
onSecuredBroker('the KemenUMKM roster feed, from a Java client signed in as kemenumkm (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;
  let kemenumkm: OutsideClient;

  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
    kemenumkm = await OutsideClient.connect('kemenumkm', harness.prefix);
  });

  afterAll(async () => {
    await kemenumkm?.close();
    await harness?.destroy();
  });

  it('answers a module, a good and a bad instructor record, every answer valid against the published schemas', async () => {
    const instructor = {
      externalRef: 'KUMKM-0101',
      fullName: 'Budi Santoso',
      phone: '6281298765432',
      homeProvinceCode: '73',
      competencies: ['KWU-OUTSIDE'],
      maxClassesPerPeriod: 3,
      unavailableDays: [],
      active: true,
    };
    const events = [
      trainingModuleUpsertedEvent.with('KWU-OUTSIDE', { moduleCode: 'KWU-OUTSIDE', title: 'Pemasaran Digital UMKM', hours: 16, ownerPartyCode: 'KEMENUMKM', version: 1 }),
      instructorUpsertedEvent.with(instructor.externalRef, instructor),
      instructorUpsertedEvent.with('KUMKM-0102', { ...instructor, externalRef: 'KUMKM-0102', homeProvinceCode: '99' }),
    ];
    await kemenumkm.produce(TOPICS.kemenumkmRoster.name, events.map((event) => buildEnvelope(event, '/kemenumkm/roster')));

    const results = await kemenumkm.consume(TOPICS.kemenumkmRosterResults.name, 3);
    const byRef = new Map(results.map((result) => [(result.data as { recordRef: string }).recordRef, result]));
    expect(byRef.get('KWU-OUTSIDE')?.type).toBe('RosterRecordAccepted');
    expect(byRef.get('KUMKM-0101')?.type).toBe('RosterRecordAccepted');
    expect(byRef.get('KUMKM-0102')).toMatchObject({
      type: 'RosterRecordRejected',
      data: { problems: [expect.objectContaining({ field: expect.stringContaining('homeProvinceCode') })] },
    });
    expect(JSON.stringify(results)).not.toContain(instructor.phone);
  });
});
