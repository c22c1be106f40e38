import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotificationHarness, PORTAL } from './support';

describe('notification: sign-in codes from the gateway (real Kafka, real PostgreSQL, real sinks)', () => {
  let harness: NotificationHarness;

  beforeAll(async () => {
    harness = await NotificationHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const freshPhone = () => `+62812${randomInt(10_000_000, 99_999_999)}`;
  const freshEmail = () => `peserta.${randomUUID().slice(0, 8)}@contoh.id`;
  const paramsOf = async (deliveryId: string) =>
    ((await harness.service.app.get(DataSource).query('SELECT params FROM deliveries WHERE id = $1', [deliveryId])) as Array<{ params: Record<string, unknown> }>)[0].params;

  it('sends a code asked for by phone by SMS or WhatsApp, not by e-mail, and erases the sealed code once sent', async () => {
    const phone = freshPhone();
    const email = freshEmail();
    const participantId = await harness.participant({ phone, email });
    const requested = await harness.signInCode(participantId, '042917', 'phone');

    const sent = await harness.settled(requested, 'sign-in-code');
    const [message] = await harness.sinks.waitForProviderMessages(phone);
    expect(message.text).toContain('042917');
    expect(message.text).not.toContain(PORTAL);
    expect(harness.sinks.emailsTo(email)).toEqual([]);
    expect(await paramsOf(sent.id)).toEqual({ channel: 'phone', expiresAt: expect.any(String) });
    expect(JSON.stringify(sent)).not.toContain('sealedCode');
  });

  it('sends a code asked for by e-mail to that address only', async () => {
    const phone = freshPhone();
    const email = freshEmail();
    const participantId = await harness.participant({ phone, email });
    const requested = await harness.signInCode(participantId, '318004', 'email');

    await harness.settled(requested, 'sign-in-code');
    const [message] = await harness.sinks.waitForEmails(email);
    expect(message.text).toContain('318004');
    expect(harness.sinks.providerMessagesTo(phone)).toEqual([]);
  });

  it('does not send a code that expired before it could be, and erases it', async () => {
    const email = freshEmail();
    const participantId = await harness.participant({ email });
    const requested = await harness.signInCode(participantId, '770211', 'email', new Date(Date.now() - 1000));

    const failed = await harness.settled(requested, 'sign-in-code', 'failed');
    expect(failed.lastError).toContain('expired');
    expect(harness.sinks.emailsTo(email)).toEqual([]);
    expect(await paramsOf(failed.id)).toEqual({ channel: 'email', expiresAt: expect.any(String) });
  });
});
