import { createHmac } from 'node:crypto';
import { signProviderRequest, verifyProviderSignature } from './provider-signature.rules';

const secret = 'a-local-secret-of-at-least-32-characters';
const body = '{"deliveryId":"d-1","channel":"sms","to":"+6281234567890","text":"Halo","language":"id"}';
const now = 1_750_000_000;

describe('provider request signature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signProviderRequest(secret, body, now)).toBe(`t=${now},v1=${expected}`);
  });

  it('verifies a signature made with the same secret over the same body', () => {
    expect(verifyProviderSignature(signProviderRequest(secret, body, now), body, secret, now + 10)).toEqual({ valid: true });
  });

  it('refuses another secret, a changed body, and a missing or malformed header', () => {
    const header = signProviderRequest(secret, body, now);
    expect(verifyProviderSignature(header, body, 'another-secret-of-at-least-32-characters', now)).toEqual({ valid: false, reason: 'the signature does not match the body' });
    expect(verifyProviderSignature(header, body.replace('Halo', 'Hola'), secret, now)).toMatchObject({ valid: false });
    expect(verifyProviderSignature(undefined, body, secret, now)).toEqual({ valid: false, reason: expect.stringContaining('t=<unix seconds>,v1=<64 hex digits>') });
    expect(verifyProviderSignature(`t=${now},v1=abc`, body, secret, now)).toMatchObject({ valid: false });
  });

  it('refuses a timestamp more than five minutes from now, either way, so a captured request cannot be replayed later', () => {
    const header = signProviderRequest(secret, body, now);
    expect(verifyProviderSignature(header, body, secret, now + 300)).toEqual({ valid: true });
    expect(verifyProviderSignature(header, body, secret, now + 301)).toEqual({ valid: false, reason: expect.stringContaining('300 s') });
    expect(verifyProviderSignature(header, body, secret, now - 301)).toMatchObject({ valid: false });
  });
});
