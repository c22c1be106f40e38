import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Producer } from 'kafkajs';
import {
  ConsumerLag,
  DeadLetterDetail,
  DeadLetterSummary,
  OutboxBacklog,
  Page,
  Principal,
  ProgrammeLaunched,
  programmeLaunchedEvent,
  ServiceName,
  TOPICS,
} from '@sinergi/contracts';
import {
  buildEnvelope,
  createTopicNamespace,
  deleteTopicNamespace,
  freePort,
  MessageSinks,
  publishEnvelopes,
  ServiceUnderTest,
  startMessageSinks,
  ServiceProcesses,
  startServiceUnderTest,
  testKafka,
  TestIssuer,
  testSecrets,
  waitFor,
} from '@sinergi/testing';
import { gatewayService } from '../src/gateway.service-definition';

const OPERATOR: Principal = { subject: 'ops-1', roles: ['integration-operator'], venueCodes: [] };
const KEMNAKER_ADMIN: Principal = { subject: 'admin-1', roles: ['kemnaker-admin'], venueCodes: [] };
const VIEWER: Principal = { subject: 'viewer-1', roles: ['viewer'], venueCodes: [] };
const SERVICES = ['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification', 'gateway'];

function programme(): ProgrammeLaunched {
  const year = new Date().getUTCFullYear() + 1;
  return {
    programmeId: randomUUID(),
    agreementId: randomUUID(),
    name: 'Pelatihan Operasi',
    periodStart: `${year}-03-01`,
    periodEnd: `${year}-11-30`,
    targetParticipants: 100,
    participantCeiling: 200,
    prioritySegments: ['micro'],
    selectionPolicy: 'first-come-first-served',
    moduleCode: 'DIGMKT-01',
    classDays: 5,
    classSize: 20,
    reservesPerClass: 2,
    minimumQuorum: 10,
    confirmByDaysBeforeStart: 3,
  };
}

/**
 * The Operations page's API in front of the five services, each in its own database (real Kafka, real PostgreSQL):
 * dead letters provoked in enrollment, inspected through the gateway with personal data masked, re-driven back
 * through enrollment's inbox; consumer lag of a group that has consumed nothing yet; outbox backlogs.
 */
describe('gateway: the Operations page API (real Kafka, real PostgreSQL)', () => {
  let issuer: TestIssuer;
  let prefix: string;
  let sinks: MessageSinks;
  let producer: Producer;
  let services: ServiceProcesses;
  let lateServices: ServiceProcesses | undefined;
  let gateway: ServiceUnderTest;
  let enrollmentDb: Client;
  let instructorModulePort: number;
  let env: Record<string, string>;

  async function api<T>(method: string, path: string, principal: Principal): Promise<{ status: number; body: T }> {
    const response = await fetch(`${gateway.url}/api/v1/operations${path}`, { method, headers: await issuer.authorization(principal) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function deadLettersOf(service: ServiceName, eventType: string): Promise<DeadLetterSummary[]> {
    const page = await api<Page<DeadLetterSummary>>('GET', `/dead-letters?service=${service}&limit=200`, OPERATOR);
    expect(page.status).toBe(200);
    return page.body.items.filter((item) => item.eventType === eventType || (eventType === '' && item.eventType === null));
  }

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    prefix = await createTopicNamespace();
    sinks = await startMessageSinks();
    env = { ...testSecrets(), ...sinks.env(), BATCH_REPLY_TIMEOUT_MS: '60000' };
    instructorModulePort = await freePort();
    // instructor-module starts later (on the port the gateway is given): until then its consumer group has consumed nothing.
    services = await ServiceProcesses.start(['program', 'enrollment', 'venue-capacity', 'notification'], prefix, env);
    gateway = await startServiceUnderTest(gatewayService, prefix, {
      env: {
        ...env,
        PROGRAM_URL: services.url('program'),
        ENROLLMENT_URL: services.url('enrollment'),
        VENUE_CAPACITY_URL: services.url('venue-capacity'),
        INSTRUCTOR_MODULE_URL: `http://127.0.0.1:${instructorModulePort}`,
        NOTIFICATION_URL: services.url('notification'),
        GATEWAY_PUBLIC_URL: 'http://localhost:3000',
        OIDC_ISSUER: issuer.issuer,
        RATE_LIMIT_PER_MINUTE: '100000',
        SENSITIVE_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    producer = testKafka('operations-test').producer();
    await producer.connect();
    enrollmentDb = new Client({ connectionString: services.databaseUrl('enrollment') });
    await enrollmentDb.connect();
  }, 360_000);

  afterAll(async () => {
    await enrollmentDb?.end();
    await producer?.disconnect();
    await gateway?.destroy();
    await lateServices?.stop();
    await services?.stop();
    await sinks?.close();
    await issuer?.stop();
    if (prefix) await deleteTopicNamespace(prefix);
  });

  it("shows a positive lag for a consumer group on a topic it has not consumed yet, and every partition's end", async () => {
    const roster = `${prefix}${TOPICS.kemenumkmRoster.name}`;
    await producer.send({ topic: roster, messages: [{ key: 'k', value: '{"not":"an event"}' }] });
    const lags = await api<ConsumerLag[]>('GET', '/consumer-lag', OPERATOR);
    expect(lags.status).toBe(200);
    const instructorModule = lags.body.filter((lag) => lag.groupId === `${prefix}instructor-module` && lag.topic === roster);
    expect(instructorModule.length).toBeGreaterThan(0);
    expect(instructorModule.every((lag) => lag.service === 'instructor-module' && lag.committedOffset === null)).toBe(true);
    expect(instructorModule.reduce((sum, lag) => sum + lag.lag, 0)).toBe(1);
    expect(instructorModule.reduce((sum, lag) => sum + lag.endOffset, 0)).toBe(1);
    expect(new Set(lags.body.map((lag) => lag.service))).toEqual(new Set(SERVICES));

    lateServices = await ServiceProcesses.start(['instructor-module'], prefix, env, { 'instructor-module': instructorModulePort });
  }, 240_000);

  it('refuses a viewer (403) on every Operations route, and lets a Kemnaker admin read', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/consumer-lag'],
      ['GET', '/outbox'],
      ['GET', '/dead-letters'],
      ['GET', `/dead-letters/enrollment/${id}`],
      ['POST', `/dead-letters/enrollment/${id}/redrive`],
    ]) {
      expect([method, path, (await api(method, path, VIEWER)).status]).toEqual([method, path, 403]);
    }
    expect((await api('GET', `/dead-letters/enrollment/${id}`, KEMNAKER_ADMIN)).status).toBe(404);
    expect((await api('GET', `/dead-letters/nobody/${id}`, OPERATOR)).status).toBe(400);
  });

  it('lists and shows a dead letter with every personal field of its message masked, and its dead-letter headers', async () => {
    const nik = '3201234567890012';
    const broken = {
      specversion: '1.0',
      id: randomUUID(),
      type: 'ProgrammeLaunched',
      source: '/test',
      subject: 's',
      data: {
        participant: { nik, fullName: 'Siti Nurhaliza', phone: '+6281234567890', email: 'siti@example.id', birthDate: '1990-05-15' },
      },
    };
    await producer.send({ topic: `${prefix}${TOPICS.programmes.name}`, messages: [{ key: 's', value: JSON.stringify(broken) }] });
    const [summary] = await waitFor('the broken message dead-lettered by enrollment', async () => {
      const found = (await deadLettersOf('enrollment', '')).filter((item) => item.topic === `${prefix}${TOPICS.programmes.name}`);
      return found.length > 0 && found;
    });
    expect(summary).toEqual(
      expect.objectContaining({ service: 'enrollment', attempts: 0, reason: expect.stringMatching(/^schema: /), redrivenAt: null }),
    );

    const detail = await api<DeadLetterDetail>('GET', `/dead-letters/enrollment/${summary.id}`, OPERATOR);
    expect(detail.status).toBe(200);
    expect(detail.body.payload).toEqual(
      expect.objectContaining({
        data: {
          participant: {
            nik: '**************12',
            fullName: 'S*** N***',
            phone: '+628*******890',
            email: 's***@example.id',
            birthDate: '****-**-**',
          },
        },
      }),
    );
    expect(detail.body.headers).toEqual(
      expect.objectContaining({ 'sinergi-dlq-consumer-group': `${prefix}enrollment`, 'sinergi-dlq-attempts': '0' }),
    );
    expect(detail.body.reasonDetail).toMatch(/^schema: /);
    expect(JSON.stringify(detail.body)).not.toContain(nik);
    expect(JSON.stringify(detail.body)).not.toContain('Nurhaliza');
  });

  it("re-drives a dead letter back through enrollment's inbox, once (a second re-drive is 409)", async () => {
    // enrollment refuses every programme for a while: its handler fails until it gives up and parks the event.
    await enrollmentDb.query(
      `CREATE FUNCTION refuse_programmes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'programmes are refused for the test'; END $$`,
    );
    await enrollmentDb.query(
      'CREATE TRIGGER refuse_programmes BEFORE INSERT ON programmes FOR EACH ROW EXECUTE FUNCTION refuse_programmes()',
    );
    const launched = programme();
    await publishEnvelopes(producer, prefix, [buildEnvelope(programmeLaunchedEvent.with(launched.programmeId, launched))]);
    const [summary] = await waitFor(
      'the programme dead-lettered by enrollment',
      async () => {
        const found = await deadLettersOf('enrollment', 'ProgrammeLaunched');
        return found.length > 0 && found;
      },
      { timeoutMs: 60_000 },
    );
    expect(summary).toEqual(
      expect.objectContaining({ attempts: 5, reason: expect.stringContaining('programmes are refused for the test') }),
    );
    const count = async () =>
      (await enrollmentDb.query('SELECT count(*)::int AS n FROM programmes WHERE id = $1', [launched.programmeId])).rows[0].n as number;
    expect(await count()).toBe(0);

    await enrollmentDb.query('DROP TRIGGER refuse_programmes ON programmes');
    const redriven = await api('POST', `/dead-letters/enrollment/${summary.id}/redrive`, OPERATOR);
    expect(redriven).toEqual({ status: 202, body: { service: 'enrollment', id: summary.id, redriven: true } });
    await waitFor('enrollment to handle the re-driven programme', async () => (await count()) === 1, { timeoutMs: 60_000 });

    const detail = await api<DeadLetterDetail>('GET', `/dead-letters/enrollment/${summary.id}`, OPERATOR);
    expect(detail.body.redrivenAt).not.toBeNull();
    const again = await api<{ errors: Array<{ rule: string }> }>('POST', `/dead-letters/enrollment/${summary.id}/redrive`, KEMNAKER_ADMIN);
    expect([again.status, again.body.errors[0].rule]).toEqual([409, 'not-redriven-yet']);
  }, 180_000);

  it("shows each service's outbox: rows waiting and their age, rows parked", async () => {
    const db = new Client({ connectionString: services.databaseUrl('venue-capacity') });
    await db.connect();
    const relayHold = new Client({ connectionString: services.databaseUrl('venue-capacity') });
    await relayHold.connect();
    try {
      // Holding the relay's lock keeps the row waiting.
      await relayHold.query('BEGIN');
      await relayHold.query(`SELECT pg_advisory_xact_lock(hashtextextended('messaging:outbox-relay', 0))`);
      const eventId = randomUUID();
      await db.query(
        `INSERT INTO outbox (event_id, topic, message_key, envelope, created_at) VALUES ($1, 'waiting', 'k', '{}', now() - interval '90 seconds')`,
        [eventId],
      );
      await db.query(
        `INSERT INTO outbox_parked (position, event_id, topic, message_key, envelope, created_at, reason) VALUES (-1, $1, 'refused', 'k', '{}', now(), 'test')`,
        [randomUUID()],
      );
      const outbox = await api<OutboxBacklog[]>('GET', '/outbox', OPERATOR);
      expect(outbox.status).toBe(200);
      expect(outbox.body.map((row) => row.service)).toEqual(SERVICES);
      const venueCapacity = outbox.body.find((row) => row.service === 'venue-capacity')!;
      expect(venueCapacity).toEqual(expect.objectContaining({ pending: 1, parked: 1, oldestPendingAt: expect.any(String) }));
      expect(venueCapacity.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
      await db.query('DELETE FROM outbox WHERE event_id = $1', [eventId]);
      expect(outbox.body.filter((row) => row.service !== 'venue-capacity').map((row) => row.parked)).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await relayHold.query('ROLLBACK').catch(() => undefined);
      await relayHold.end();
      await db.end();
    }
  });
});
