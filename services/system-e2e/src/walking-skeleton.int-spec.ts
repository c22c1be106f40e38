import { randomUUID } from 'node:crypto';
import type { AgreementView, DeliveryView, Page, SignAgreementRequest } from '@sinergi/contracts';
import { Problem } from '@sinergi/contracts';
import { testAuthorization, waitFor } from '@sinergi/testing';
import { RunningSystem } from './running-system';

const MOU: SignAgreementRequest = {
  kind: 'MOU',
  number: 'MoU-KEMNAKER-KEMENUMKM-2025-001',
  title: 'Sinergi Program Pengembangan UMKM',
  signedOn: '2025-03-25',
  parties: [
    { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
    { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules', 'participants'] },
  ],
};

/** The walking skeleton: program and notification as real processes, talking only through Kafka. */
describe('an MoU signed through program reaches notification (processes, Kafka, PostgreSQL)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await RunningSystem.start(['program', 'notification']);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('serves health with database and Kafka checks', async () => {
    const response = await fetch(`${system.url('program')}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up', checks: { database: { status: 'up' }, kafka: { status: 'up' }, outbox: { status: 'up', parked: 0 } } });
  });

  it('records a delivery for each party, in the trace and correlation of the HTTP request', async () => {
    const correlationId = randomUUID();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await fetch(`${system.url('program')}/agreements`, {
      method: 'POST',
      headers: { ...(await testAuthorization(system.url('program'))), 'content-type': 'application/json', 'x-correlation-id': correlationId, traceparent },
      body: JSON.stringify(MOU),
    });
    expect(response.status).toBe(201);
    const agreement = (await response.json()) as AgreementView;
    expect(agreement.status).toBe('signed');

    const deliveries = await waitFor('deliveries in notification', async () => {
      const url = `${system.url('notification')}/deliveries?correlationId=${correlationId}`;
      const found = ((await (await fetch(url, { headers: await testAuthorization(url) })).json()) as Page<DeliveryView>).items;
      return found.length === 2 && found.every((delivery) => delivery.status !== 'pending') && found;
    });
    expect(deliveries.map((delivery) => delivery.recipient).sort()).toEqual(['admin:KEMENUMKM', 'admin:KEMNAKER']);
    for (const delivery of deliveries) {
      // Nobody registered these admins as recipients, and no card of theirs is on its way: failed at once, not retried.
      expect(delivery).toMatchObject({ eventType: 'AgreementSigned', template: 'agreement-signed', status: 'failed', lastError: expect.stringMatching(/^no contact: admin /) });
      expect(delivery.traceparent?.split('-')[1]).toBe('0af7651916cd43dd8448eb211c80319c');
    }
  });

  it('answers 401 to a request that skips the gateway and carries no token', async () => {
    const response = await fetch(`${system.url('program')}/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MOU) });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="sinergi"');
    expect(((await response.json()) as Problem).errors).toEqual([{ field: 'Authorization', rule: 'required', message: 'send a bearer token (through the gateway)' }]);
  });

  it('rejects a bad agreement naming the field and the rule', async () => {
    const response = await fetch(`${system.url('program')}/agreements`, {
      method: 'POST',
      headers: { ...(await testAuthorization(system.url('program'))), 'content-type': 'application/json' },
      body: JSON.stringify({ ...MOU, number: 'MoU-bad', signedOn: '25/03/2025', parties: [MOU.parties[0]] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Problem;
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'signedOn', rule: 'isCivilDate', message: 'signedOn must be a date as YYYY-MM-DD' },
        { field: 'parties', rule: 'arrayMinSize', message: 'parties must name at least two parties' },
      ]),
    );
  });

  it('refuses a second agreement with the same number', async () => {
    const post = async () =>
      fetch(`${system.url('program')}/agreements`, {
        method: 'POST',
        headers: { ...(await testAuthorization(system.url('program'))), 'content-type': 'application/json' },
        body: JSON.stringify({ ...MOU, number: 'MoU-duplicate-001' }),
      });
    expect((await post()).status).toBe(201);
    const second = await post();
    expect(second.status).toBe(409);
    expect(((await second.json()) as Problem).errors).toEqual([{ field: 'number', rule: 'unique', message: 'an agreement numbered MoU-duplicate-001 already exists' }]);
  });
});
