import { randomInt, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { internalTokenVerifier, SealedSignInCode, sealKeyFrom, SignInCodeRequested, TOPICS, unseal } from '@sinergi/contracts';
import { ServiceHarness, testSecrets, TopicCollector, waitFor } from '@sinergi/testing';
import { gatewayService } from '../src/gateway.service-definition';
import { ParticipantSignIn, PARTICIPANT_SIGN_IN } from '../src/identity/participant-sign-in';
import { ParticipantSignInCodesModule, SignInCodesRateLimited } from '../src/sign-in-codes';

/**
 * Enrollment's POST /participants/lookup as its access rule has it: only for a valid internal token of the gateway's
 * sign-in principal (subject gateway:sign-in, no role); 404 for an identifier nobody registered.
 */
async function startEnrollmentLookup(registered: Map<string, string>, jwks: string): Promise<{ url: string; server: Server }> {
  const verify = internalTokenVerifier(JSON.parse(jwks), 'enrollment');
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', async () => {
      const answer = (status: number, value: object) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const principal = await verify((request.headers.authorization ?? '').replace(/^Bearer /, '')).catch(() => undefined);
      if (request.url !== '/participants/lookup' || request.method !== 'POST') return answer(404, {});
      if (!principal || principal.subject !== 'gateway:sign-in' || principal.roles.length > 0) return answer(403, {});
      const participantId = registered.get((JSON.parse(body) as { identifier: string }).identifier);
      return participantId ? answer(200, { participantId }) : answer(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

class GatewayHarness extends ServiceHarness {
  static async start(env: Record<string, string>): Promise<GatewayHarness> {
    const definition = { ...gatewayService, modules: [...gatewayService.modules, ParticipantSignInCodesModule] };
    return new GatewayHarness(await ServiceHarness.open(definition, [TOPICS.signInCodes], env));
  }
}

describe('gateway: participant sign-in codes (real Kafka, real PostgreSQL)', () => {
  const secrets = testSecrets();
  const registered = new Map<string, string>();
  let enrollment: { url: string; server: Server };
  let gateway: GatewayHarness;
  /** The topic's messages as they are on the broker, to look into their raw values. */
  let raw: TopicCollector;
  let signIn: ParticipantSignIn;

  beforeAll(async () => {
    enrollment = await startEnrollmentLookup(registered, secrets.INTERNAL_TOKEN_JWKS);
    const nowhere = 'http://127.0.0.1:9';
    gateway = await GatewayHarness.start({
      SIGN_IN_CODE_HMAC_KEY: secrets.SIGN_IN_CODE_HMAC_KEY,
      SIGN_IN_CODE_SEAL_KEY: secrets.SIGN_IN_CODE_SEAL_KEY,
      IDEMPOTENCY_SEAL_KEY: secrets.IDEMPOTENCY_SEAL_KEY,
      ENROLLMENT_URL: enrollment.url,
      PROGRAM_URL: nowhere,
      VENUE_CAPACITY_URL: nowhere,
      INSTRUCTOR_MODULE_URL: nowhere,
      NOTIFICATION_URL: nowhere,
      GATEWAY_PUBLIC_URL: 'http://localhost:3000',
    });
    raw = await TopicCollector.start([`${gateway.prefix}${TOPICS.signInCodes.name}`]);
    signIn = gateway.service.app.get<ParticipantSignIn>(PARTICIPANT_SIGN_IN);
  });

  afterAll(async () => {
    await raw?.stop();
    await gateway?.destroy();
    await new Promise((resolve) => enrollment?.server.close(resolve));
  });

  /** A participant enrollment knows by a fresh phone (+62812...) and e-mail. */
  function participant(): { id: string; phone: string; localPhone: string; email: string } {
    const digits = String(randomInt(10_000_000, 99_999_999));
    const found = {
      id: randomUUID(),
      phone: `+62812${digits}`,
      localPhone: `0812-${digits.slice(0, 4)}-${digits.slice(4)}`,
      email: `peserta.${digits}@contoh.id`,
    };
    registered.set(found.phone, found.id).set(found.email, found.id);
    return found;
  }

  const address = () => `198.51.100.${randomInt(1, 255)}:${randomUUID()}`;
  const topic = () => `${gateway.prefix}${TOPICS.signInCodes.name}`;
  const messagesFor = (participantId: string) =>
    raw.messages.filter((message) => message.topic === topic() && String(message.key) === participantId);

  /** The codes sent to the participant so far, opened as notification opens them. */
  async function codesSent(participantId: string, count = 1): Promise<Array<{ code: string; data: SignInCodeRequested }>> {
    const events = await gateway.waitForEvents<SignInCodeRequested>(
      'SignInCodeRequested',
      (data) => data.participantId === participantId,
      count,
    );
    return events.map(({ data }) => ({
      data,
      code: unseal<SealedSignInCode>(data.code, [sealKeyFrom(secrets.SIGN_IN_CODE_SEAL_KEY)], participantId).code,
    }));
  }

  const gatewayData = () => gateway.service.app.get(DataSource);

  it('sends a six-digit code for a registered phone in any form; it signs the participant in once', async () => {
    const known = participant();
    await signIn.requestCode(known.localPhone, address());

    const [{ code, data }] = await codesSent(known.id);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(data).toMatchObject({ participantId: known.id, channel: 'phone' });
    expect(new Date(data.expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(await signIn.verifyCode(known.phone, code, address())).toEqual({ participantId: known.id });
    expect(await signIn.verifyCode(known.phone, code, address())).toBeUndefined();
  });

  it('sends a code for a registered e-mail whatever its case, to be sent by e-mail', async () => {
    const known = participant();
    await signIn.requestCode(known.email.toUpperCase(), address());

    const [{ code, data }] = await codesSent(known.id);
    expect(data.channel).toBe('email');
    expect(await signIn.verifyCode(known.email, code, address())).toEqual({ participantId: known.id });
  });

  it('refuses an expired code', async () => {
    const known = participant();
    await signIn.requestCode(known.email, address());
    const [{ code }] = await codesSent(known.id);
    await gatewayData().query(`UPDATE sign_in_codes SET expires_at = now() - interval '1 second' WHERE participant_id = $1`, [known.id]);

    expect(await signIn.verifyCode(known.email, code, address())).toBeUndefined();
  });

  it('locks a code after five wrong tries, the right one included after that', async () => {
    const known = participant();
    await signIn.requestCode(known.email, address());
    const [{ code }] = await codesSent(known.id);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    for (let attempt = 0; attempt < 5; attempt += 1) expect(await signIn.verifyCode(known.email, wrong, address())).toBeUndefined();
    expect(await signIn.verifyCode(known.email, code, address())).toBeUndefined();
  });

  it('accepts only the newest code for an identifier', async () => {
    const known = participant();
    await signIn.requestCode(known.email, address());
    await signIn.requestCode(known.email, address());
    const [first, second] = await codesSent(known.id, 2);

    if (first.code !== second.code) expect(await signIn.verifyCode(known.email, first.code, address())).toBeUndefined();
    expect(await signIn.verifyCode(known.email, second.code, address())).toEqual({ participantId: known.id });
  });

  it('answers 429 after three requests in 15 minutes for one identifier (in any form), and after ten for one client address', async () => {
    const known = participant();
    for (let request = 0; request < 3; request += 1) await signIn.requestCode(known.localPhone, address());
    await expect(signIn.requestCode(known.phone, address())).rejects.toBeInstanceOf(SignInCodesRateLimited);

    const busy = address();
    for (let request = 0; request < 10; request += 1) await signIn.requestCode(`nobody.${randomUUID()}@contoh.id`, busy);
    const refused = await signIn.requestCode(known.email, busy).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SignInCodesRateLimited);
    expect((refused as SignInCodesRateLimited).getStatus()).toBe(429);
  });

  it('issues at most three codes per participant in 15 minutes over all their identifiers, without saying so', async () => {
    const known = participant();
    for (let request = 0; request < 3; request += 1) await signIn.requestCode(known.phone, address());
    await expect(signIn.requestCode(known.email, address())).resolves.toBeUndefined();

    const [{ count }] = (await gatewayData().query('SELECT count(*)::int AS count FROM sign_in_codes WHERE participant_id = $1', [
      known.id,
    ])) as Array<{ count: number }>;
    expect(count).toBe(3);
  });

  it('answers an unknown identifier as it answers a known one, and sends nothing', async () => {
    const before = await eventsRecorded();
    await expect(signIn.requestCode('+6281200000009', address())).resolves.toBeUndefined();
    await expect(signIn.requestCode(`unknown.${randomUUID()}@contoh.id`, address())).resolves.toBeUndefined();
    expect(await eventsRecorded()).toEqual(before);
    expect(await signIn.verifyCode('+6281200000009', '123456', address())).toBeUndefined();
  });

  it('keeps the raw code off the topic and out of the gateway tables', async () => {
    const known = participant();
    await signIn.requestCode(known.email, address());
    const [{ code }] = await codesSent(known.id);

    const messages = await waitFor('the message on the topic', () => messagesFor(known.id).length > 0 && messagesFor(known.id));
    for (const message of messages) {
      expect(String(message.value)).not.toContain(code);
      expect(String(message.value)).not.toContain(known.email);
    }
    for (const table of ['sign_in_codes', 'sign_in_code_requests', 'outbox']) {
      const rows = (await gatewayData().query(`SELECT * FROM ${table}`)) as Array<Record<string, unknown>>;
      const text = JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value));
      expect([table, text.includes(code), text.includes(known.email)]).toEqual([table, false, false]);
    }
  });

  /** The codes issued and the outbox's sequence (the relay deletes what it sent, the sequence stays): any event appended moves it. */
  async function eventsRecorded(): Promise<unknown> {
    const [codes] = (await gatewayData().query('SELECT count(*)::int AS count FROM sign_in_codes')) as unknown[];
    const [sequence] = (await gatewayData().query('SELECT last_value, is_called FROM outbox_position_seq')) as unknown[];
    return { codes, sequence };
  }
});
