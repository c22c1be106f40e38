import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { type LocalMessageSinks, startMessageSinkServers } from './index';

const secret = 'b'.repeat(64);

/** The sinks' HTTP APIs as a person or another tool uses them. */
describe('message sinks over HTTP', () => {
  let sinks: LocalMessageSinks;

  beforeAll(async () => {
    sinks = await startMessageSinkServers({ secret, smtpPort: 0, mailHttpPort: 0, providerPort: 0 });
  });

  afterAll(() => sinks.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${sinks.provider.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const signed = (body: string, key = 'k-1') => {
    const t = Math.floor(Date.now() / 1000);
    return { 'idempotency-key': key, 'x-sinergi-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}` };
  };
  const message = JSON.stringify({ deliveryId: 'k-1', channel: 'sms', to: '+6281200000009', text: 'Halo', language: 'id' });

  it('the provider sink keeps a signed message and lists it by number', async () => {
    const response = await post('/messages', message, signed(message));
    expect(response.status).toBe(202);
    const { providerMessageId } = (await response.json()) as { providerMessageId: string };
    const listed = (await (await fetch(`${sinks.provider.url}/messages?to=%2B6281200000009`)).json()) as { messages: unknown[] };
    expect(listed.messages).toEqual([expect.objectContaining({ providerMessageId, deliveryId: 'k-1', to: '+6281200000009' })]);
  });

  it('refuses an unsigned or stale request with 401 and a bad body with 400 naming the field', async () => {
    expect((await post('/messages', message, { 'idempotency-key': 'k-2' })).status).toBe(401);
    const stale = `t=${Math.floor(Date.now() / 1000) - 301},v1=${createHmac('sha256', secret).update('x').digest('hex')}`;
    expect((await post('/messages', message, { 'idempotency-key': 'k-2', 'x-sinergi-signature': stale })).status).toBe(401);
    const noNumber = JSON.stringify({ deliveryId: 'k-3', channel: 'sms', to: '0812', text: 'Halo', language: 'id' });
    const refused = await post('/messages', noNumber, signed(noNumber, 'k-3'));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'to: must be a phone number in E.164, e.g. +6281234567890' });
  });

  it('POST /faults fails the next requests with the given status, then lets them through', async () => {
    expect((await post('/faults', '{"failNext": 2, "status": 502}')).status).toBe(200);
    const body = JSON.stringify({ deliveryId: 'k-4', channel: 'whatsapp', to: '+6281200000010', text: 'Halo', language: 'en' });
    expect((await post('/messages', body, signed(body, 'k-4'))).status).toBe(502);
    expect((await post('/messages', body, signed(body, 'k-4'))).status).toBe(502);
    expect((await post('/messages', body, signed(body, 'k-4'))).status).toBe(202);
    expect((await post('/faults', '{"failNext": "many"}')).status).toBe(400);
  });

  it('the SMTP sink keeps what a plain SMTP client sends and lists it by recipient', async () => {
    const { port } = new URL(sinks.smtp.smtpUrl);
    await smtpDialogue(Number(port), [
      'EHLO test',
      'MAIL FROM:<noreply@sinergi.test>',
      'RCPT TO:<Rina@Example.id>',
      'DATA',
      'Subject: Jadwal kelas\r\nX-Sinergi-Delivery-Id: d-9\r\n\r\nKelas dimulai Senin.\r\n.',
      'QUIT',
    ]);
    const listed = (await (await fetch(`${sinks.smtp.httpUrl}/messages?to=rina@example.id`)).json()) as { messages: unknown[] };
    expect(listed.messages).toEqual([
      expect.objectContaining({ to: ['rina@example.id'], subject: 'Jadwal kelas', text: 'Kelas dimulai Senin.\n', headers: expect.objectContaining({ 'x-sinergi-delivery-id': 'd-9' }) }),
    ]);
    expect((await fetch(`${sinks.smtp.httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(sinks.smtp.emails()).toEqual([]);
  });
});

/** Speaks SMTP line by line, waiting for each reply, so that the test does not depend on a client library. */
function smtpDialogue(port: number, commands: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const pending = [...commands];
    socket.setEncoding('utf8');
    socket.on('data', (reply: string) => {
      if (/^[45]\d\d /m.test(reply)) return reject(new Error(`the SMTP sink answered ${reply.trim()}`));
      if (/^\d{3} /m.test(reply.split('\r\n').filter(Boolean).pop() ?? '')) {
        const next = pending.shift();
        if (next !== undefined) socket.write(`${next}\r\n`);
      }
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}
