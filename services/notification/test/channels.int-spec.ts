import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Test } from '@nestjs/testing';
import { serviceConfigModule } from '@sinergi/platform';
import { MessageSinks, startMessageSinks } from '@sinergi/testing';
import { CHANNEL_ADAPTERS, ChannelAdapter, ChannelName, DeliveryError, OutgoingMessage } from '../src/channels/channel.port';
import { buildChannelAdapters, ChannelsModule } from '../src/channels/channels.module';
import { DELIVERY_ID_HEADER, EmailChannel } from '../src/channels/email.channel';
import { ProviderChannel } from '../src/channels/provider.channel';
import { NotificationConfig } from '../src/notification.config';

/** Real SMTP over TCP and real HTTP, to the sinks `npm start` runs. */
describe('channels against the local sinks', () => {
  let sinks: MessageSinks;
  let adapters: ChannelAdapter[];
  const adapter = (name: ChannelName) => adapters.find((candidate) => candidate.name === name)!;

  beforeAll(async () => {
    sinks = await startMessageSinks();
    adapters = buildChannelAdapters(sinks.env());
  });

  afterAll(async () => {
    adapters.forEach((candidate) => candidate instanceof EmailChannel && candidate.close());
    await sinks.close();
  });

  const message = (channel: ChannelName, to: string): OutgoingMessage => ({
    deliveryId: randomUUID(),
    channel,
    to,
    subject: 'Kelas Anda dikonfirmasi',
    text: 'Kelas KWU-DASAR di BBPVP Bandung dimulai 12 Mei 2025.',
    language: 'id',
  });

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the send to fail');
      },
      (error: unknown) => error as DeliveryError,
    );

  describe('email', () => {
    it('delivers over SMTP with the subject, the text and the delivery id, readable in the sink', async () => {
      const sent = message('email', 'siti@example.id');
      const { providerMessageId } = await adapter('email').send(sent);

      const [email] = await sinks.waitForEmails('siti@example.id');
      expect(email).toMatchObject({ to: ['siti@example.id'], subject: sent.subject, from: '"Sinergi Kemnaker" <noreply@sinergi.kemnaker.go.id>' });
      expect(email.text.trim()).toBe(sent.text);
      expect(email.headers[DELIVERY_ID_HEADER.toLowerCase()]).toBe(sent.deliveryId);
      expect(email.headers['content-language']).toBe('id');
      expect(email.messageId).toBe(`<${sent.deliveryId}@sinergi.kemnaker.go.id>`);
      expect(providerMessageId).toBe(email.messageId);
    });

    it('a 5xx reply to the recipient is permanent, a 4xx transient', async () => {
      const refused = await failureOf(adapter('email').send(message('email', 'nobody@refuse.invalid')));
      expect(refused).toBeInstanceOf(DeliveryError);
      expect(refused).toMatchObject({ permanent: true, message: expect.stringContaining('550') });
      expect(refused.message).not.toContain('nobody@refuse.invalid');

      const deferred = await failureOf(adapter('email').send(message('email', 'later@defer.invalid')));
      expect(deferred).toMatchObject({ permanent: false, message: expect.stringContaining('451') });
    });

    it('an SMTP server that does not answer is transient', async () => {
      const unreachable = new EmailChannel({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'noreply@sinergi.kemnaker.go.id' });
      try {
        expect(await failureOf(unreachable.send(message('email', 'siti@example.id')))).toMatchObject({ permanent: false });
      } finally {
        unreachable.close();
      }
    });
  });

  it('ChannelsModule provides the adapters to Nest and closes the SMTP pool and the provider connections when the app shuts down', async () => {
    const app = await Test.createTestingModule({ imports: [serviceConfigModule(NotificationConfig, Object.assign(new NotificationConfig(), sinks.env())), ChannelsModule] }).compile();
    const provided = app.get<ChannelAdapter[]>(CHANNEL_ADAPTERS);
    expect(provided.map((candidate) => candidate.name)).toEqual(['email', 'sms', 'whatsapp']);
    await provided[0].send(message('email', 'nest@example.id'));
    await provided[1].send(message('sms', '+6281200000008'));
    const closes = [jest.spyOn(provided[0] as EmailChannel, 'close'), jest.spyOn(provided[1] as ProviderChannel, 'close'), jest.spyOn(provided[2] as ProviderChannel, 'close')];
    await app.close();
    for (const close of closes) expect(close).toHaveBeenCalledTimes(1);
  });

  describe('SMS and WhatsApp through the provider webhook', () => {
    it('posts a signed message that the provider verifies and keeps, for each channel', async () => {
      const sms = message('sms', '+6281200000001');
      const whatsapp = message('whatsapp', '+6281200000001');
      const smsAnswer = await adapter('sms').send(sms);
      const whatsappAnswer = await adapter('whatsapp').send(whatsapp);

      const kept = sinks.providerMessagesTo('+6281200000001');
      expect(kept).toEqual([
        expect.objectContaining({ providerMessageId: smsAnswer.providerMessageId, idempotencyKey: sms.deliveryId, deliveryId: sms.deliveryId, channel: 'sms', text: sms.text, language: 'id' }),
        expect.objectContaining({ providerMessageId: whatsappAnswer.providerMessageId, deliveryId: whatsapp.deliveryId, channel: 'whatsapp' }),
      ]);
    });

    it('a resend with the same delivery id is answered with the first message and not kept twice', async () => {
      const sent = message('sms', '+6281200000002');
      const first = await adapter('sms').send(sent);
      const second = await adapter('sms').send(sent);
      expect(second).toEqual(first);
      expect(sinks.providerMessagesTo('+6281200000002')).toHaveLength(1);
    });

    it('a request signed with another secret is refused (401): permanent', async () => {
      const { MESSAGING_PROVIDER_URL } = sinks.env();
      const wrongKey = new ProviderChannel('sms', { url: MESSAGING_PROVIDER_URL, secret: 'not-the-secret-the-provider-holds!', timeoutMs: 5000 });
      const error = await failureOf(wrongKey.send(message('sms', '+6281200000003')));
      expect(error).toMatchObject({ permanent: true, message: expect.stringContaining('401') });
      expect(sinks.providerMessagesTo('+6281200000003')).toEqual([]);
    });

    it('an injected 503 is transient, and the retry goes through', async () => {
      const sent = message('whatsapp', '+6281200000004');
      sinks.failNext(1, 503);
      expect(await failureOf(adapter('whatsapp').send(sent))).toMatchObject({ permanent: false, message: expect.stringContaining('503') });
      await adapter('whatsapp').send(sent);
      expect(sinks.providerMessagesTo('+6281200000004')).toHaveLength(1);
    });

    it('an injected 422 is permanent', async () => {
      sinks.failNext(1, 422);
      expect(await failureOf(adapter('sms').send(message('sms', '+6281200000005')))).toMatchObject({ permanent: true });
    });

    it('a provider slower than the timeout is transient', async () => {
      const { MESSAGING_PROVIDER_URL, MESSAGING_PROVIDER_SECRET } = sinks.env();
      const impatient = new ProviderChannel('sms', { url: MESSAGING_PROVIDER_URL, secret: MESSAGING_PROVIDER_SECRET, timeoutMs: 200 });
      sinks.failNext(1, 503, 10_000);
      const error = await failureOf(impatient.send(message('sms', '+6281200000006')));
      expect(error).toMatchObject({ permanent: false, message: 'the messaging provider did not answer within 200 ms' });
    });

    it('a provider nobody listens for is transient', async () => {
      const { MESSAGING_PROVIDER_SECRET } = sinks.env();
      const nowhere = new ProviderChannel('sms', { url: `http://127.0.0.1:${await closedPort()}`, secret: MESSAGING_PROVIDER_SECRET, timeoutMs: 5000 });
      expect(await failureOf(nowhere.send(message('sms', '+6281200000007')))).toMatchObject({ permanent: false });
    });
  });
});

/** A port that was free a moment ago and has nothing listening on it now. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
