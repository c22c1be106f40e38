import { loadConfig } from '@sinergi/platform';
import { NotificationConfig } from './notification.config';

const common = { HTTP_PORT: '3005', DATABASE_URL: 'postgres://u:p@db:5432/sinergi_notification', KAFKA_BROKERS: 'k:9092', INTERNAL_TOKEN_JWKS: '{"keys":[]}', CONTACT_SEAL_KEY: 'A'.repeat(43) + '=', SIGN_IN_CODE_SEAL_KEY: 'B'.repeat(43) + '=' };
const load = (env: Record<string, string>) => loadConfig(NotificationConfig, 'notification', { ...common, ...env });

describe('NOTICE_SUPERSEDE_MS', () => {
  it('holds notices for 3 seconds unless told otherwise, and 0 turns holding off', () => {
    expect(load({}).NOTICE_SUPERSEDE_MS).toBe(3000);
    expect(load({ NOTICE_SUPERSEDE_MS: '0' }).NOTICE_SUPERSEDE_MS).toBe(0);
  });

  it('names the setting and its rule when it is not a whole number of milliseconds in range', () => {
    expect(() => load({ NOTICE_SUPERSEDE_MS: 'soon' })).toThrow(/NOTICE_SUPERSEDE_MS: .*must be a whole number of milliseconds \(got "soon"\)/);
    expect(() => load({ NOTICE_SUPERSEDE_MS: '600001' })).toThrow(/NOTICE_SUPERSEDE_MS: must be between 0 and 600000/);
  });
});
