import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, Problem, RecordAccepted, RecordRejected, TOPICS, VenueState, venueUpsertedEvent, Page } from '@sinergi/contracts';
import { buildEnvelope, testKafka, waitFor } from '@sinergi/testing';
import { venueBody, VenueCapacityHarness } from './support';

describe('venue-capacity catalogue: venues over HTTP and from Kemnaker (real Kafka, real PostgreSQL)', () => {
  let harness: VenueCapacityHarness;

  beforeAll(async () => {
    harness = await VenueCapacityHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it('registers a venue and publishes its full state as VenueRegistered', async () => {
    const body = venueBody({ closedDays: ['2025-05-29', '2025-05-12'] });
    const created = await harness.request<VenueState>('POST', '/venues', body);
    expect(created.status).toBe(201);

    const [event] = await harness.waitForEvents<VenueState>('VenueRegistered', (data) => data.venueCode === body.venueCode);
    expect(event.subject).toBe(body.venueCode);
    expect(event.data).toEqual({ ...body, closedDays: ['2025-05-12', '2025-05-29'] });
    expect((await harness.request<VenueState>('GET', `/venues/${body.venueCode}`)).body).toEqual(event.data);
    expect((await harness.request<Page<VenueState>>('GET', '/venues?provinceCode=36')).body.items.map((venue) => venue.venueCode)).toContain(body.venueCode);
    expect((await harness.request<Page<VenueState>>('GET', '/venues?provinceCode=51')).body.items.map((venue) => venue.venueCode)).not.toContain(body.venueCode);
  });

  it('updates a venue with PUT and publishes VenueUpdated; 404 for an unknown one, 409 for a code taken', async () => {
    const { venueCode, ...details } = venueBody();
    expect((await harness.request('POST', '/venues', { venueCode, ...details })).status).toBe(201);
    expect((await harness.request('POST', '/venues', { venueCode, ...details })).status).toBe(409);

    const changed = { ...details, city: 'Cilegon', rooms: [{ roomCode: 'R9', name: 'Aula', seats: 60 }] };
    const updated = await harness.request<VenueState>('PUT', `/venues/${venueCode}`, changed);
    expect(updated.status).toBe(200);
    const [event] = await harness.waitForEvents<VenueState>('VenueUpdated', (data) => data.venueCode === venueCode);
    expect(event.data).toMatchObject({ city: 'Cilegon', rooms: [{ roomCode: 'R9', name: 'Aula', seats: 60 }] });

    expect((await harness.request('PUT', '/venues/NOPE', changed)).status).toBe(404);
    expect((await harness.request('GET', '/venues/NOPE')).status).toBe(404);
  });

  it('rejects bad input naming each field and rule', async () => {
    const response = await harness.request<Problem>(
      'POST',
      '/venues',
      venueBody({
        venueCode: 'blk serang',
        kind: 'LPK',
        provinceCode: '99',
        rooms: [
          { roomCode: 'R1', name: 'Kelas 1', seats: 0 },
          { roomCode: 'R1', name: 'Kelas 2', seats: 20 },
        ],
        closedDays: ['12/05/2025'],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'venueCode', rule: 'matches', message: 'venueCode must be 1-40 upper-case letters, digits, _ . or -, e.g. BBPVP-SERANG' },
        { field: 'kind', rule: 'isIn', message: 'kind must be one of: BLK, BBPVP, BPVP' },
        { field: 'provinceCode', rule: 'isIn', message: 'provinceCode must be a Kemendagri province code, e.g. 36 for Banten' },
        { field: 'rooms', rule: 'arrayUnique', message: 'rooms must not repeat a roomCode' },
        { field: 'rooms.0.seats', rule: 'min', message: 'seats must be between 1 and 500' },
        { field: 'closedDays', rule: 'isCivilDate', message: 'each closedDay must be a date as YYYY-MM-DD' },
      ]),
    );
    const rooms = [
      { roomCode: 'R1', name: 'Kelas 1', seats: 20 },
      { roomCode: 'R1', name: 'Kelas 2', seats: 20 },
    ];
    const repeated = await harness.request<Problem>('POST', '/venues', venueBody({ rooms }));
    expect(repeated).toEqual({ status: 400, body: expect.objectContaining({ errors: [{ field: 'rooms', rule: 'arrayUnique', message: 'rooms must not repeat a roomCode' }] }) });
  });

  it('applies a good Kemnaker record and refuses a bad one, and the topic keeps flowing', async () => {
    const good = {
      venueCode: 'BBPVP-SERANG',
      name: 'BBPVP Serang',
      kind: 'BBPVP',
      provinceCode: '36',
      city: 'Serang',
      rooms: [{ roomCode: 'LAB-1', name: 'Lab Wirausaha', seats: 24 }],
      closedDays: ['2025-05-29'],
    };
    const bad = { venueCode: 'BPVP-KENDARI', kind: 'UPT', provinceCode: '74', city: 'Kendari', rooms: [{ roomCode: 'A', name: 'A', seats: 0 }] };
    const anonymous = { name: 'no code' };
    const repeated = { ...good, venueCode: 'BPVP-LOTIM', rooms: [good.rooms[0], good.rooms[0]] };
    const [goodEvent, badEvent, anonymousEvent, repeatedEvent, updateEvent] = await harness.publish(
      venueUpsertedEvent.with(good.venueCode, good),
      venueUpsertedEvent.with(bad.venueCode, bad),
      venueUpsertedEvent.with('unknown', anonymous),
      venueUpsertedEvent.with(repeated.venueCode, repeated),
      venueUpsertedEvent.with(good.venueCode, { ...good, city: 'Kota Serang' }),
    );

    const accepted = await harness.waitForEvents<RecordAccepted>('VenueRecordAccepted', (data) => data.recordRef === 'BBPVP-SERANG', 2);
    expect(accepted.map((event) => event.data.sourceEventId)).toEqual([goodEvent.id, updateEvent.id]);
    expect(accepted[0].data).toEqual({ sourceEventId: goodEvent.id, recordType: 'VenueUpserted', recordRef: 'BBPVP-SERANG' });

    const rejected = await harness.waitForEvents<RecordRejected>('VenueRecordRejected', () => true, 3);
    const bySource = new Map(rejected.map((event) => [event.data.sourceEventId, event]));
    expect(bySource.get(badEvent.id)?.subject).toBe('BPVP-KENDARI');
    expect(bySource.get(badEvent.id)?.data.problems).toEqual(
      expect.arrayContaining([
        { field: 'name', rule: "must have required property 'name'" },
        { field: '/kind', rule: 'must be equal to one of the allowed values' },
        { field: '/rooms/0/seats', rule: 'must be >= 1' },
      ]),
    );
    expect(bySource.get(anonymousEvent.id)?.data.recordRef).toBe(anonymousEvent.id);
    expect(bySource.get(repeatedEvent.id)?.data.problems).toEqual([{ field: '/rooms', rule: 'must not repeat roomCode LAB-1' }]);

    const registered = await harness.waitForEvents<VenueState>('VenueRegistered', (data) => data.venueCode === 'BBPVP-SERANG');
    expect(registered[0].data).toEqual({ ...good, sample: false });
    await harness.waitForEvents<VenueState>('VenueUpdated', (data) => data.venueCode === 'BBPVP-SERANG' && data.city === 'Kota Serang');
    expect((await harness.request('GET', '/venues/BPVP-KENDARI')).status).toBe(404);
  });

  it('takes a record whose CloudEvents id is urn:uuid:..., once however often it comes, and refuses a name with a NUL on its own', async () => {
    const record = {
      venueCode: 'BPVP-BANYUWANGI',
      name: 'BPVP Banyuwangi',
      kind: 'BPVP',
      provinceCode: '35',
      city: 'Banyuwangi',
      rooms: [{ roomCode: 'R-1', name: 'Ruang 1', seats: 20 }],
    };
    const urnEnvelope = { ...buildEnvelope(venueUpsertedEvent.with(record.venueCode, record)), id: `urn:uuid:${randomUUID()}` };
    await harness.republish([urnEnvelope, urnEnvelope]);
    // Same key, so the same partition: once it is answered, so are both copies before it.
    const [after] = await harness.publish(venueUpsertedEvent.with(record.venueCode, { ...record, city: 'Kabupaten Banyuwangi' }));
    const [withNul] = await harness.publish(venueUpsertedEvent.with('BPVP-NUL', { ...record, venueCode: 'BPVP-NUL', name: 'BPVP\u0000Nul' }));

    const [rejected] = await harness.waitForEvents<RecordRejected>('VenueRecordRejected', (data) => data.sourceEventId === withNul.id);
    expect(rejected.data.problems).toEqual([{ field: '/name', rule: 'no-control-characters' }]);
    await harness.waitForEvents<RecordAccepted>('VenueRecordAccepted', (data) => data.sourceEventId === after.id);
    const accepted = harness.eventsOfType<RecordAccepted>('VenueRecordAccepted').filter((event) => event.data.sourceEventId === urnEnvelope.id);
    expect(accepted.map((event) => event.data)).toEqual([{ sourceEventId: urnEnvelope.id, recordType: 'VenueUpserted', recordRef: 'BPVP-BANYUWANGI' }]);
    expect(harness.eventsOfType<VenueState>('VenueRegistered').filter((event) => event.data.venueCode === 'BPVP-BANYUWANGI')).toHaveLength(1);
    expect(await harness.query('SELECT outcome FROM inbox WHERE event_id = $1', [urnEnvelope.id])).toEqual([{ outcome: 'handled' }]);
  });

  it('moves on when a message cannot be parked (its dead-letter topic is gone) and says so in /health', async () => {
    const venues = `${harness.prefix}${TOPICS.kemnakerVenues.name}`;
    const kafka = testKafka('venues-dlq-fault');
    const admin = kafka.admin();
    const producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    try {
      await admin.deleteTopics({ topics: [deadLetterTopicOf(venues)] });
      await producer.send({ topic: venues, messages: [{ key: 'BPVP-KENDARI', value: 'not json' }] });
      const record = { venueCode: 'BPVP-KENDARI', name: 'BPVP Kendari', kind: 'BPVP', provinceCode: '74', city: 'Kendari', rooms: [{ roomCode: 'A', name: 'A', seats: 16 }] };
      const [next] = await harness.publish(venueUpsertedEvent.with(record.venueCode, record));

      // The producer tries the missing dead-letter topic for a while before giving up.
      await waitFor('the next record answered', () => harness.eventsOfType<RecordAccepted>('VenueRecordAccepted').some((event) => event.data.sourceEventId === next.id), {
        timeoutMs: 120_000,
      });
      const health = await harness.request<{ status: string; details?: { consumer: Record<string, unknown> } }>('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.details?.consumer).toMatchObject({
        deadLettered: 0,
        deadLetterFailures: 1,
        lastDeadLetterFailure: { topic: venues, stage: 'publish' },
      });
    } finally {
      await Promise.all([admin.disconnect(), producer.disconnect()]);
    }
  }, 150_000);
});
