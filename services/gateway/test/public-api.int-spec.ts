import { randomUUID } from 'node:crypto';
import { ACCESS_TABLE, addDays, OperationId, Principal, Problem, ROLES, Role, todayInWib } from '@sinergi/contracts';
import { Client } from 'pg';
import {
  createTopicNamespace,
  deleteTopicNamespace,
  MessageSinks,
  ServiceProcesses,
  ServiceUnderTest,
  startMessageSinks,
  readPdf,
  startServiceUnderTest,
  testAuthorization,
  TestAccessTokenOptions,
  TestIssuer,
  TopicCollector,
  testSecrets,
  waitFor,
} from '@sinergi/testing';
import { DataSource } from 'typeorm';
import { gatewayService } from '../src/gateway.service-definition';

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: OperationId }>>;
}

const ADMIN: Principal = { subject: 'admin-1', roles: ['kemnaker-admin', 'kemenumkm-admin'], venueCodes: [] };
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const MAY = `${new Date().getUTCFullYear() + 1}-05`;
const VENUE = 'BLK-GW-API';
const PARTIES = [
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
  { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules'] },
];

describe('gateway: the public API in front of the five services (real Kafka, real PostgreSQL)', () => {
  let issuer: TestIssuer;
  let prefix: string;
  let sinks: MessageSinks;
  let services: ServiceProcesses;
  let gateway: ServiceUnderTest;
  let collector: TopicCollector;

  async function api<T = unknown>(
    method: string,
    path: string,
    principal: Principal | null,
    body?: unknown,
    headers: Record<string, string> = {},
    token?: TestAccessTokenOptions,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      method,
      headers: { ...(await issuer.authorization(principal, token)), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    // A live stream stays open: its status is all there is to check.
    if (type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: undefined as T, headers: response.headers };
    }
    const text = await response.text();
    return { status: response.status, body: (text && type.includes('json') ? JSON.parse(text) : text || undefined) as T, headers: response.headers };
  }

  async function created<T>(method: string, path: string, body: unknown, principal: Principal = ADMIN): Promise<T> {
    const answer = await api<T>(method, path, principal, body);
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** SQL on a service's database, to let days pass as the calendar would, or to see what a service knows. */
  async function queryOf(service: 'enrollment' | 'program', sql: string, params: unknown[]): Promise<unknown[]> {
    const client = new Client({ connectionString: services.databaseUrl(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  const itemsOf = <T>(body: T[] | { items: T[] }): T[] => (Array.isArray(body) ? body : body.items);

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    prefix = await createTopicNamespace();
    sinks = await startMessageSinks();
    services = await ServiceProcesses.start(['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification'], prefix, {
      ...sinks.env(),
      BATCH_REPLY_TIMEOUT_MS: '60000',
    });
    gateway = await startServiceUnderTest(gatewayService, prefix, {
      env: {
        ...testSecrets(),
        PROGRAM_URL: services.url('program'),
        ENROLLMENT_URL: services.url('enrollment'),
        VENUE_CAPACITY_URL: services.url('venue-capacity'),
        INSTRUCTOR_MODULE_URL: services.url('instructor-module'),
        NOTIFICATION_URL: services.url('notification'),
        GATEWAY_PUBLIC_URL: 'http://localhost:3000',
        OIDC_ISSUER: issuer.issuer,
        RATE_LIMIT_PER_MINUTE: '100000',
        SENSITIVE_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    collector = await TopicCollector.start([`${prefix}program.agreements.v1`]);
  }, 360_000);

  afterAll(async () => {
    await collector?.stop();
    await gateway?.destroy();
    await services?.stop();
    await sinks?.close();
    await issuer?.stop();
    if (prefix) await deleteTopicNamespace(prefix);
  });

  it('answers every operation of its OpenAPI document as the access table says, for every role and for no token', async () => {
    const document = (await (await fetch(`${gateway.url}/api/docs-json`)).json()) as OpenApiDocument;
    const findings: string[] = [];
    const principalOf = (role: Role): Principal => ({ subject: `walk-${role}`, roles: [role], venueCodes: ['BLK-WALK'], instructorId: SAMPLE_ID, participantId: SAMPLE_ID });
    for (const [template, operations] of Object.entries(document.paths)) {
      if (!template.startsWith('/api/v1/')) continue;
      const path = template.slice('/api/v1'.length).replace(/\{day\}/g, '1').replace(/\{\w+\}/g, SAMPLE_ID);
      for (const [method, { operationId }] of Object.entries(operations)) {
        const rule = ACCESS_TABLE[operationId];
        const body = method === 'get' ? undefined : {};
        const label = `${method.toUpperCase()} ${template} (${operationId})`;
        const anonymous = await api<Problem>(method.toUpperCase(), path, null, body);
        if (rule !== 'public' && anonymous.status !== 401) findings.push(`${label} without a token: ${anonymous.status}`);
        if (rule === 'public') {
          if ([401, 403].includes(anonymous.status)) findings.push(`${label} is public but answered ${anonymous.status}`);
          continue;
        }
        for (const role of ROLES) {
          const answer = await api<Problem>(method.toUpperCase(), path, principalOf(role), body);
          const refusedByRole = answer.status === 403 && answer.body?.errors?.[0]?.rule === 'allowed-role';
          const allowed = role in rule;
          if (answer.status === 401) findings.push(`${label} as ${role}: 401`);
          else if (allowed && refusedByRole) findings.push(`${label} as ${role}: refused, the table allows it`);
          else if (!allowed && !refusedByRole) findings.push(`${label} as ${role}: ${answer.status}, the table refuses it`);
        }
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);

  it('refuses a forged, a wrong-audience and an expired token with 401', async () => {
    for (const token of [{ foreignKey: true }, { audience: 'another-api' }, { expiresIn: -3600 }]) {
      const answer = await api<Problem>('GET', '/agreements', ADMIN, undefined, {}, token);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([401, expect.stringContaining('application/problem+json')]);
    }
    const expired = await api<Problem>('GET', '/agreements', ADMIN, undefined, {}, { expiresIn: -3600 });
    expect(expired.body.errors).toEqual([expect.objectContaining({ field: 'Authorization', rule: 'not-expired' })]);
    const garbage = await fetch(`${gateway.url}/api/v1/agreements`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(garbage.status).toBe(401);
  });

  it("passes the caller's trace and correlation id on to the service: its events carry them", async () => {
    const traceId = 'ab'.repeat(16);
    const answer = await api<{ id: string }>(
      'POST',
      '/agreements',
      ADMIN,
      { kind: 'MOU', number: 'MOU-TRACE', title: 'Traced MoU', signedOn: '2025-03-25', parties: PARTIES },
      { traceparent: `00-${traceId}-${'cd'.repeat(8)}-01`, 'x-correlation-id': 'gw-api-trace-1' },
    );
    expect(answer.status).toBe(201);
    const envelope = await waitFor('AgreementSigned', () =>
      (collector.valuesOf(`${prefix}program.agreements.v1`) as Array<{ subject: string; traceparent?: string; correlationid: string }>).find((event) => event.subject === answer.body.id),
    );
    expect([envelope.traceparent?.split('-')[1], envelope.correlationid]).toEqual([traceId, 'gw-api-trace-1']);
  });

  describe('a programme set up and a participant enrolled through the gateway', () => {
    let programmeId: string;
    let participant: Principal;
    let enrollment: { id: string; batchId: string };

    beforeAll(async () => {
      await created('POST', '/training-modules', { moduleCode: 'KWU-DASAR', title: 'Kewirausahaan Dasar', hours: 40, ownerPartyCode: 'KEMENUMKM' });
      const mou = await created<{ id: string }>('POST', '/agreements', { kind: 'MOU', number: 'MOU-GW', title: 'Sinergi', signedOn: '2025-03-25', parties: PARTIES });
      const pks = await created<{ id: string }>('POST', '/agreements', {
        kind: 'PKS',
        number: 'PKS-GW',
        title: 'Pelatihan kewirausahaan',
        signedOn: '2025-04-10',
        parentAgreementId: mou.id,
        participantCeiling: 10_000,
        parties: PARTIES,
      });
      const programme = await created<{ id: string }>('POST', '/programmes', {
        agreementId: pks.id,
        name: 'Pelatihan Kewirausahaan Mei',
        periodStart: `${MAY}-01`,
        periodEnd: `${MAY}-31`,
        targetParticipants: 5_000,
        participantCeiling: 10_000,
        prioritySegments: ['micro', 'small'],
        moduleCode: 'KWU-DASAR',
        selectionPolicy: 'first-come-first-served',
        classDays: 3,
        minimumQuorum: 2,
        confirmByDaysBeforeStart: 3,
      });
      programmeId = programme.id;
      await created('POST', '/venues', {
        venueCode: VENUE,
        name: 'BLK Contoh Gateway',
        kind: 'BLK',
        provinceCode: '32',
        city: 'Kota Bandung',
        rooms: [
          { roomCode: 'R1', name: 'Ruang 1', seats: 20 },
          { roomCode: 'R2', name: 'Ruang 2', seats: 20 },
        ],
        closedDays: [],
        sample: true,
      });
      await created('POST', '/instructors', {
        externalRef: 'GW-API-1',
        fullName: 'Instruktur Gateway',
        phone: '+6281234500099',
        homeProvinceCode: '32',
        competencies: ['KWU-DASAR'],
        maxClassesPerPeriod: 5,
        active: true,
      });
    }, 120_000);

    it('plans a class once program knows the venue', async () => {
      const planned = await waitFor('program to know the venue', async () => {
        const answer = await api<{ id: string }>('POST', `/programmes/${programmeId}/batches`, ADMIN, { venueCode: VENUE, startDate: `${MAY}-12` });
        return answer.status === 201 && answer.body;
      });
      const batch = await api<{ id: string; venueCode: string }>('GET', `/batches/${planned.id}`, ADMIN);
      expect([batch.status, batch.body.venueCode]).toEqual([200, VENUE]);
    });

    it('plans a bulk request once under one Idempotency-Key, and refuses the key for another request', async () => {
      const request = { count: 2, from: `${MAY}-18`, to: `${MAY}-29`, provinceCodes: ['32'] };
      const headers = { 'idempotency-key': 'bulk-may-1' };
      const first = await api<{ planned: number; batchIds: string[] }>('POST', `/programmes/${programmeId}/batches/bulk`, ADMIN, request, headers);
      expect([first.status, first.body.planned]).toEqual([201, 2]);
      const retry = await api<{ planned: number; batchIds: string[] }>('POST', `/programmes/${programmeId}/batches/bulk`, ADMIN, request, headers);
      expect([retry.status, retry.body]).toEqual([201, first.body]);
      const listed = await api<Array<{ id: string }> | { items: Array<{ id: string }> }>('GET', `/programmes/${programmeId}/batches`, ADMIN);
      const ids = itemsOf(listed.body).map((batch) => batch.id);
      expect(ids.filter((id) => first.body.batchIds.includes(id))).toHaveLength(2);
      expect(ids).toHaveLength(3);
      const reused = await api<Problem>('POST', `/programmes/${programmeId}/batches/bulk`, ADMIN, { ...request, count: 1 }, headers);
      expect([reused.status, reused.body.errors]).toEqual([422, [expect.objectContaining({ field: 'Idempotency-Key', rule: 'same-request' })]]);
    });

    it('registers a participant without a token (a retry under its Idempotency-Key gets the same answer), who then enrolls and reads their record through /me', async () => {
      const registration = {
        nik: '3273051203850001',
        fullName: 'Peserta Gateway',
        birthDate: '1985-03-12',
        gender: 'M',
        phone: '+6281234500001',
        provinceCode: '32',
        business: { scale: 'micro', sector: 'kuliner' },
      };
      const headers = { 'idempotency-key': `register-${randomUUID()}` };
      const registered = await api<{ id: string }>('POST', '/participants', null, registration, headers);
      expect(registered.status).toBe(201);
      const retried = await api<{ id: string }>('POST', '/participants', null, registration, headers);
      expect([retried.status, retried.body]).toEqual([201, registered.body]);
      expect(JSON.stringify(registered.body)).toContain('Peserta Gateway');
      // The answer kept for the retry is sealed: the gateway's table holds none of the personal data it may carry.
      const kept = (await gateway.app.get(DataSource).query('SELECT row_to_json(kept)::text AS row FROM idempotency_records kept WHERE idempotency_key = $1', [
        headers['idempotency-key'],
      ])) as Array<{ row: string }>;
      expect(kept).toHaveLength(1);
      expect(kept[0].row).toContain('ciphertext');
      expect(kept[0].row).not.toMatch(/Peserta Gateway|3273051203850001|6281234500001|081234500001/);
      // Sealed under a key since replaced, the answer cannot be given again, and the registration is not repeated.
      await gateway.app.get(DataSource).query(`UPDATE idempotency_records SET sealed_body = jsonb_set(sealed_body, '{keyId}', '"retired"') WHERE idempotency_key = $1`, [
        headers['idempotency-key'],
      ]);
      const unreadable = await api<Problem>('POST', '/participants', null, registration, headers);
      expect([unreadable.status, unreadable.body.errors?.[0]?.rule]).toEqual([409, 'answer-unreadable']);
      participant = { subject: `participant-${registered.body.id}`, roles: ['participant'], venueCodes: [], participantId: registered.body.id };
      const me = await api<{ id: string }>('GET', '/me', participant);
      expect([me.status, me.body.id]).toEqual([200, registered.body.id]);
      // Seats open once the class is confirmed (venue reserved, instructor assigned) and enrollment has heard of it. An
      // enrollment whose identity check answers before then is rejected (no class in the province): wait for it first.
      await waitFor(
        'enrollment to know a confirmed class',
        async () => (await queryOf('enrollment', `SELECT 1 FROM batches WHERE programme_id = $1 AND status = 'confirmed'`, [programmeId])).length > 0,
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      const enrolled = await waitFor(
        'a seat to enroll in',
        async () => {
          const answer = await api<{ id: string; participantId: string; batchId: string }>('POST', '/me/enrollments', participant, { programmeId }, { 'idempotency-key': randomUUID() });
          if (answer.status !== 201) throw new Error(`POST /me/enrollments answered ${answer.status}: ${JSON.stringify(answer.body)}`);
          return answer.body;
        },
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      expect(enrolled.participantId).toBe(registered.body.id);
      // The identity check may still be running: the seat is given once it passes.
      enrollment = await waitFor('the participant seated', async () => {
        const seated = await api<{ id: string; batchId: string | null; status: string }>('GET', `/me/enrollments/${enrolled.id}`, participant);
        if (seated.body.status !== 'selected' || !seated.body.batchId) throw new Error(`the enrollment is ${seated.body.status}`);
        return { id: seated.body.id, batchId: seated.body.batchId };
      });
      const again = await api<Problem>('POST', '/me/enrollments', participant, { programmeId: 'not-a-uuid' }, { 'idempotency-key': randomUUID() });
      expect([again.status, again.body.errors?.[0]?.field]).toEqual([400, 'programmeId']);
      const mine = await api<{ id: string }>('GET', `/me/enrollments/${enrolled.id}`, participant);
      expect([mine.status, mine.body.id]).toEqual([200, enrolled.id]);
      const listed = await api<{ items: Array<{ id: string }> }>('GET', '/me/enrollments?limit=10', participant);
      expect([listed.status, listed.body.items.map((item) => item.id)]).toEqual([200, [enrolled.id]]);
      const someoneElse: Principal = { ...participant, subject: 'participant-other', participantId: SAMPLE_ID };
      const notTheirs = await api<Problem>('GET', `/me/enrollments/${enrolled.id}`, someoneElse);
      // enrollment refuses it itself (its own reach); the gateway's check of its own stands behind that.
      expect([notTheirs.status, notTheirs.body.errors?.[0]?.rule]).toEqual([403, 'own-records']);
    }, 120_000);

    it('hands the participant their certificate PDF byte for byte as enrollment renders it, with its type and file name', async () => {
      const { id, batchId } = enrollment;
      expect((await api('POST', `/me/enrollments/${id}/confirm`, participant)).status).toBe(200);
      const early = await api<Problem>('GET', `/me/enrollments/${id}/certificate.pdf`, participant);
      expect([early.status, early.headers.get('content-type'), early.body.errors?.[0]?.rule]).toEqual([409, 'application/problem+json; charset=utf-8', 'issued']);

      // The class's days pass (as the calendar would move them): attendance, then program completes it.
      const days = [-3, -2, -1].map((offset) => addDays(todayInWib(), offset));
      const moveDates = (service: 'enrollment' | 'program') =>
        queryOf(service, 'UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, days[0], days[2], days]);
      await moveDates('enrollment');
      for (const day of days)
        expect((await api('PUT', `/batches/${batchId}/attendance/${day}`, ADMIN, { records: [{ enrollmentId: id, present: true }] })).status).toBe(200);
      await moveDates('program');
      await waitFor('the certificate', async () => (await api('GET', `/me/enrollments/${id}/certificate`, participant)).status === 200, { timeoutMs: 60_000 });

      const download = async (url: string, principal: Principal) => {
        const response = await fetch(url, { headers: await issuer.authorization(principal) });
        return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes: Buffer.from(await response.arrayBuffer()) };
      };
      const mine = await download(`${gateway.url}/api/v1/me/enrollments/${id}/certificate.pdf`, participant);
      const forwarded = await download(`${gateway.url}/api/v1/enrollments/${id}/certificate.pdf`, ADMIN);
      const direct = await fetch(`${services.url('enrollment')}/enrollments/${id}/certificate.pdf`, { headers: await testAuthorization(services.url('enrollment')) });
      const rendered = Buffer.from(await direct.arrayBuffer());
      expect([mine.status, mine.type, forwarded.status, forwarded.type]).toEqual([200, 'application/pdf', 200, 'application/pdf']);
      expect(mine.disposition).toMatch(/^attachment; filename="sertifikat-SNG-\d{4}-[0-9A-F]{8}-001\.pdf"$/);
      expect(mine.disposition).toBe(direct.headers.get('content-disposition'));
      expect(mine.bytes.equals(rendered)).toBe(true);
      expect(forwarded.bytes.equals(rendered)).toBe(true);
      const printed = await readPdf(mine.bytes);
      expect(printed.text).toContain('Peserta Gateway');
      expect(printed.qrCodes).toEqual([expect.stringMatching(/\/portal\/verify\/[0-9A-HJKMNP-TV-Z]{10}$/)]);

      const letter = await api<Problem>('GET', `/me/enrollments/${id}/letter.pdf`, participant);
      expect([letter.status, letter.body.errors?.[0]?.rule]).toEqual([409, 'kind']);
      const someoneElse: Principal = { ...participant, subject: 'participant-other', participantId: SAMPLE_ID };
      expect((await api<Problem>('GET', `/me/enrollments/${id}/certificate.pdf`, someoneElse)).status).toBe(403);
    }, 120_000);
  });
});
