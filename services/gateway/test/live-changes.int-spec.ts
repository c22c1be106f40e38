import { randomUUID } from 'node:crypto';
import {
  BatchFillChanged,
  batchFillChangedEvent,
  BatchPlanned,
  batchPlannedEvent,
  DASHBOARD_CHANGE_KINDS,
  DashboardChange,
  EventEnvelope,
  notificationDeliveredEvent,
  Principal,
  TOPICS,
} from '@sinergi/contracts';
import { testAuthorization, testKafka, waitFor } from '@sinergi/testing';
import { DeadLetterCounter } from '../src/read-models/dead-letter-counts';
import { rebuildReadModels } from '../src/read-models/rebuild';
import { COALESCE_MS, LiveStreams } from '../src/read-models/live/live-streams';
import { ReadModelChangeListener } from '../src/read-models/live/read-model-change-listener';
import { gatewayService } from '../src/gateway.service-definition';
import { GatewayWithIssuerHarness } from './gateway-test-env';

const STREAM_LIMIT = 4;
const admin: Principal = { subject: 'admin', roles: ['kemnaker-admin'], venueCodes: [] };
const venueOperator: Principal = { subject: 'operator-bdg', roles: ['venue-operator'], venueCodes: ['BLK-BDG'] };
const viewer: Principal = { subject: 'viewer', roles: ['viewer'], venueCodes: [] };
const participant: Principal = { subject: 'participant:1', roles: ['participant'], venueCodes: [], participantId: randomUUID() };

function planned(programmeId: string, venueCode: string, provinceCode: string): BatchPlanned {
  return {
    batchId: randomUUID(),
    programmeId,
    moduleCode: 'KWU-DASAR',
    provinceCode,
    venueCode,
    startDate: '2027-03-02',
    endDate: '2027-03-04',
    seats: 20,
    reserves: 4,
    minimumQuorum: 8,
    confirmBy: '2027-02-20',
    replyBy: '2027-02-01T00:00:00.000Z',
  };
}

function fillOf(batch: BatchPlanned, selected: number): BatchFillChanged {
  const { batchId, programmeId, seats, reserves, minimumQuorum } = batch;
  return { batchId, programmeId, seats, reserves, minimumQuorum, selected, confirmed: 0, reserved: 0, quorumMet: false };
}

/** A browser's view of one event stream: what it has heard so far. */
interface OpenStream {
  status: number;
  contentType: string | null;
  text: () => string;
  changes: () => DashboardChange[];
  ended: Promise<void>;
  close: () => void;
}

describe('gateway live dashboard changes (server-sent events; real Kafka, real PostgreSQL)', () => {
  let gateway: GatewayWithIssuerHarness;
  let destroyed = false;
  const opened: OpenStream[] = [];

  const openStream = async (as: Principal | null): Promise<OpenStream> => {
    const url = `${gateway.service.url}/api/v1/dashboard/changes`;
    const abort = new AbortController();
    const response = await fetch(url, { headers: await testAuthorization(url, as), signal: abort.signal });
    let received = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          received += decoder.decode(chunk, { stream: true });
      } catch {
        // aborted by the test
      }
    })();
    const stream: OpenStream = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text: () => received,
      changes: () =>
        received
          .split('\n\n')
          .filter((block) => block.startsWith('event: change\n'))
          .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 'data: '.length)) as DashboardChange),
      ended: reading,
      close: () => abort.abort(),
    };
    opened.push(stream);
    return stream;
  };
  const streams = () => gateway.service.app.get(LiveStreams);
  const handled = (envelopes: EventEnvelope[]) =>
    waitFor(`${envelopes.length} events handled`, async () => {
      const rows = await gateway.query<{ count: string }>(`SELECT count(*) FROM inbox WHERE event_id = ANY($1) AND outcome = 'handled'`, [
        envelopes.map((envelope) => envelope.id),
      ]);
      return Number(rows[0].count) === envelopes.length;
    });
  const heard = (stream: OpenStream, what: string, predicate: (change: DashboardChange) => boolean) =>
    waitFor(what, () => stream.changes().find(predicate));
  /** Long enough for a stream to have sent whatever it coalesced. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, COALESCE_MS * 2));

  beforeAll(async () => {
    gateway = await GatewayWithIssuerHarness.start(gatewayService, { LIVE_STREAMS_PER_PROCESS: String(STREAM_LIMIT) });
  });

  afterEach(async () => {
    opened.splice(0).forEach((stream) => stream.close());
    if (!destroyed) await waitFor('every stream closed', () => streams().count === 0);
  });

  afterAll(async () => {
    if (!destroyed) await gateway?.destroy();
  });

  it('streams a committed change of a class to a signed-in admin, naming its programme, province and venue', async () => {
    const stream = await openStream(admin);
    expect([stream.status, stream.contentType]).toEqual([200, 'text/event-stream; charset=utf-8']);
    await waitFor('the reconnect delay', () => stream.text().startsWith('retry: 3000\n\n'));

    const programmeId = randomUUID();
    const bandung = planned(programmeId, 'BLK-BDG', '32');
    await gateway.publish(batchPlannedEvent.with(bandung.batchId, bandung));
    expect(await heard(stream, 'the plan', (change) => change.batchId === bandung.batchId)).toEqual({
      kind: 'classes',
      batchId: bandung.batchId,
      programmeId,
      provinceCode: '32',
      venueCode: 'BLK-BDG',
    });
    // A fill names no venue; the change takes it from the class's row.
    await gateway.publish(batchFillChangedEvent.with(bandung.batchId, fillOf(bandung, 3)));
    expect(await heard(stream, 'the fill', (change) => change.kind === 'enrollments')).toEqual({
      kind: 'enrollments',
      batchId: bandung.batchId,
      programmeId,
      provinceCode: '32',
      venueCode: 'BLK-BDG',
    });
  });

  it("gives a venue operator only its own venues' classes, and each role only the dashboards it may read", async () => {
    const adminStream = await openStream(admin);
    const operatorStream = await openStream(venueOperator);
    const viewerStream = await openStream(viewer);
    // Two programmes, so that coalescing (per kind and programme) keeps the two changes apart.
    const semarang = planned(randomUUID(), 'BLK-SMG', '33');
    const bandung = planned(randomUUID(), 'BLK-BDG', '32');
    const deliveryId = randomUUID();
    await handled(
      await gateway.publish(
        batchPlannedEvent.with(semarang.batchId, semarang),
        batchPlannedEvent.with(bandung.batchId, bandung),
        notificationDeliveredEvent.with(deliveryId, {
          deliveryId,
          eventId: randomUUID(),
          recipientKind: 'participant',
          recipientId: randomUUID(),
          template: 'batch-confirmed',
          attempts: 1,
          channel: 'sms',
          deliveredAt: '2027-02-21T01:00:00.000Z',
        }),
      ),
    );
    const producer = testKafka('live-dead-letters').producer();
    await producer.connect();
    try {
      await producer.send({ topic: `${gateway.prefix}${TOPICS.batches.name}.dlq`, messages: [{ value: 'not an event' }] });
    } finally {
      await producer.disconnect();
    }
    await gateway.service.app.get(DeadLetterCounter).runOnce();
    await heard(adminStream, 'the dead letters', (change) => change.kind === 'dead-letters');
    await heard(adminStream, 'the notification', (change) => change.kind === 'notifications');
    await settle();

    const kindsAndVenues = (stream: OpenStream) =>
      stream
        .changes()
        .map((change) => `${change.kind} ${change.venueCode ?? '-'}`)
        .sort();
    expect(kindsAndVenues(operatorStream)).toEqual(['classes BLK-BDG']);
    expect(kindsAndVenues(viewerStream)).toEqual(['classes BLK-BDG', 'classes BLK-SMG', 'notifications -']);
    expect(kindsAndVenues(adminStream)).toEqual(
      expect.arrayContaining(['classes BLK-BDG', 'classes BLK-SMG', 'dead-letters -', 'notifications -']),
    );
  });

  it('coalesces a burst into at most one change per kind and programme every 250 ms, keeping only the ids all share', async () => {
    const stream = await openStream(admin);
    const programmeId = randomUUID();
    const classes = Array.from({ length: 80 }, (_, index) => planned(programmeId, `BLK-${index}`, '32'));
    const started = Date.now();
    const envelopes = await gateway.publish(...classes.map((batch) => batchFillChangedEvent.with(batch.batchId, fillOf(batch, 1))));
    await handled(envelopes);
    await settle();
    const windows = Math.ceil((Date.now() - started) / COALESCE_MS);

    const burst = stream.changes().filter((change) => change.programmeId === programmeId);
    expect(burst.length).toBeGreaterThan(0);
    expect(burst.length).toBeLessThanOrEqual(Math.min(windows, classes.length / 4));
    expect(burst.every((change) => change.kind === 'enrollments')).toBe(true);
    // A change standing for several classes names none of them.
    expect(burst.filter((change) => change.batchId === undefined).length).toBeGreaterThan(0);
  });

  it('hears changes again after its LISTEN connection is lost', async () => {
    const listener = gateway.service.app.get(ReadModelChangeListener);
    const [terminated] = await gateway.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
        WHERE application_name = 'gateway-read-model-changes' AND datname = current_database()`,
    );
    expect(terminated).toEqual({ terminated: true });
    await waitFor('the listener to notice', () => !listener.listening);
    await waitFor('the listener back', () => listener.listening);

    const stream = await openStream(admin);
    const batch = planned(randomUUID(), 'BLK-BDG', '32');
    await gateway.publish(batchPlannedEvent.with(batch.batchId, batch));
    await heard(stream, 'the plan after the reconnect', (change) => change.batchId === batch.batchId);
  });

  it('announces every kind once a rebuild swaps its schema in', async () => {
    const stream = await openStream(admin);
    await waitFor('the stream open', () => stream.text().length > 0);
    await rebuildReadModels({ databaseUrl: gateway.service.database.url, kafka: testKafka('live-rebuild'), topicPrefix: gateway.prefix });
    await waitFor('every kind announced', () => stream.changes().length >= DASHBOARD_CHANGE_KINDS.length);
    expect(stream.changes()).toEqual(DASHBOARD_CHANGE_KINDS.map((kind) => ({ kind })));
  });

  it('refuses a request without a token (401) and a role that reads no dashboard (403)', async () => {
    const anonymous = await fetch(`${gateway.service.url}/api/v1/dashboard/changes`);
    expect([anonymous.status, anonymous.headers.get('content-type')]).toEqual([401, expect.stringContaining('application/problem+json')]);
    expect((await openStream(participant)).status).toBe(403);
    expect(streams().count).toBe(0);
  });

  it('answers 503 past LIVE_STREAMS_PER_PROCESS, and takes a stream again once one closes', async () => {
    const full = await Promise.all(Array.from({ length: STREAM_LIMIT }, () => openStream(admin)));
    expect(full.map((stream) => stream.status)).toEqual(Array(STREAM_LIMIT).fill(200));

    const refused = await fetch(`${gateway.service.url}/api/v1/dashboard/changes`, {
      headers: await testAuthorization(gateway.service.url, admin),
    });
    const problem = (await refused.json()) as { errors: unknown[] };
    expect([refused.status, refused.headers.get('content-type'), refused.headers.get('retry-after')]).toEqual([
      503,
      expect.stringContaining('application/problem+json'),
      '3',
    ]);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'stream', rule: 'streams-available' })]);

    full[0].close();
    await waitFor('the closed stream let go', () => streams().count === STREAM_LIMIT - 1);
    expect((await openStream(admin)).status).toBe(200);
  });

  it('ends every open stream when the gateway shuts down', async () => {
    const stream = await openStream(admin);
    await waitFor('the stream open', () => stream.text().length > 0);
    await gateway.destroy();
    destroyed = true;
    await stream.ended;
    expect(stream.text()).toBe('retry: 3000\n\n');
  });
});
