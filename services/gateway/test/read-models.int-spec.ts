import { randomUUID } from 'node:crypto';
import {
  addDays,
  atHourInWib,
  BatchConfirmed,
  batchConfirmedEvent,
  BatchFillChanged,
  batchFillChangedEvent,
  BatchPlanned,
  batchPlannedEvent,
  batchPlanningFailedEvent,
  batchStartedEvent,
  ClassView,
  DeadLetterCount,
  EventEnvelope,
  notificationDeliveredEvent,
  notificationFailedEvent,
  Page,
  Principal,
  ProgrammeOverview,
  ProvinceFigures,
  TOPICS,
  todayInWib,
} from '@sinergi/contracts';
import { testKafka, waitFor } from '@sinergi/testing';
import { DeadLetterCounter } from '../src/read-models/dead-letter-counts';
import { rebuildReadModels } from '../src/read-models/rebuild';
import { GatewayWithIssuerHarness } from './gateway-test-env';

const programmeId = randomUUID();
/** A programme whose classes are still enrolling: their confirm-by days are around today. */
const enrollingProgrammeId = randomUUID();
const today = todayInWib();
const instructorId = randomUUID();
const venueOperator: Principal = { subject: 'operator-bdg', roles: ['venue-operator'], venueCodes: ['BLK-BDG'] };
const viewer: Principal = { subject: 'viewer', roles: ['viewer'], venueCodes: [] };
const integrationOperator: Principal = { subject: 'integration', roles: ['integration-operator'], venueCodes: [] };

function planned(overrides: Partial<BatchPlanned> = {}): BatchPlanned {
  return {
    batchId: randomUUID(),
    programmeId,
    moduleCode: 'KWU-DASAR',
    provinceCode: '32',
    venueCode: 'BLK-BDG',
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    seats: 20,
    reserves: 4,
    minimumQuorum: 8,
    confirmBy: '2026-02-20',
    replyBy: '2026-02-01T00:00:00.000Z',
    ...overrides,
  };
}

function confirmedOf(batch: BatchPlanned, roomCode: string): BatchConfirmed {
  const { replyBy: _replyBy, ...facts } = batch;
  return { ...facts, roomCode, instructorId };
}

function fillOf(batch: BatchPlanned, selected: number, confirmed: number, reserved: number): BatchFillChanged {
  return {
    batchId: batch.batchId,
    programmeId: batch.programmeId,
    seats: batch.seats,
    reserves: batch.reserves,
    selected,
    confirmed,
    reserved,
    minimumQuorum: batch.minimumQuorum,
    quorumMet: confirmed >= batch.minimumQuorum,
  };
}

const delivery = (channel: 'email' | 'sms' | 'whatsapp') => ({
  deliveryId: randomUUID(),
  eventId: randomUUID(),
  recipientKind: 'participant' as const,
  recipientId: randomUUID(),
  template: 'batch-confirmed',
  attempts: 1,
  channel,
});

describe('gateway read models and dashboards (real Kafka, real PostgreSQL)', () => {
  let gateway: GatewayWithIssuerHarness;
  const bandung = planned();
  const bandungLate = planned({ startDate: '2026-03-03', endDate: '2026-03-05', minimumQuorum: 5 });
  const semarang = planned({ provinceCode: '33', venueCode: 'BLK-SMG' });
  const enrolling = (confirmBy: string) =>
    planned({ programmeId: enrollingProgrammeId, venueCode: 'BLK-CRB', startDate: addDays(today, 30), endDate: addDays(today, 32), confirmBy });
  /** Under quorum: confirm-by today (counts), yesterday (passed), in five days (counts); met in five days (does not). */
  const lastDay = enrolling(today);
  const passed = enrolling(addDays(today, -1));
  const later = enrolling(addDays(today, 5));
  const filled = enrolling(addDays(today, 5));
  let published: EventEnvelope[] = [];

  const get = async <T>(path: string, as?: Principal) => {
    const response = await gateway.request<T>('GET', `/api/v1/dashboard${path}`, undefined, {}, as);
    return response;
  };
  const body = async <T>(path: string) => {
    const response = await get<T>(path);
    expect([path, response.status]).toEqual([path, 200]);
    return response.body;
  };
  const classesById = async () => Object.fromEntries((await body<Page<ClassView>>(`/classes?programmeId=${programmeId}`)).items.map((item) => [item.batchId, item]));
  /** Everything the dashboards show of the test's programme. */
  const dashboards = async () => ({
    overview: await body(`/programmes/${programmeId}/overview`),
    provinces: await body(`/programmes/${programmeId}/provinces`),
    classes: await body(`/classes?programmeId=${programmeId}`),
    utilisation: await body('/venues/BLK-BDG/utilisation?from=2026-03-01&to=2026-03-06'),
    load: await body('/instructors/load?month=2026-03'),
    notifications: await body('/notifications'),
  });
  const projectionRows = async () => ({
    classes: await gateway.query('SELECT * FROM read_models.classes ORDER BY batch_id'),
    notifications: await gateway.query('SELECT * FROM read_models.notification_outcomes ORDER BY delivery_id'),
    deadLetters: await gateway.query('SELECT topic, dead_letters FROM read_models.dead_letters ORDER BY topic'),
  });
  const handled = (envelopes: EventEnvelope[]) =>
    waitFor(`${envelopes.length} events handled`, async () => {
      const rows = await gateway.query<{ count: string }>(`SELECT count(*) FROM inbox WHERE event_id = ANY($1) AND outcome = 'handled'`, [
        envelopes.map((envelope) => envelope.id),
      ]);
      return Number(rows[0].count) === envelopes.length;
    });

  beforeAll(async () => {
    gateway = await GatewayWithIssuerHarness.start();
    published = [
      ...(await gateway.publish(
        batchPlannedEvent.with(bandung.batchId, bandung),
        batchConfirmedEvent.with(bandung.batchId, confirmedOf(bandung, 'R1')),
        batchFillChangedEvent.with(bandung.batchId, fillOf(bandung, 12, 6, 3)),
        // This class's fill comes before its plan: another topic, another order.
        batchFillChangedEvent.with(bandungLate.batchId, fillOf(bandungLate, 9, 5, 1)),
      )),
      ...(await gateway.publish(
        batchPlannedEvent.with(bandungLate.batchId, bandungLate),
        batchConfirmedEvent.with(bandungLate.batchId, confirmedOf(bandungLate, 'R2')),
        batchStartedEvent.with(bandungLate.batchId, { batchId: bandungLate.batchId, programmeId, on: '2026-03-03' }),
        batchPlannedEvent.with(semarang.batchId, semarang),
        batchPlanningFailedEvent.with(semarang.batchId, { batchId: semarang.batchId, programmeId, failedStep: 'venue', reason: 'no room free' }),
      )),
    ];
    for (const batch of [lastDay, passed, later, filled]) {
      published.push(
        ...(await gateway.publish(
          batchPlannedEvent.with(batch.batchId, batch),
          batchConfirmedEvent.with(batch.batchId, confirmedOf(batch, 'R1')),
          batchFillChangedEvent.with(batch.batchId, fillOf(batch, 10, batch === filled ? 8 : 7, 0)),
        )),
      );
    }
    const email = delivery('email');
    const sms = delivery('sms');
    const { channel: _none, ...noContact } = delivery('whatsapp');
    const sentToday = delivery('email');
    const sentLastNight = delivery('email');
    published.push(
      ...(await gateway.publish(
        notificationDeliveredEvent.with(email.deliveryId, { ...email, deliveredAt: '2026-02-21T01:00:00.000Z' }),
        notificationDeliveredEvent.with(sms.deliveryId, { ...sms, deliveredAt: '2026-02-21T01:00:00.000Z' }),
        // Failed now (its event's time), so today in WIB.
        notificationFailedEvent.with(noContact.deliveryId, { ...noContact, reason: 'no contact on record' }),
        notificationDeliveredEvent.with(sentToday.deliveryId, { ...sentToday, deliveredAt: atHourInWib(today, 0).toISOString() }),
        // A minute before midnight in WIB: yesterday, though the same day in UTC.
        notificationDeliveredEvent.with(sentLastNight.deliveryId, { ...sentLastNight, deliveredAt: new Date(atHourInWib(today, 0).getTime() - 60_000).toISOString() }),
      )),
    );
    await handled(published);
  });

  afterAll(async () => {
    await gateway?.destroy();
  });

  it("shows a programme's classes by status, seats and fill, in total and per province", async () => {
    const byStatus = { planned: 0, confirmed: 1, failed: 1, cancelled: 0, running: 1, completed: 0, closed: 0 };
    expect(await body(`/programmes/${programmeId}/overview`)).toEqual({
      programmeId,
      classesByStatus: byStatus,
      seats: 40,
      selected: 21,
      confirmed: 11,
      reserves: 4,
      // Bandung has 6 confirmed against a quorum of 8; the late class 5 against 5.
      underQuorumClasses: 1,
      // Bandung's confirm-by day has passed.
      underQuorumBeforeConfirmBy: 0,
      messagesToday: { day: today, sent: 1, failed: 1 },
    });
    expect(await body(`/programmes/${programmeId}/provinces`)).toEqual([
      { provinceCode: '32', classesByStatus: { ...byStatus, failed: 0 }, seats: 40, selected: 21, confirmed: 11, reserves: 4, underQuorumClasses: 1, underQuorumBeforeConfirmBy: 0 },
      { provinceCode: '33', classesByStatus: { ...byStatus, confirmed: 0, running: 0 }, seats: 0, selected: 0, confirmed: 0, reserves: 0, underQuorumClasses: 0, underQuorumBeforeConfirmBy: 0 },
    ]);
  });

  it('counts the classes under quorum whose confirm-by day (in WIB) has not passed, and the messages sent and failed today in WIB', async () => {
    const overview = await body<ProgrammeOverview>(`/programmes/${enrollingProgrammeId}/overview`);
    // 7 confirmed against a quorum of 8: confirm-by today and in five days count; yesterday's has passed; 8 of 8 is met.
    expect(overview).toMatchObject({ classesByStatus: { confirmed: 4 }, underQuorumClasses: 3, underQuorumBeforeConfirmBy: 2 });
    expect(overview.messagesToday).toEqual({ day: today, sent: 1, failed: 1 });
    expect((await body<ProvinceFigures[]>(`/programmes/${enrollingProgrammeId}/provinces`)).map((row) => [row.provinceCode, row.underQuorumBeforeConfirmBy])).toEqual([['32', 2]]);
  });

  it('lists each class with its venue, dates, instructor and fill, whichever topic came first', async () => {
    const classes = await classesById();
    expect(classes[bandungLate.batchId]).toEqual({
      batchId: bandungLate.batchId,
      programmeId,
      provinceCode: '32',
      moduleCode: 'KWU-DASAR',
      venueCode: 'BLK-BDG',
      roomCode: 'R2',
      instructorId,
      startDate: '2026-03-03',
      endDate: '2026-03-05',
      status: 'running',
      fill: { seats: 20, reserves: 4, minimumQuorum: 5, selected: 9, confirmed: 5, reserved: 1, quorumMet: true },
    });
    expect(classes[semarang.batchId]).toMatchObject({ status: 'failed', venueCode: 'BLK-SMG', instructorId: null });

    const failed = await body<Page<ClassView>>(`/classes?programmeId=${programmeId}&status=failed`);
    expect(failed.items.map((item) => item.batchId)).toEqual([semarang.batchId]);
    const firstPage = await body<Page<ClassView>>(`/classes?programmeId=${programmeId}&provinceCode=32&limit=1`);
    const secondPage = await body<Page<ClassView>>(`/classes?programmeId=${programmeId}&provinceCode=32&limit=1&cursor=${firstPage.next}`);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.batchId).sort()).toEqual([bandung.batchId, bandungLate.batchId].sort());
    expect(secondPage.next).toBeUndefined();
  });

  it("shows a venue's use by day, an instructor's classes per month and notification outcomes per channel", async () => {
    expect(await body('/venues/BLK-BDG/utilisation?from=2026-03-01&to=2026-03-06')).toEqual([
      { day: '2026-03-01', classes: 0, rooms: [] },
      { day: '2026-03-02', classes: 1, rooms: ['R1'] },
      { day: '2026-03-03', classes: 2, rooms: ['R1', 'R2'] },
      { day: '2026-03-04', classes: 2, rooms: ['R1', 'R2'] },
      { day: '2026-03-05', classes: 1, rooms: ['R2'] },
      { day: '2026-03-06', classes: 0, rooms: [] },
    ]);
    expect((await body<Page<unknown>>('/instructors/load?month=2026-03')).items).toEqual([{ month: '2026-03', instructorId, classes: 2 }]);
    expect(await body('/notifications')).toEqual([
      { channel: 'email', delivered: 3, failed: 0 },
      { channel: 'sms', delivered: 1, failed: 0 },
      { channel: null, delivered: 0, failed: 1 },
    ]);
  });

  it("keeps a venue operator to its own venues and refuses roles the table does not name", async () => {
    const own = await get<Page<ClassView>>(`/classes?programmeId=${programmeId}`, venueOperator);
    expect(own.body.items.map((item) => item.venueCode)).toEqual(['BLK-BDG', 'BLK-BDG']);
    expect((await get('/venues/BLK-SMG/utilisation?from=2026-03-01&to=2026-03-02', venueOperator)).status).toBe(403);
    expect((await get(`/programmes/${programmeId}/overview`, viewer)).status).toBe(200);
    expect((await get(`/classes`, integrationOperator)).status).toBe(403);
    expect((await get('/venues/BLK-BDG/utilisation?from=2026-03-06&to=2026-03-01')).status).toBe(400);
  });

  it('counts the dead letters of each topic, for the integration operator', async () => {
    const producer = testKafka('dead-letter-test').producer();
    await producer.connect();
    try {
      await producer.send({ topic: `${gateway.prefix}${TOPICS.batches.name}.dlq`, messages: [{ value: 'not an event' }, { value: 'nor this' }] });
    } finally {
      await producer.disconnect();
    }
    await gateway.service.app.get(DeadLetterCounter).runOnce();
    const counts = await get<DeadLetterCount[]>('/dead-letters', integrationOperator);
    expect(counts.status).toBe(200);
    expect(counts.body.find((count) => count.topic === TOPICS.batches.name)).toMatchObject({ deadLetters: 2 });
    expect(counts.body.find((count) => count.topic === TOPICS.notificationDeliveries.name)).toMatchObject({ deadLetters: 0 });
    expect((await get('/dead-letters', viewer)).status).toBe(403);
  });

  it('changes nothing when an event comes again, redelivered or republished under a new id', async () => {
    const before = await dashboards();
    await gateway.republish(published);
    const copies = published.map((envelope) => ({ ...envelope, id: randomUUID() }));
    await gateway.republish(copies);
    // Each copy follows its original on the same partition, so once the copies are handled so are the redeliveries.
    await handled(copies);
    expect(await dashboards()).toEqual(before);
  });

  it('rebuilds the projections from the topics into a fresh schema that equals the live one row by row', async () => {
    const live = await projectionRows();
    // A projection gone wrong: the rebuild must replace it with what the topics say.
    await gateway.query(`UPDATE read_models.classes SET selected = 999 WHERE batch_id = $1`, [bandung.batchId]);

    const outcome = await rebuildReadModels({ databaseUrl: gateway.service.database.url, kafka: testKafka('gateway-rebuild'), topicPrefix: gateway.prefix });

    expect(outcome.projected).toBe(published.length * 3);
    expect(await projectionRows()).toEqual(live);
    const schemas = await gateway.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_models%' ORDER BY 1`);
    expect(schemas.map((schema) => schema.nspname)).toEqual(['read_models']);

    // Live consumption goes on into the swapped-in schema.
    const afterwards = planned({ provinceCode: '33', venueCode: 'BLK-SMG' });
    await handled(await gateway.publish(batchPlannedEvent.with(afterwards.batchId, afterwards)));
    expect((await classesById())[afterwards.batchId]).toMatchObject({ status: 'planned', venueCode: 'BLK-SMG' });
  });
});
