import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ParticipantSignIn, PARTICIPANT_SIGN_IN } from '../src/identity/participant-sign-in';
import { TOPICS } from '@sinergi/contracts';
import {
  createTopicNamespace,
  deleteTopicNamespace,
  MessageSinks,
  ServiceUnderTest,
  startMessageSinks,
  startServiceUnderTest,
  testSecrets,
  testToken,
  TopicCollector,
  waitFor,
} from '@sinergi/testing';
import { enrollmentService } from '../../enrollment/src/enrollment.service-definition';
import { notificationService } from '../../notification/src/notification.service-definition';
import { gatewayService } from '../src/gateway.service-definition';
import { ParticipantSignInCodesModule, SignInCodesRateLimited } from '../src/sign-in-codes';

/** A mobile number no other participant of this suite has: 0812 and eight random digits. */
function freshPhone(): { local: string; e164: string } {
  const digits = String(randomInt(10_000_000, 99_999_999));
  return { local: `0812-${digits.slice(0, 4)}-${digits.slice(4)}`, e164: `+62812${digits}` };
}

let nikSerial = randomInt(0, 5000);

describe('gateway: participant sign-in codes (real Kafka, real PostgreSQL, enrollment and notification)', () => {
  let sinks: MessageSinks;
  let prefix: string;
  let collector: TopicCollector;
  let enrollment: ServiceUnderTest;
  let notification: ServiceUnderTest;
  let gateway: ServiceUnderTest;
  let signIn: ParticipantSignIn;
  const address = () => `203.0.113.${randomInt(1, 255)}-${randomUUID()}`;

  beforeAll(async () => {
    const secrets = testSecrets();
    sinks = await startMessageSinks();
    prefix = await createTopicNamespace();
    collector = await TopicCollector.start([`${prefix}${TOPICS.signInCodes.name}`]);
    enrollment = await startServiceUnderTest(enrollmentService, prefix, { env: { ...secrets, IDENTITY_CHECK_RETRY_BASE_MS: '50' } });
    notification = await startServiceUnderTest(notificationService, prefix, { env: { ...secrets, ...sinks.env(), NOTIFICATION_RETRY_BASE_MS: '100' } });
    const nowhere = 'http://127.0.0.1:9';
    gateway = await startServiceUnderTest({ ...gatewayService, modules: [...gatewayService.modules, ParticipantSignInCodesModule] }, prefix, {
      env: {
        ...secrets,
        ENROLLMENT_URL: enrollment.url,
        PROGRAM_URL: nowhere,
        VENUE_CAPACITY_URL: nowhere,
        INSTRUCTOR_MODULE_URL: nowhere,
        NOTIFICATION_URL: notification.url,
        GATEWAY_PUBLIC_URL: 'http://localhost:3000',
      },
    });
    signIn = gateway.app.get<ParticipantSignIn>(PARTICIPANT_SIGN_IN);
  });

  afterAll(async () => {
    await gateway?.destroy();
    await notification?.destroy();
    await enrollment?.destroy();
    await collector?.stop();
    await sinks?.close();
    if (prefix) await deleteTopicNamespace(prefix);
  });

  /** Registers a participant at enrollment (public route) and returns their id, phone and e-mail. */
  async function registerParticipant(): Promise<{ id: string; phone: { local: string; e164: string }; email: string }> {
    nikSerial += 1;
    const phone = freshPhone();
    const email = `peserta.${randomUUID().slice(0, 8)}@contoh.id`;
    const response = await fetch(`${enrollment.url}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nik: `327305120385${String(nikSerial).padStart(4, '0')}`,
        fullName: 'Siti Rahayu',
        birthDate: '1985-03-12',
        gender: 'M',
        phone: phone.local,
        email,
        provinceCode: '32',
        business: { scale: 'micro', sector: 'kuliner' },
      }),
    });
    const body = (await response.json()) as { id: string };
    expect(response.status).toBe(201);
    return { id: body.id, phone, email };
  }

  function codeIn(text: string): string {
    const match = /\b([0-9]{6})\b/.exec(text);
    if (!match) throw new Error('no six-digit code in the message');
    return match[1];
  }

  const gatewayData = () => gateway.app.get(DataSource);

  it('sends a code to the registered phone by SMS or WhatsApp; the code signs the participant in once', async () => {
    const participant = await registerParticipant();
    await signIn.requestCode(participant.phone.local, address());

    const [message] = await sinks.waitForProviderMessages(participant.phone.e164);
    const code = codeIn(message.text);
    expect(await signIn.verifyCode(`+62${participant.phone.e164.slice(3)}`, code, address())).toEqual({ participantId: participant.id });
    expect(await signIn.verifyCode(participant.phone.local, code, address())).toBeUndefined();
  });

  it('sends a code asked for by e-mail to that address only, and erases the sealed code once delivered', async () => {
    const participant = await registerParticipant();
    await signIn.requestCode(participant.email.toUpperCase(), address());

    const [email] = await sinks.waitForEmails(participant.email);
    expect(sinks.providerMessagesTo(participant.phone.e164)).toEqual([]);
    expect(await signIn.verifyCode(participant.email, codeIn(email.text), address())).toEqual({ participantId: participant.id });
    const rows = await waitFor('the delivery to be final and its sealed code erased', async () => {
      const found = (await notification.app
        .get(DataSource)
        .query(`SELECT status, params FROM deliveries WHERE recipient_id = $1 AND template = 'sign-in-code'`, [participant.id])) as Array<{ status: string; params: Record<string, unknown> }>;
      return found.length === 1 && found[0].status === 'sent' && !('sealedCode' in found[0].params) && found;
    });
    expect(rows[0].params).toEqual({ channel: 'email', expiresAt: expect.any(String) });
  });

  it('refuses an expired code', async () => {
    const participant = await registerParticipant();
    await signIn.requestCode(participant.email, address());
    const [email] = await sinks.waitForEmails(participant.email);
    await gatewayData().query(`UPDATE sign_in_codes SET expires_at = now() - interval '1 second' WHERE participant_id = $1`, [participant.id]);

    expect(await signIn.verifyCode(participant.email, codeIn(email.text), address())).toBeUndefined();
  });

  it('locks a code after five wrong tries, the right code included after that', async () => {
    const participant = await registerParticipant();
    await signIn.requestCode(participant.email, address());
    const code = codeIn((await sinks.waitForEmails(participant.email))[0].text);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    for (let attempt = 0; attempt < 5; attempt += 1) expect(await signIn.verifyCode(participant.email, wrong, address())).toBeUndefined();
    expect(await signIn.verifyCode(participant.email, code, address())).toBeUndefined();
  });

  it('answers 429 after three requests in 15 minutes for one identifier, and for one client address after ten', async () => {
    const participant = await registerParticipant();
    for (let request = 0; request < 3; request += 1) await signIn.requestCode(participant.phone.local, address());
    await expect(signIn.requestCode(participant.phone.e164, address())).rejects.toBeInstanceOf(SignInCodesRateLimited);

    const busy = address();
    for (let request = 0; request < 10; request += 1) await signIn.requestCode(`nobody.${request}.${randomUUID()}@contoh.id`, busy);
    const refused = await signIn.requestCode(`nobody.${randomUUID()}@contoh.id`, busy).catch((error: SignInCodesRateLimited) => error);
    expect(refused).toBeInstanceOf(SignInCodesRateLimited);
    expect((refused as SignInCodesRateLimited).getStatus()).toBe(429);
  });

  it('only issues three codes per participant in 15 minutes, over all their identifiers, without saying so', async () => {
    const participant = await registerParticipant();
    for (let request = 0; request < 3; request += 1) await signIn.requestCode(participant.phone.local, address());
    await expect(signIn.requestCode(participant.email, address())).resolves.toBeUndefined();
    const [{ count }] = (await gatewayData().query('SELECT count(*)::int AS count FROM sign_in_codes WHERE participant_id = $1', [participant.id])) as Array<{ count: number }>;
    expect(count).toBe(3);
  });

  it('answers an unknown identifier like a known one, and sends nothing', async () => {
    const phone = freshPhone();
    const email = `unknown.${randomUUID().slice(0, 8)}@contoh.id`;
    await expect(signIn.requestCode(phone.local, address())).resolves.toBeUndefined();
    await expect(signIn.requestCode(email, address())).resolves.toBeUndefined();
    // A known participant's code, asked for after, arriving shows the unknown ones had their chance to be sent first.
    const known = await registerParticipant();
    await signIn.requestCode(known.email, address());
    await sinks.waitForEmails(known.email);
    expect(sinks.providerMessagesTo(phone.e164)).toEqual([]);
    expect(sinks.emailsTo(email)).toEqual([]);
    expect(await signIn.verifyCode(email, '123456', address())).toBeUndefined();
  });

  it('keeps the code out of the topic and out of the gateway database: sealed on the one, an HMAC in the other', async () => {
    const participant = await registerParticipant();
    await signIn.requestCode(participant.email, address());
    const code = codeIn((await sinks.waitForEmails(participant.email))[0].text);

    const topic = `${prefix}${TOPICS.signInCodes.name}`;
    const messages = await waitFor('the SignInCodeRequested message', () => {
      const mine = collector.messages.filter((message) => message.topic === topic && String(message.key) === participant.id);
      return mine.length > 0 && mine;
    });
    for (const message of messages) {
      const value = String(message.value);
      expect(value).not.toContain(code);
      expect(value).not.toContain(participant.email);
      expect(JSON.parse(value)).toMatchObject({ type: 'SignInCodeRequested', data: { participantId: participant.id, channel: 'email', code: { keyId: expect.any(String) } } });
    }
    const rows = (await gatewayData().query('SELECT * FROM sign_in_codes WHERE participant_id = $1', [participant.id])) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows, (_key, value: unknown) => (value && typeof value === 'object' && 'type' in value && (value as { type: string }).type === 'Buffer' ? Buffer.from((value as unknown as { data: number[] }).data).toString('hex') : value));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(participant.email);
  });

  it('opens participants.lookup at enrollment to the gateway sign-in principal alone', async () => {
    const participant = await registerParticipant();
    const lookup = async (principal: Parameters<typeof testToken>[1], identifier = participant.phone.e164) =>
      fetch(`${enrollment.url}/participants/lookup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await testToken('enrollment', principal)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identifier }),
      });
    const signInPrincipal = { subject: 'gateway:sign-in', roles: [], venueCodes: [] };
    const allowed = await lookup(signInPrincipal, participant.phone.local);
    expect([allowed.status, await allowed.json()]).toEqual([200, { participantId: participant.id }]);
    expect((await lookup(signInPrincipal, '+6281200000001')).status).toBe(404);
    expect((await lookup({ subject: participant.id, roles: ['participant'], venueCodes: [], participantId: participant.id })).status).toBe(403);
    expect((await lookup({ subject: 'test-staff', roles: ['kemnaker-admin', 'kemenumkm-admin'], venueCodes: [] })).status).toBe(403);
    expect((await lookup({ subject: 'gateway:sign-in', roles: ['kemnaker-admin'], venueCodes: [] })).status).toBe(403);
  });
});
