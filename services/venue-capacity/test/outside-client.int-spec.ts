import { TOPICS, venueUpsertedEvent } from '@sinergi/contracts';
import { buildEnvelope, OutsideClient } from '@sinergi/testing';
import { VenueCapacityHarness } from './support';

/** Kemnaker's system as an outsider: the Java Kafka client, its own principal, the published schemas. */
const onSecuredBroker = OutsideClient.available('kemnaker') ? describe : describe.skip;

/** (skipped unless the tests run on the secured local broker) */
onSecuredBroker('the Kemnaker venue feed, from a Java client signed in as kemnaker (real Kafka, real PostgreSQL)', () => {
  let harness: VenueCapacityHarness;
  let kemnaker: OutsideClient;

  beforeAll(async () => {
    harness = await VenueCapacityHarness.start();
    kemnaker = await OutsideClient.connect('kemnaker', harness.prefix);
  });

  afterAll(async () => {
    await kemnaker?.close();
    await harness?.destroy();
  });

  it('answers a good and a bad venue record, every answer valid against the published schemas', async () => {
    const good = {
      venueCode: 'BBPVP-SERANG',
      name: 'BBPVP Serang',
      kind: 'BBPVP',
      provinceCode: '36',
      city: 'Serang',
      rooms: [{ roomCode: 'LAB-1', name: 'Lab Wirausaha', seats: 24 }],
      closedDays: [],
    };
    const bad = { ...good, venueCode: 'BPVP-KENDARI', kind: 'UPT' };
    const envelopes = [venueUpsertedEvent.with(good.venueCode, good), venueUpsertedEvent.with(bad.venueCode, bad)].map((event) =>
      buildEnvelope(event, '/kemnaker/sivenue'),
    );
    await kemnaker.produce(TOPICS.kemnakerVenues.name, envelopes);

    // The results are keyed by venue code, so the two arrive on their own partitions in either order.
    const results = await kemnaker.consume(TOPICS.kemnakerVenueResults.name, 2);
    const byRef = new Map(results.map((result) => [(result.data as { recordRef: string }).recordRef, result]));
    expect(byRef.get('BBPVP-SERANG')?.type).toBe('VenueRecordAccepted');
    expect(byRef.get('BPVP-KENDARI')).toMatchObject({
      type: 'VenueRecordRejected',
      data: { problems: [expect.objectContaining({ field: expect.stringContaining('kind') })] },
    });
  });
});
