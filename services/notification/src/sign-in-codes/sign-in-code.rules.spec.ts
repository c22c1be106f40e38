import type { ChannelTarget } from '../deliveries/channel-choice.rules';
import { signInCodeChannels, signInCodeExpired, signInCodeParamsOf, withoutSealedCode } from './sign-in-code.rules';

const sealed = { keyId: '0123456789abcdef', iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' };
const params = { sealedCode: sealed, channel: 'phone' as const, expiresAt: '2026-12-02T05:05:00.000Z' };
const channels: ChannelTarget[] = [
  { channel: 'whatsapp', to: '+6281234567890' },
  { channel: 'email', to: 'siti@contoh.id' },
  { channel: 'sms', to: '+6281234567890' },
];

describe('sign-in code delivery rules', () => {
  it('sends a code asked for by phone by WhatsApp or SMS in the recipient order, one asked for by e-mail by e-mail', () => {
    expect(signInCodeChannels(channels, 'phone').map((target) => target.channel)).toEqual(['whatsapp', 'sms']);
    expect(signInCodeChannels(channels, 'email').map((target) => target.channel)).toEqual(['email']);
  });

  it('knows a sign-in code delivery by its sealed code', () => {
    expect(signInCodeParamsOf(params)).toBe(params);
    expect(signInCodeParamsOf({ confirmBy: '2026-12-10' })).toBeUndefined();
  });

  it('keeps the sealed code out of what is shown', () => {
    expect(withoutSealedCode(params)).toEqual({ channel: 'phone', expiresAt: params.expiresAt });
  });

  it('stops sending at the expiry', () => {
    expect(signInCodeExpired(params, new Date('2026-12-02T05:04:59.999Z'))).toBe(false);
    expect(signInCodeExpired(params, new Date('2026-12-02T05:05:00.000Z'))).toBe(true);
  });
});
