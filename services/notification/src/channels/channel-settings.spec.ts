import { loadConfig } from '@sinergi/platform';
import { NotificationConfig } from '../notification.config';
import { buildChannelAdapters } from './channels.module';
import { EmailChannel } from './email.channel';

const common = { HTTP_PORT: '3005', DATABASE_URL: 'postgres://u:p@db:5432/sinergi_notification', KAFKA_BROKERS: 'k:9092', INTERNAL_TOKEN_JWKS: '{"keys":[]}', CONTACT_SEAL_KEY: 'A'.repeat(43) + '=', SIGN_IN_CODE_SEAL_KEY: 'B'.repeat(43) + '=' };
const channels = {
  SMTP_URL: 'smtp://127.0.0.1:1025',
  SMTP_FROM: 'Sinergi Kemnaker <noreply@sinergi.kemnaker.go.id>',
  MESSAGING_PROVIDER_URL: 'http://127.0.0.1:8026',
  MESSAGING_PROVIDER_SECRET: 'f'.repeat(64),
};
const load = (env: Record<string, string>) => loadConfig(NotificationConfig, 'notification', { ...common, ...env });

describe('channel settings', () => {
  it('offers email, SMS and WhatsApp when all are set, and no channel when none is', () => {
    const adapters = buildChannelAdapters(load(channels));
    expect(adapters.map((adapter) => adapter.name)).toEqual(['email', 'sms', 'whatsapp']);
    adapters.forEach((adapter) => adapter instanceof EmailChannel && adapter.close());
    expect(buildChannelAdapters(load({}))).toEqual([]);
  });

  it('offers only SMS and WhatsApp without SMTP_URL', () => {
    const { MESSAGING_PROVIDER_URL, MESSAGING_PROVIDER_SECRET } = channels;
    expect(buildChannelAdapters(load({ MESSAGING_PROVIDER_URL, MESSAGING_PROVIDER_SECRET })).map((adapter) => adapter.name)).toEqual(['sms', 'whatsapp']);
  });

  it('names each bad setting and its rule', () => {
    const attempt = () => load({ SMTP_URL: 'http://mail:25', SMTP_FROM: 'noreply', MESSAGING_PROVIDER_URL: 'ftp://provider' });
    expect(attempt).toThrow(/SMTP_URL: must be smtp:\/\/\[user:password@\]host\[:port\].*\(got "http:\/\/mail:25"\)/);
    expect(attempt).toThrow(/SMTP_FROM: must be an address or "Name <address>"/);
    expect(attempt).toThrow(/MESSAGING_PROVIDER_URL: must be an http:\/\/ or https:\/\/ URL/);
    expect(attempt).toThrow(/MESSAGING_PROVIDER_SECRET: .*required when MESSAGING_PROVIDER_URL is set \(it is not set\)/);
  });

  it('requires SMTP_FROM with SMTP_URL', () => {
    expect(() => load({ SMTP_URL: channels.SMTP_URL })).toThrow(/SMTP_FROM: .*required when SMTP_URL is set \(it is not set\)/);
  });

  it('never echoes the provider secret or an SMTP password', () => {
    const attempt = () => load({ ...channels, SMTP_URL: 'smtp://mailer:hunter2@relay:99999999', MESSAGING_PROVIDER_SECRET: 'short-but-secret' });
    expect(attempt).toThrow(/MESSAGING_PROVIDER_SECRET: must be at least 32 characters.*\(value hidden\)/);
    expect(attempt).toThrow(/SMTP_URL: .*\(value hidden\)/);
    expect(attempt).not.toThrow(/hunter2|short-but-secret/);
  });
});
